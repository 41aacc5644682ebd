using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// An IAM-grammar policy (resource, key, endpoint or identity policy), parsed from the standard JSON:
/// single values and arrays are both accepted, condition values of any JSON type become text.
/// </summary>
[JsonConverter(typeof(PolicyDocumentJsonConverter))]
public sealed record PolicyDocument(string? Version, IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>No policy at all: grants nothing, denies nothing.</summary>
    public static PolicyDocument Empty { get; } = new(null, []);
}

/// <summary>One statement of a policy.</summary>
public sealed record PolicyStatement
{
    public string? Sid { get; init; }

    /// <summary>Allow or Deny.</summary>
    public required string Effect { get; init; }

    /// <summary>The Principal element; null when absent (identity policies).</summary>
    public PolicyPrincipal? Principal { get; init; }

    /// <summary>The NotPrincipal element; null when absent.</summary>
    public PolicyPrincipal? NotPrincipal { get; init; }

    public IReadOnlyList<string> Actions { get; init; } = [];
    public IReadOnlyList<string> NotActions { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];
    public IReadOnlyList<string> NotResources { get; init; } = [];
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    [JsonIgnore]
    public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public bool IsDeny => string.Equals(Effect, "Deny", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A Principal element. <c>"Principal": "*"</c> is <see cref="Everyone"/>; otherwise principals by type
/// (AWS, Service, Federated, CanonicalUser).
/// </summary>
public sealed record PolicyPrincipal(bool Everyone, IReadOnlyDictionary<string, IReadOnlyList<string>> ByType)
{
    /// <summary>The values of one principal type, e.g. "AWS".</summary>
    public IReadOnlyList<string> Of(string type) => ByType.TryGetValue(type, out var values) ? values : [];

    /// <summary>True for "*" and for {"AWS": "*"}: anyone, in any account.</summary>
    [JsonIgnore]
    public bool IsPublic => Everyone || Of("AWS").Contains("*") || Of("CanonicalUser").Contains("*");
}

/// <summary>One condition test: operator, key and values. Keys compare case-insensitively, as IAM does.</summary>
/// <param name="Operator">e.g. "StringEquals", "Bool", "ForAnyValue:StringLike", "ArnLikeIfExists".</param>
/// <param name="Key">e.g. "aws:SecureTransport".</param>
/// <param name="Values">The values as text; JSON true becomes "true".</param>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);
