namespace Compliance.Checker.Templates.Intrinsics;

/// <summary>
/// What Ref and Fn::GetAtt return for one resource type, as format strings over the resource's name. The name is
/// the physical name the template gives (<see cref="NameProperty"/>, when it resolves), else a synthetic id
/// built from the logical id, so every reference to the resource resolves to the id its inventory record carries.
/// Placeholders: {name}, {partition}, {region}, {account}, {urlSuffix}, and {prop:X} for a property's value
/// ({prop:X|default} when the property has a default, such as an IAM Path's "/").
/// </summary>
public sealed record ResourceNaming
{
    /// <summary>The CloudFormation type, e.g. AWS::S3::Bucket.</summary>
    public required string Type { get; init; }

    /// <summary>The property that holds the physical name (BucketName, LogGroupName...), if the type has one.</summary>
    public string? NameProperty { get; init; }

    /// <summary>Prepended to a synthetic name, where rules recognise ids by prefix (an internet gateway is igw-...).</summary>
    public string SyntheticPrefix { get; init; } = "";

    /// <summary>What Ref returns.</summary>
    public string Ref { get; init; } = "{name}";

    /// <summary>What Fn::GetAtt returns, by attribute name; an attribute not listed is unknown.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The naming of a type no mapper declares: Ref gives the name and Arn a plausible ARN
    /// (arn:partition:service:region:account:kind/name; IAM's without a region); other attributes are unknown.
    /// Custom resources get no Arn: their attributes come from code the template does not contain.
    /// </summary>
    public static ResourceNaming Generic(string type)
    {
        var parts = type.Split("::");
        if (parts.Length != 3 || parts[0] != "AWS")
        {
            return new ResourceNaming { Type = type };
        }

        var service = parts[1].ToLowerInvariant();
        var region = service is "iam" or "cloudfront" or "route53" ? "" : "{region}";
        return new ResourceNaming
        {
            Type = type,
            Attributes = new Dictionary<string, string> { ["Arn"] = $"arn:{{partition}}:{service}:{region}:{{account}}:{parts[2].ToLowerInvariant()}/{{name}}" },
        };
    }
}
