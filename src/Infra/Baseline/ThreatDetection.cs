using Amazon.CDK.AWS.GuardDuty;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="ThreatDetection"/>.</summary>
public sealed record ThreatDetectionProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }
}

/// <summary>
/// The GuardDuty detector: enabled, findings published every 15 minutes, S3 protection (S3 data events) and Lambda
/// protection (Lambda network activity) on, as GuardDuty.Detector.3 and .2 require. S3
/// protection is set through <c>Features</c> (<c>S3_DATA_EVENTS</c>), not the older <c>DataSources.S3Logs</c>: AWS
/// documents the two as mutually exclusive on one detector and DataSources as superseded. A region holds one
/// detector per account, so deploying fails where one already exists (import it instead). With it, an IAM Access
/// Analyzer for external access (zone of trust: the account) reports resources shared outside the account (IAM.Account.4).
/// </summary>
public sealed class ThreatDetection : Construct
{
    /// <summary>The detector.</summary>
    public CfnDetector Detector { get; }

    /// <summary>The external-access analyzer.</summary>
    public Amazon.CDK.AWS.AccessAnalyzer.CfnAnalyzer Analyzer { get; }

    public ThreatDetection(Construct scope, string id, ThreatDetectionProps props) : base(scope, id)
    {
        Detector = new CfnDetector(this, "Detector", new CfnDetectorProps
        {
            Enable = true,
            FindingPublishingFrequency = "FIFTEEN_MINUTES",
            Features = new object[]
            {
                new CfnDetector.CFNFeatureConfigurationProperty { Name = "S3_DATA_EVENTS", Status = "ENABLED" },
                new CfnDetector.CFNFeatureConfigurationProperty { Name = "LAMBDA_NETWORK_LOGS", Status = "ENABLED" },
            },
            Tags = [new CfnDetector.TagItemProperty { Key = "Name", Value = $"guardduty-detector-{props.EnvironmentName}" }],
        });
        Analyzer = new Amazon.CDK.AWS.AccessAnalyzer.CfnAnalyzer(this, "Analyzer", new Amazon.CDK.AWS.AccessAnalyzer.CfnAnalyzerProps
        {
            AnalyzerName = $"access-analyzer-{props.EnvironmentName}",
            Type = "ACCOUNT",
        });
    }
}
