using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Reading;

/// <summary>CloudFormation's YAML short forms: "!Ref X" is {"Ref": X}, "!Sub s" is {"Fn::Sub": s}, and so on.</summary>
internal static class ShortFormTags
{
    /// <summary>Tag (without "!") → long-form key.</summary>
    private static readonly Dictionary<string, string> Functions = new(StringComparer.Ordinal)
    {
        ["Ref"] = "Ref",
        ["Condition"] = "Condition",
        ["Base64"] = "Fn::Base64",
        ["Cidr"] = "Fn::Cidr",
        ["FindInMap"] = "Fn::FindInMap",
        ["GetAtt"] = "Fn::GetAtt",
        ["GetAZs"] = "Fn::GetAZs",
        ["ImportValue"] = "Fn::ImportValue",
        ["Join"] = "Fn::Join",
        ["Select"] = "Fn::Select",
        ["Split"] = "Fn::Split",
        ["Sub"] = "Fn::Sub",
        ["Transform"] = "Fn::Transform",
        ["And"] = "Fn::And",
        ["Equals"] = "Fn::Equals",
        ["If"] = "Fn::If",
        ["Not"] = "Fn::Not",
        ["Or"] = "Fn::Or",
        ["Contains"] = "Fn::Contains",
        ["EachMemberEquals"] = "Fn::EachMemberEquals",
        ["EachMemberIn"] = "Fn::EachMemberIn",
        ["RefAll"] = "Fn::RefAll",
        ["ValueOf"] = "Fn::ValueOf",
        ["ValueOfAll"] = "Fn::ValueOfAll",
        ["Length"] = "Fn::Length",
        ["ToJsonString"] = "Fn::ToJsonString",
        ["ForEach"] = "Fn::ForEach",
    };

    /// <summary>The tags this reader accepts, for error messages.</summary>
    public static string Known => string.Join(", ", Functions.Keys.Select(k => "!" + k));

    /// <summary>The long form of a tagged node, or null when the tag is not a CloudFormation function.</summary>
    public static TemplateNode? Expand(string tag, TemplateNode value, SourcePosition position)
    {
        if (!Functions.TryGetValue(tag, out var key))
        {
            return null;
        }

        // "!GetAtt Resource.Attribute" splits at the first dot; attributes may contain dots themselves (Outputs.Name).
        if (key == "Fn::GetAtt" && value is ScalarNode { Value: { } text } scalar)
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            value = dot < 0
                ? new ListNode([scalar], scalar.Position)
                : new ListNode([new ScalarNode(text[..dot], ScalarKind.String, scalar.Position), new ScalarNode(text[(dot + 1)..], ScalarKind.String, scalar.Position)], scalar.Position);
        }

        return new MapNode([new MapEntry(key, position, value)], position);
    }
}
