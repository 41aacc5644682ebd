using System.Globalization;
using System.Net;
using Constructs;

namespace Compliance.Infra;

/// <summary>The context values of the app (<c>cdk deploy -c name=value</c>, or cdk.json), read and checked once.</summary>
public sealed record DeploymentSettings
{
    /// <summary>The values of <c>remediationMode</c>.</summary>
    public static IReadOnlySet<string> RemediationModes { get; } = new HashSet<string>(StringComparer.Ordinal) { "off", "dry-run", "enforce" };

    /// <summary>Environment suffix of every name (<c>env</c>, default "dev").</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>Target region (<c>region</c>); null leaves the stacks environment-agnostic (CDK_DEFAULT_REGION when set).</summary>
    public string? Region { get; init; }

    /// <summary>Target account (<c>account</c>); null takes CDK_DEFAULT_ACCOUNT.</summary>
    public string? Account { get; init; }

    /// <summary>CIDR allowed to reach the management tier over SSH (<c>adminCidr</c>), used by the baseline stack.</summary>
    public required string AdminCidr { get; init; }

    /// <summary>Internet gateway and NAT gateway on (<c>nat</c>, default true), used by the baseline stack.</summary>
    public required bool Nat { get; init; }

    /// <summary>COMPLIANCE_REMEDIATION of the function (<c>remediationMode</c>: off, dry-run or enforce; default off).</summary>
    public required string RemediationMode { get; init; }

    /// <summary>Rule ids whose remediation may run (<c>remediationAllow</c>, comma-separated); only these get write permissions.</summary>
    public required IReadOnlyList<string> RemediationAllow { get; init; }

    /// <summary>Optional e-mail subscribed to the alert topic (<c>alertEmail</c>).</summary>
    public string? AlertEmail { get; init; }

    /// <summary>Create the multi-region CloudTrail trail the security-group rule needs (<c>cloudTrail</c>, default false).</summary>
    public required bool CloudTrail { get; init; }

    /// <summary>Lambda SnapStart on the checker's published version, triggers invoking its alias (<c>snapStart</c>, default false).</summary>
    public bool SnapStart { get; init; }

    /// <summary>Regions of the nightly scan (<c>scanRegions</c>, comma-separated); empty means the deployment region.</summary>
    public required IReadOnlyList<string> ScanRegions { get; init; }

    /// <summary>COMPLIANCE_SUPPRESSIONS (<c>suppressions</c>): s3://bucket/key or an SSM parameter name; null for none.</summary>
    public string? Suppressions { get; init; }

    /// <summary>Days before flow logs move to Glacier (<c>flowLogGlacierDays</c>, default 7).</summary>
    public int FlowLogGlacierDays { get; init; } = 7;

    /// <summary>
    /// Days before flow logs expire (<c>flowLogExpireDays</c>, default 365). The issue said 30; PCI DSS 10.5.1 keeps audit
    /// logs 12 months and the checker's S3.Bucket.6 fails a log bucket that expires them sooner.
    /// </summary>
    public int FlowLogExpireDays { get; init; } = 365;

    /// <summary>Account trusted to assume the cross-account auditor role (<c>auditorAccount</c>); null creates no auditor role.</summary>
    public string? AuditorAccount { get; init; }

    /// <summary>External ID the auditor must present (<c>auditorExternalId</c>, 32-1224 characters); required with an auditor account.</summary>
    public string? AuditorExternalId { get; init; }

    /// <summary>CIDR the auditor must call from (<c>auditorCidr</c>); required with an auditor account.</summary>
    public string? AuditorCidr { get; init; }

    /// <summary>Regions the region-restriction policy allows (<c>allowedRegions</c>, comma-separated); empty means the stack's region.</summary>
    public IReadOnlyList<string> AllowedRegions { get; init; } = [];

    /// <summary>
    /// The remediation targets passed through to the function (context <c>s3KmsKeys</c>, <c>logsKmsKeys</c>,
    /// <c>snsKmsKeys</c>, <c>flowLogDestination</c>) by variable name; the function validates them at start.
    /// </summary>
    public required IReadOnlyDictionary<string, string> RemediationTargets { get; init; }

