using System.Text.RegularExpressions;
using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compliance.Checker.Templates.Reading;

/// <summary>Reads a YAML template with positions (YamlDotNet marks are 1-based), expanding CloudFormation's short-form tags.</summary>
internal static partial class YamlTemplateReader
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    public static TemplateNode Read(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new InputException($"{displayPath}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {(ex.InnerException ?? ex).Message}");
        }

        return stream.Documents.Count switch
        {
            0 => throw new InputException($"{displayPath}: the file is empty; expected a CloudFormation template."),
            1 => Convert(stream.Documents[0].RootNode, displayPath),
            _ => throw new InputException($"{displayPath}:{At(stream.Documents[1].RootNode)}: invalid template: the file holds {stream.Documents.Count} YAML documents; a template is one."),
        };
    }

    private static TemplateNode Convert(YamlNode node, string displayPath)
    {
        var position = At(node);
        TemplateNode converted = node switch
        {
            YamlScalarNode scalar => Scalar(scalar, position),
            YamlSequenceNode sequence => new ListNode(sequence.Children.Select(c => Convert(c, displayPath)).ToList(), position),
            YamlMappingNode mapping => Map(mapping, position, displayPath),
            _ => throw new InputException($"{displayPath}:{position}: invalid template: unsupported YAML node {node.NodeType}."),
        };

        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is null || tag == "!" || tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal))
        {
            return converted;
        }

        if (tag.StartsWith('!') && ShortFormTags.Expand(tag[1..], converted, position) is { } expanded)
        {
            return expanded;
        }

        throw new InputException($"{displayPath}:{position}: invalid template: unknown tag {tag}; CloudFormation's short forms are {ShortFormTags.Known}.");
    }

    private static MapNode Map(YamlMappingNode mapping, SourcePosition position, string displayPath)
    {
        var entries = new List<MapEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new InputException($"{displayPath}:{At(keyNode)}: invalid template: a mapping key must be a plain string.");
            }

            if (!keys.Add(key))
            {
                throw new InputException($"{displayPath}:{At(keyNode)}: invalid template: the key \"{key}\" appears twice in the same mapping.");
            }

            entries.Add(new MapEntry(key, At(keyNode), Convert(valueNode, displayPath)));
        }

        return new MapNode(entries, position);
    }

    /// <summary>Plain scalars are typed as YAML's core schema types them; quoted ones are strings.</summary>
    private static ScalarNode Scalar(YamlScalarNode scalar, SourcePosition position)
    {
        var value = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag == CoreTagPrefix + "str" || scalar.Style != ScalarStyle.Plain || (tag is not null && !tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal)))
        {
            return new ScalarNode(value, ScalarKind.String, position);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return new ScalarNode(null, ScalarKind.Null, position);
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new ScalarNode(value.ToLowerInvariant(), ScalarKind.Boolean, position);
        }

        return new ScalarNode(value, NumberPattern().IsMatch(value) ? ScalarKind.Number : ScalarKind.String, position);
    }

    private static SourcePosition At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();
}
