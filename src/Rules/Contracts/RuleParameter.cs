namespace Compliance.Rules;

/// <summary>A tunable value of a rule, with the default the baseline uses.</summary>
/// <param name="Name">camelCase name, unique within the rule.</param>
/// <param name="DefaultValue">The default, as text; lists are comma-separated.</param>
/// <param name="Description">What the value controls.</param>
public sealed record RuleParameter(string Name, string DefaultValue, string Description);
