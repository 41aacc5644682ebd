using System.Globalization;
using Compliance.Rules;

namespace Compliance.Checker.Function;

/// <summary>What the function does with a finding it can fix.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RemediationMode>))]
public enum RemediationMode
{
    /// <summary>Never plan or change anything (the default).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("off")] Off,
    /// <summary>Plan and report, change nothing.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("dry-run")] DryRun,
    /// <summary>Apply allow-listed remediations, re-verify and record them.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("enforce")] Enforce,
}

/// <summary>
/// The function's configuration, read once at start from environment variables (docs: README, "The Lambda service").
/// Invalid values stop the start with a message naming the variable.
/// </summary>
public sealed record FunctionConfiguration
{
    public string? ReportBucket { get; init; }
    public string? ReportKmsKey { get; init; }
    public string? SnsTopicArn { get; init; }
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Rules { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public RemediationMode Remediation { get; init; } = RemediationMode.Off;
    public IReadOnlySet<string> RemediationAllow { get; init; } = new HashSet<string>();
    public int RemediationMax { get; init; } = 10;

    /// <summary>Keys and destinations that remediations are told, never guess (S3.Bucket.3, Logs.LogGroup.1, EC2.VPC.1).</summary>
    public RemediationSettings RemediationSettings { get; init; } = RemediationSettings.None;
    public string? Suppressions { get; init; }
    public Severity NotifyMinSeverity { get; init; } = Severity.Medium;
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(600);
    public string? Region { get; init; }
    public string? EndpointUrl { get; init; }

    /// <summary>Every variable the function reads, for the documentation table and the tests.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        "COMPLIANCE_REPORT_BUCKET", "COMPLIANCE_REPORT_KMS_KEY", "COMPLIANCE_SNS_TOPIC_ARN", "COMPLIANCE_REGIONS", "COMPLIANCE_RULES",
        "COMPLIANCE_EXCLUDE", "COMPLIANCE_REMEDIATION", "COMPLIANCE_REMEDIATION_ALLOW", "COMPLIANCE_REMEDIATION_MAX",
        "COMPLIANCE_SUPPRESSIONS", "COMPLIANCE_NOTIFY_MIN_SEVERITY", "COMPLIANCE_DEADLINE_SECONDS", "AWS_REGION", "AWS_ENDPOINT_URL",
    ];

    /// <summary>Reads and validates the configuration.</summary>
    /// <exception cref="ConfigurationException">A variable has an invalid value; the message names it.</exception>
    public static FunctionConfiguration FromEnvironment(Func<string, string?> get)
    {
        string? Value(string name) => get(name) is { Length: > 0 } v ? v.Trim() : null;
        IReadOnlyList<string> List(string name) => Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

        var topic = Value("COMPLIANCE_SNS_TOPIC_ARN");
        if (topic is not null && !topic.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new ConfigurationException("COMPLIANCE_SNS_TOPIC_ARN", topic, "an SNS topic ARN (arn:aws:sns:region:account:name)");
        }

        var bucket = Value("COMPLIANCE_REPORT_BUCKET");
        if (bucket is not null && (bucket.Length is < 3 or > 63 || bucket.Contains('/') || bucket.Any(char.IsUpper)))
        {
            throw new ConfigurationException("COMPLIANCE_REPORT_BUCKET", bucket, "a bucket name (3-63 lowercase characters, no slashes)");
        }

        var mode = Value("COMPLIANCE_REMEDIATION") switch
        {
            null or "off" => RemediationMode.Off,
            "dry-run" => RemediationMode.DryRun,
            "enforce" => RemediationMode.Enforce,
            var other => throw new ConfigurationException("COMPLIANCE_REMEDIATION", other, "off, dry-run or enforce"),
        };

        var max = Value("COMPLIANCE_REMEDIATION_MAX") is { } maxText
            ? int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 1000 ? parsed
                : throw new ConfigurationException("COMPLIANCE_REMEDIATION_MAX", maxText, "a whole number from 0 to 1000")
            : 10;

        var severity = Value("COMPLIANCE_NOTIFY_MIN_SEVERITY") is { } severityText
            ? SeverityExtensions.TryParse(severityText, out var s) ? s : throw new ConfigurationException("COMPLIANCE_NOTIFY_MIN_SEVERITY", severityText, "LOW, MEDIUM, HIGH or CRITICAL")
            : Severity.Medium;

        var deadline = Value("COMPLIANCE_DEADLINE_SECONDS") is { } deadlineText
            ? int.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 10 and <= 900 ? TimeSpan.FromSeconds(seconds)
                : throw new ConfigurationException("COMPLIANCE_DEADLINE_SECONDS", deadlineText, "seconds from 10 to 900 (the Lambda maximum)")
            : TimeSpan.FromSeconds(600);

        IReadOnlyList<string> KeyArns(string name)
        {
            var arns = List(name);
            foreach (var arn in arns)
            {
                if (RemediationSettings.KeyArnRegion(arn) is null)
                {
                    throw new ConfigurationException(name, arn, "KMS key ARNs (arn:aws:kms:region:account:key/id), at most one per region");
                }
            }

            if (arns.GroupBy(RemediationSettings.KeyArnRegion).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ConfigurationException(name, string.Join(",", twice), "at most one key per region");
            }

            return arns;
        }

        var flowLogDestination = Value("COMPLIANCE_REMEDIATION_FLOW_LOG_DESTINATION");
        if (flowLogDestination is not null && !(flowLogDestination.StartsWith("arn:", StringComparison.Ordinal) && flowLogDestination.Contains(":s3:::", StringComparison.Ordinal)))
        {
            throw new ConfigurationException("COMPLIANCE_REMEDIATION_FLOW_LOG_DESTINATION", flowLogDestination, "an S3 bucket ARN (arn:aws:s3:::bucket or arn:aws:s3:::bucket/folder/)");
        }

        var endpoint = Value("AWS_ENDPOINT_URL");
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new ConfigurationException("AWS_ENDPOINT_URL", endpoint, "an absolute URL");
        }

        return new FunctionConfiguration
        {
            ReportBucket = bucket,
            ReportKmsKey = Value("COMPLIANCE_REPORT_KMS_KEY"),
            SnsTopicArn = topic,
            Regions = List("COMPLIANCE_REGIONS"),
            Rules = List("COMPLIANCE_RULES"),
            Exclude = List("COMPLIANCE_EXCLUDE"),
            Remediation = mode,
            RemediationAllow = List("COMPLIANCE_REMEDIATION_ALLOW").ToHashSet(StringComparer.OrdinalIgnoreCase),
            RemediationMax = max,
            RemediationSettings = new RemediationSettings
            {
                BucketKmsKeyArns = KeyArns("COMPLIANCE_REMEDIATION_S3_KMS_KEYS"),
                LogGroupKmsKeyArns = KeyArns("COMPLIANCE_REMEDIATION_LOGS_KMS_KEYS"),
                TopicKmsKeyArns = KeyArns("COMPLIANCE_REMEDIATION_SNS_KMS_KEYS"),
                FlowLogDestinationArn = flowLogDestination,
            },
            Suppressions = Value("COMPLIANCE_SUPPRESSIONS"),
            NotifyMinSeverity = severity,
            Deadline = deadline,
            Region = Value("AWS_REGION") ?? Value("AWS_DEFAULT_REGION"),
            EndpointUrl = endpoint,
        };
    }
}

/// <summary>The function cannot start: a variable has an invalid value.</summary>
public sealed class ConfigurationException(string variable, string value, string expected)
    : Exception($"{variable}='{value}' is invalid: expected {expected}.")
{
    public string Variable { get; } = variable;
}
