using System.Text.Json.Serialization;

namespace Compliance.Rules;

/// <summary>The frameworks a rule can be mapped to. Values are stable identifiers used in reports and on the command line.</summary>
public static class Frameworks
{
    /// <summary>PCI DSS v4.0 requirements, e.g. "1.3.1".</summary>
    public const string PciDss40 = "pci-dss-4.0";
    /// <summary>CIS AWS Foundations Benchmark v3.0 controls, e.g. "5.2".</summary>
    public const string CisAws30 = "cis-aws-3.0";
    /// <summary>AWS Foundational Security Best Practices (Security Hub) controls, e.g. "EC2.2".</summary>
    public const string AwsFsbp = "aws-fsbp";
    /// <summary>Security Hub controls outside FSBP (PCI DSS, NIST, tagging standards), kept as cross-references.</summary>
    public const string AwsSecurityHub = "aws-securityhub";
    /// <summary>AWS Config managed rule identifiers, e.g. "VPC_FLOW_LOGS_ENABLED".</summary>
    public const string AwsConfig = "aws-config";

    /// <summary>Every known framework, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [PciDss40, CisAws30, AwsFsbp, AwsSecurityHub, AwsConfig];

    /// <summary>The display name of a framework.</summary>
    public static string DisplayName(string framework) => framework switch
    {
        PciDss40 => "PCI DSS v4.0",
        CisAws30 => "CIS AWS Foundations v3.0",
        AwsFsbp => "AWS Foundational Security Best Practices",
        AwsSecurityHub => "AWS Security Hub control",
        AwsConfig => "AWS Config managed rule",
        _ => framework,
    };
}

/// <summary>How firmly a mapping is established.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MappingConfidence>))]
public enum MappingConfidence
{
    /// <summary>Published by AWS (Security Hub) or the framework itself; catalog tag (SH).</summary>
    [JsonStringEnumMemberName("published")] Published,
    /// <summary>The control is in a published standard but the requirement number is inferred; catalog tag (SH*).</summary>
    [JsonStringEnumMemberName("inferred")] Inferred,
    /// <summary>Proposed by us; an assessor should confirm it; catalog tag (A).</summary>
    [JsonStringEnumMemberName("proposed")] Proposed,
}

/// <summary>One control of one framework that a rule supports.</summary>
/// <param name="Framework">One of <see cref="Frameworks"/>.</param>
/// <param name="ControlId">The requirement or control id inside the framework.</param>
/// <param name="Confidence">How firm the mapping is.</param>
public sealed record FrameworkReference(string Framework, string ControlId, MappingConfidence Confidence);
