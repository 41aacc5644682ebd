using System.Text.Json.Serialization;

namespace Compliance.Rules;

/// <summary>How much a failing finding matters. Ordered: a higher value is more severe.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Hygiene; weight 1.</summary>
    [JsonStringEnumMemberName("LOW")] Low = 1,
    /// <summary>Weakens a control; weight 2.</summary>
    [JsonStringEnumMemberName("MEDIUM")] Medium = 2,
    /// <summary>Exposes data or access; weight 5.</summary>
    [JsonStringEnumMemberName("HIGH")] High = 3,
    /// <summary>Directly exploitable exposure; weight 10.</summary>
    [JsonStringEnumMemberName("CRITICAL")] Critical = 4,
}

/// <summary>Scoring weights and the canonical spelling of severities.</summary>
public static class SeverityExtensions
{
    /// <summary>The score weight of a severity: CRITICAL 10, HIGH 5, MEDIUM 2, LOW 1.</summary>
    public static int Weight(this Severity severity) => severity switch
    {
        Severity.Critical => 10,
        Severity.High => 5,
        Severity.Medium => 2,
        _ => 1,
    };

    /// <summary>The upper-case name used in reports and on the command line.</summary>
    public static string ToWireName(this Severity severity) => severity.ToString().ToUpperInvariant();

    /// <summary>Parses LOW, MEDIUM, HIGH or CRITICAL, in any case.</summary>
    public static bool TryParse(string? text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
