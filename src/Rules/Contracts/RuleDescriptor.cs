namespace Compliance.Rules;

/// <summary>Everything about a rule except its logic: identity, severity, mappings and parameters.</summary>
public sealed record RuleDescriptor
{
    /// <summary>Where rule pages live, relative to the repository root; the help link is derived from it.</summary>
    public const string DocsFolder = "docs/rules";

    /// <summary>Stable id, <c>Namespace.ResourceType.N</c>; never reused.</summary>
    public required string Id { get; init; }

    /// <summary>Short statement of the compliant state, not "Ensure ...".</summary>
    public required string Title { get; init; }

    /// <summary>Why the rule matters, in a sentence or two.</summary>
    public required string Rationale { get; init; }

    /// <summary>Severity of a failure.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The resource types the rule reads; the first is the type it reports on.</summary>
    public required IReadOnlyList<string> ResourceTypes { get; init; }

    /// <summary>Where the rule can reach a verdict.</summary>
    public EvaluationModes Modes { get; init; } = EvaluationModes.TemplateAndLive;

    /// <summary>The framework controls the rule supports, each with its confidence.</summary>
    public IReadOnlyList<FrameworkReference> Frameworks { get; init; } = [];

    /// <summary>Tunable values with their defaults.</summary>
    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];

    /// <summary>The rule's documentation page, derived from the id.</summary>
    public string HelpLink => $"{DocsFolder}/{Id}.md";

    /// <summary>The resource type findings are reported on.</summary>
    public string ResourceType => ResourceTypes[0];
}
