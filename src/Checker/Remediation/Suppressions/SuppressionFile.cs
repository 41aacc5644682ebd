using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compliance.Checker.Remediation.Suppressions;

/// <summary>
/// Reads a suppressions file (docs/suppressions.md): YAML with one top-level key, <c>suppressions</c>, a list of entries
/// with exactly the fields ruleId, resource, reason and expires (a date, YYYY-MM-DD), all required. Anything else is an
/// error whose message names the file, the line, the entry and the field: a typo must never silently widen or drop an
/// exception.
/// </summary>
public static partial class SuppressionFile
{
    private static readonly string[] Fields = ["ruleId", "resource", "reason", "expires"];

    /// <summary>Reads and validates the file.</summary>
    /// <exception cref="SuppressionFileException">The file is missing, unreadable or invalid.</exception>
    public static async Task<IReadOnlyList<Suppression>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SuppressionFileException($"{path}: cannot read the suppressions file: {ex.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses suppressions from YAML text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="SuppressionFileException">The text is not valid YAML or not a valid suppressions list.</exception>
    public static IReadOnlyList<Suppression> Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SuppressionFileException($"{source}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {(ex.InnerException ?? ex).Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return []; // an empty file suppresses nothing
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode top)
        {
            throw Error(source, root, "the file must be a mapping with one key, 'suppressions'");
        }

        foreach (var key in top.Children.Keys.Where(k => Scalar(k) != "suppressions"))
        {
            throw Error(source, key, $"unknown top-level key '{Scalar(key)}'; expected only 'suppressions'");
        }

        if (!top.Children.TryGetValue(new YamlScalarNode("suppressions"), out var listNode) || listNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (listNode is not YamlSequenceNode list)
        {
            throw Error(source, listNode, "'suppressions' must be a list of entries");
        }

        return list.Children.Select((node, index) => Entry(source, node, index + 1)).ToList();
    }

    private static Suppression Entry(string source, YamlNode node, int number)
    {
        if (node is not YamlMappingNode entry)
        {
            throw Error(source, node, $"suppression {number}: must be a mapping with {string.Join(", ", Fields)}");
        }

        var label = entry.Children.FirstOrDefault(c => Scalar(c.Key) == "ruleId").Value is YamlScalarNode { Value: { Length: > 0 } id }
            ? $"suppression {number} ({id.Trim()})"
            : $"suppression {number}";
        var values = new Dictionary<string, (string Value, YamlNode Node)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in entry.Children)
        {
            var key = Scalar(keyNode) ?? "";
            if (!Fields.Contains(key, StringComparer.Ordinal))
            {
                throw Error(source, keyNode, $"{label}: unknown field '{key}'; expected {string.Join(", ", Fields)}");
            }

            if (valueNode is not YamlScalarNode { Value: { } value })
            {
                throw Error(source, valueNode, $"{label}: field '{key}' must be a single value");
            }

            values[key] = (value.Trim(), valueNode);
        }

        string Required(string field, string expected) =>
            values.TryGetValue(field, out var v) && v.Value.Length > 0 ? v.Value : throw Error(source, entry, $"{label}: field '{field}' is missing or empty; expected {expected}");

        var ruleId = Required("ruleId", "a rule id or pattern such as EC2.SecurityGroup.2 or S3.*");
        if (!RulePattern().IsMatch(ruleId))
        {
            throw Error(source, values["ruleId"].Node, $"{label}: field 'ruleId' is '{ruleId}'; expected a rule id or pattern such as EC2.SecurityGroup.2 or S3.*");
        }

        var resource = Required("resource", "a resource id, ARN or pattern ('*' for every resource)");
        var reason = Required("reason", "why the risk is accepted");
        var expiresText = Required("expires", "the last day it applies, as YYYY-MM-DD");
        if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            throw Error(source, values["expires"].Node, $"{label}: field 'expires' is '{expiresText}'; expected a date as YYYY-MM-DD");
        }

        return new Suppression(ruleId, resource, reason, expires);
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static SuppressionFileException Error(string source, YamlNode node, string message) =>
        new($"{source}:{node.Start.Line}:{node.Start.Column}: {message}.");

    [GeneratedRegex(@"^[A-Za-z0-9*?]+(\.[A-Za-z0-9*?]+)*$")]
    private static partial Regex RulePattern();
}
