using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates;

/// <summary>One resource as declared: logical id, type, properties, condition, and where its key is written.</summary>
public sealed record TemplateResource
{
    public required string LogicalId { get; init; }
    public required string Type { get; init; }

    /// <summary>The Properties map; empty when the resource has none.</summary>
    public required MapNode Properties { get; init; }

    /// <summary>The name of the condition that decides whether the resource is created, if any.</summary>
    public string? Condition { get; init; }

    /// <summary>The Metadata map, if any (CDK writes aws:asset:path there).</summary>
    public MapNode? Metadata { get; init; }

    /// <summary>Where the resource's key is written inside Resources.</summary>
    public required SourcePosition Position { get; init; }
}

/// <summary>A parsed CloudFormation template: its sections, resources in source order.</summary>
public sealed record TemplateDocument
{
    /// <summary>The file as messages and findings name it.</summary>
    public required string DisplayPath { get; init; }

    public required IReadOnlyList<TemplateResource> Resources { get; init; }
    public MapNode Parameters { get; init; } = Empty;
    public MapNode Conditions { get; init; } = Empty;
    public MapNode Mappings { get; init; } = Empty;
    public MapNode Outputs { get; init; } = Empty;

    /// <summary>The Transform section's macro names (AWS::Serverless-2016-10-31, AWS::LanguageExtensions); they are not expanded.</summary>
    public IReadOnlyList<string> Transforms { get; init; } = [];

    /// <summary>Entries of Resources that are not resources (Fn::ForEach loops), with where they are written.</summary>
    public IReadOnlyList<(string Key, SourcePosition Position)> Unexpanded { get; init; } = [];

    private static readonly MapNode Empty = new([], new SourcePosition(1, 1));

    /// <summary>A resource by logical id.</summary>
    public TemplateResource? Resource(string logicalId) => Resources.FirstOrDefault(r => r.LogicalId == logicalId);

    /// <summary>Checks the template's shape: a map with a non-empty Resources map whose entries each have a Type.</summary>
    public static TemplateDocument From(TemplateNode root, string displayPath)
    {
        if (root is not MapNode map)
        {
            throw new InputException($"{displayPath}:{root.Position}: invalid template: expected a map with a Resources section, found a {Describe(root)}.");
        }

        if (map.Entry("Resources") is not { Value: MapNode resourcesNode } entry)
        {
            var found = map["Resources"] is { } other ? $"Resources is a {Describe(other)}" : "it has no Resources section";
            throw new InputException($"{displayPath}:{map.Position}: invalid template: {found}; a CloudFormation template declares its resources in a Resources map.");
        }

        if (resourcesNode.Entries.Count == 0)
        {
            throw new InputException($"{displayPath}:{entry.KeyPosition}: invalid template: the Resources section is empty; a template declares at least one resource.");
        }

        // Fn::ForEach loops (AWS::LanguageExtensions) generate resources at deployment; they are not expanded.
        var loops = resourcesNode.Entries.Where(e => e.Key.StartsWith("Fn::ForEach::", StringComparison.Ordinal)).ToList();
        var resources = resourcesNode.Entries.Except(loops).Select(e => Resource(e, displayPath)).ToList();
        return new TemplateDocument
        {
            DisplayPath = displayPath,
            Resources = resources,
            Parameters = Section(map, "Parameters", displayPath),
            Conditions = Section(map, "Conditions", displayPath),
            Mappings = Section(map, "Mappings", displayPath),
            Outputs = Section(map, "Outputs", displayPath),
            Unexpanded = loops.Select(l => (l.Key, l.KeyPosition)).ToList(),
            Transforms = map["Transform"] switch
            {
                ScalarNode s => [s.Text],
                ListNode l => l.Items.OfType<ScalarNode>().Select(s => s.Text).ToList(),
                _ => [],
            },
        };
    }

    private static TemplateResource Resource(MapEntry entry, string displayPath)
    {
        if (entry.Value is not MapNode body || body["Type"] is not ScalarNode { Kind: ScalarKind.String, Value: { Length: > 0 } type })
        {
            throw new InputException($"{displayPath}:{entry.KeyPosition}: invalid template: resource {entry.Key} has no Type.");
        }

        var properties = body["Properties"] switch
        {
            null or ScalarNode { Kind: ScalarKind.Null } => new MapNode([], entry.KeyPosition),
            MapNode p => p,
            var other => throw new InputException($"{displayPath}:{other.Position}: invalid template: the Properties of {entry.Key} must be a map, found a {Describe(other)}."),
        };
        return new TemplateResource
        {
            LogicalId = entry.Key,
            Type = type,
            Properties = properties,
            Condition = (body["Condition"] as ScalarNode)?.Value,
            Metadata = body["Metadata"] as MapNode,
            Position = entry.KeyPosition,
        };
    }

    private static MapNode Section(MapNode root, string name, string displayPath) => root[name] switch
    {
        null or ScalarNode { Kind: ScalarKind.Null } => Empty,
        MapNode m => m,
        var other => throw new InputException($"{displayPath}:{other.Position}: invalid template: the {name} section must be a map, found a {Describe(other)}."),
    };

    private static string Describe(TemplateNode node) => node switch
    {
        MapNode => "map",
        ListNode => "list",
        ScalarNode { Kind: ScalarKind.Null } => "null",
        _ => "scalar",
    };
}
