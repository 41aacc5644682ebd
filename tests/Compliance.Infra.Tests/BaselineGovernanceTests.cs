using Amazon.CDK.Assertions;

namespace Compliance.Infra.Tests;

public sealed class BaselineGovernanceTests
{
    private static Template Default => Synth.Baseline();

    [Fact]
    public void GuardDuty_publishes_every_15_minutes_with_s3_protection()
    {
        Default.ResourceCountIs("AWS::GuardDuty::Detector", 1);
        Default.HasResourceProperties("AWS::GuardDuty::Detector", new Dictionary<string, object>
        {
            ["Enable"] = true,
            ["FindingPublishingFrequency"] = "FIFTEEN_MINUTES",
            ["Features"] = new object[] { new Dictionary<string, object> { ["Name"] = "S3_DATA_EVENTS", ["Status"] = "ENABLED" } },
            ["DataSources"] = Match.Absent(),
            ["Tags"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Key"] = "Environment", ["Value"] = "dev" } }),
        });
        Default.HasOutput("GuardDutyDetectorId", new Dictionary<string, object>());
    }
}
