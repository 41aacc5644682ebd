using System.Text.Json;
using Compliance.Checker.Function;
using Compliance.Checker.Json;
using Compliance.Checker.Remediation;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Remediation;

public sealed class RemediationJsonTests
{
    [Fact]
    public void Modes_and_outcomes_are_written_as_words_in_the_report()
    {
        var run = new RemediationRun(RemediationMode.DryRun,
        [
            new RemediationRecord
            {
                RuleId = RuleIds.Ec2SecurityGroup2, Outcome = RemediationStatus.Planned, Detail = "Revoke sgr-0d1f2e3c4b5a69788.",
                Resource = new ResourceRef("AWS::EC2::SecurityGroup", "sg-0a1b2c3d4e5f60718", null, "eu-west-1", "123456789012"),
            },
        ]);

        var json = JsonSerializer.Serialize(run, ComplianceJson.Options);

        Assert.Contains("\"mode\": \"dry-run\"", json);
        Assert.Contains("\"outcome\": \"Planned\"", json);
    }
}