    /// <summary>Reads and validates the context of <paramref name="scope"/>.</summary>
    /// <exception cref="ArgumentException">A value is invalid; the message names the context key.</exception>
    public static DeploymentSettings FromContext(Construct scope)
    {
        string? Get(string key) => scope.Node.TryGetContext(key) switch
        {
            null => null,
            string s when string.IsNullOrWhiteSpace(s) => null,
            var v => Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim(),
        };
        bool Flag(string key, bool fallback) => Get(key) switch
        {
            null => fallback,
            var v when bool.TryParse(v, out var b) => b,
            var v => throw new ArgumentException($"Context '{key}' must be true or false, not '{v}'."),
        };
        IReadOnlyList<string> List(string key) =>
            (Get(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var env = Get("env") ?? "dev";
        if (env.Length > 16 || !env.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException($"Context 'env' must be 1-16 lowercase letters or digits, not '{env}'.");
        }

        var mode = Get("remediationMode") ?? "off";
        if (!RemediationModes.Contains(mode))
        {
            throw new ArgumentException($"Context 'remediationMode' must be off, dry-run or enforce, not '{mode}'.");
        }

        var adminCidr = Get("adminCidr") ?? "10.0.21.0/24";
        if (!IPNetwork.TryParse(adminCidr, out _))
        {
            throw new ArgumentException($"Context 'adminCidr' must be a CIDR such as 203.0.113.10/32, not '{adminCidr}'.");
        }

        int Days(string key, int fallback) => Get(key) switch
        {
            null => fallback,
            var v when int.TryParse(v, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 3650 => d,
            var v => throw new ArgumentException($"Context '{key}' must be a number of days from 1 to 3650, not '{v}'."),
        };
        var glacier = Days("flowLogGlacierDays", 7);
        var expire = Days("flowLogExpireDays", 365);
        if (expire <= glacier)
        {
            throw new ArgumentException($"Context 'flowLogExpireDays' ({expire}) must be later than 'flowLogGlacierDays' ({glacier}).");
        }

        var auditorAccount = Get("auditorAccount");
        var externalId = Get("auditorExternalId");
        var auditorCidr = Get("auditorCidr");
        if (auditorAccount is null)
        {
            if (externalId is not null || auditorCidr is not null)
            {
                throw new ArgumentException("Context 'auditorExternalId' and 'auditorCidr' need 'auditorAccount', the account trusted to assume the auditor role.");
            }
        }
        else
        {
            if (auditorAccount.Length != 12 || !auditorAccount.All(char.IsAsciiDigit))
            {
                throw new ArgumentException($"Context 'auditorAccount' must be a 12-digit account id, not '{auditorAccount}'.");
            }

            // STS accepts 2-1224 characters of [\w+=,.@:/-]; the baseline asks for at least 32.
            if (externalId is null || externalId.Length is < 32 or > 1224
                || !externalId.All(c => char.IsAsciiLetterOrDigit(c) || "_+=,.@:/-".Contains(c, StringComparison.Ordinal)))
            {
                throw new ArgumentException("Context 'auditorExternalId' must be 32-1224 characters of letters, digits and _+=,.@:/- (for example `openssl rand -hex 24`).");
            }

            if (auditorCidr is null || !IPNetwork.TryParse(auditorCidr, out _))
            {
                throw new ArgumentException($"Context 'auditorCidr' must be the CIDR the auditor calls from, such as 203.0.113.0/24, not '{auditorCidr}'.");
            }
        }

        var allowedRegions = List("allowedRegions");
        foreach (var region in allowedRegions)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2}(-[a-z]+)+-[0-9]$"))
            {
                throw new ArgumentException($"Context 'allowedRegions' must list region names such as eu-west-1, not '{region}'.");
            }
        }

        return new DeploymentSettings
        {
            AuditorAccount = auditorAccount,
            AuditorExternalId = externalId,
            AuditorCidr = auditorCidr,
            AllowedRegions = allowedRegions,
            FlowLogGlacierDays = glacier,
            FlowLogExpireDays = expire,
            EnvironmentName = env,
            Region = Get("region"),
            Account = Get("account"),
            AdminCidr = adminCidr,
            Nat = Flag("nat", fallback: true),
            RemediationMode = mode,
            RemediationAllow = List("remediationAllow"),
            AlertEmail = Get("alertEmail"),
            CloudTrail = Flag("cloudTrail", fallback: false),
            SnapStart = Flag("snapStart", fallback: false),
            ScanRegions = List("scanRegions"),
            Suppressions = Get("suppressions"),
            RemediationTargets = new Dictionary<string, string?>
            {
                ["COMPLIANCE_REMEDIATION_S3_KMS_KEYS"] = Get("s3KmsKeys"),
                ["COMPLIANCE_REMEDIATION_LOGS_KMS_KEYS"] = Get("logsKmsKeys"),
                ["COMPLIANCE_REMEDIATION_SNS_KMS_KEYS"] = Get("snsKmsKeys"),
                ["COMPLIANCE_REMEDIATION_FLOW_LOG_DESTINATION"] = Get("flowLogDestination"),
            }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
        };
    }
}
