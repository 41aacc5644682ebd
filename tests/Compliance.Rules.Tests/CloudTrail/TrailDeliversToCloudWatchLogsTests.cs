using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.CloudTrail.TrailFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.CloudTrail;

public sealed class TrailDeliversToCloudWatchLogsTests
{
    private readonly TrailDeliversToCloudWatchLogs _rule = new();

    [Fact]
    public void Trails_without_a_log_group_fail()
    {
        var inventory = BaseInventory with
        {
            Trails = [Trail("pass-delivering"), Trail("fail-s3-only") with { CloudWatchLogsLogGroupArn = null }, Trail("fail-blank") with { CloudWatchLogsLogGroupArn = " " }],
        };

        var findings = ExactFailing(_rule, inventory, "fail-s3-only", "fail-blank");
        Assert.Equal("Trail fail-s3-only does not deliver its events to CloudWatch Logs, so no metric filter or alarm can watch them.",
            findings.Single(f => f.Resource.Id == "fail-s3-only").Message);
        Assert.Equal($"arn:aws:logs:{Region}:{Account}:log-group:aws-cloudtrail-logs-{Account}-3f2a1b9c:*",
            findings.Single(f => f.Resource.Id == "pass-delivering").Evidence["cloudWatchLogsLogGroupArn"]);
    }
}
