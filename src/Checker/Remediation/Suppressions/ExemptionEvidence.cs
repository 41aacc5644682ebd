namespace Compliance.Checker.Remediation.Suppressions;

/// <summary>The evidence keys <see cref="SuppressionFilter"/> adds, and the exemption tag it reads.</summary>
public static class ExemptionEvidence
{
    /// <summary>The resource tag that exempts it from rules: rule ids or patterns, comma- or space-separated.</summary>
    public const string TagKey = "compliance:exempt";

    /// <summary>On an EXEMPT finding: the reason of the suppression that applies.</summary>
    public const string SuppressionReason = "suppressionReason";

    /// <summary>On an EXEMPT finding: the last day the suppression applies (yyyy-MM-dd).</summary>
    public const string SuppressionExpires = "suppressionExpires";

    /// <summary>On a finding that kept its status: a matching suppression expired on this day (yyyy-MM-dd).</summary>
    public const string SuppressionExpired = "suppressionExpired";

    /// <summary>On an EXEMPT finding: the value of the resource's compliance:exempt tag.</summary>
    public const string ExemptTag = "exemptTag";

    /// <summary>On an EXEMPT finding: the status it had before the exemption (FAIL or ERROR).</summary>
    public const string ExemptedStatus = "exemptedStatus";
}
