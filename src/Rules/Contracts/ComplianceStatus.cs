using System.Text.Json.Serialization;

namespace Compliance.Rules;

/// <summary>The outcome of one rule on one resource.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComplianceStatus>))]
public enum ComplianceStatus
{
    /// <summary>The resource meets the rule.</summary>
    [JsonStringEnumMemberName("PASS")] Pass,
    /// <summary>The resource breaks the rule.</summary>
    [JsonStringEnumMemberName("FAIL")] Fail,
    /// <summary>The rule could not be evaluated: data missing, access denied, value unknown. Counts against the score.</summary>
    [JsonStringEnumMemberName("ERROR")] Error,
    /// <summary>A suppression with a reason and an expiry applies.</summary>
    [JsonStringEnumMemberName("EXEMPT")] Exempt,
    /// <summary>The rule does not apply to this resource (for example an AWS-managed key and a rotation rule).</summary>
    [JsonStringEnumMemberName("NOT_APPLICABLE")] NotApplicable,
}

/// <summary>The canonical spelling of statuses.</summary>
public static class ComplianceStatusExtensions
{
    /// <summary>PASS, FAIL, ERROR, EXEMPT or NOT_APPLICABLE.</summary>
    public static string ToWireName(this ComplianceStatus status) => status switch
    {
        ComplianceStatus.Pass => "PASS",
        ComplianceStatus.Fail => "FAIL",
        ComplianceStatus.Error => "ERROR",
        ComplianceStatus.Exempt => "EXEMPT",
        _ => "NOT_APPLICABLE",
    };
}
