using Compliance.Checker.Function;

namespace Compliance.Checker.Remediation;

/// <summary>How far remediation may go in one run.</summary>
public sealed record RemediationOptions
{
    /// <summary>off (nothing), dry-run (plan and record), enforce (apply and re-verify).</summary>
    public RemediationMode Mode { get; init; } = RemediationMode.Off;

    /// <summary>The rule ids whose remediation may run (COMPLIANCE_REMEDIATION_ALLOW), compared case-insensitively; empty allows none.</summary>
    public IReadOnlySet<string> Allow { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most findings planned (dry-run) or attempted (enforce) in one run (COMPLIANCE_REMEDIATION_MAX).</summary>
    public int MaxPerRun { get; init; } = 10;

    /// <summary>The options the function's configuration sets.</summary>
    public static RemediationOptions From(FunctionConfiguration configuration) => new()
    {
        Mode = configuration.Remediation,
        Allow = configuration.RemediationAllow,
        MaxPerRun = configuration.RemediationMax,
    };

    /// <summary>True when <paramref name="ruleId"/> is on the allow-list.</summary>
    public bool Allows(string ruleId) => Allow.Any(id => string.Equals(id.Trim(), ruleId, StringComparison.OrdinalIgnoreCase));
}
