using System.Text.Json;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.Inventory;
using Compliance.Rules.Logs;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>Logs.LogGroup.1 through the Logs handler and our CloudWatch Logs client; bodies as in the CloudWatch Logs API reference.</summary>
public sealed class LogsRemediationTests
{
    private const string Group = "/app/payments";
    private const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string KeyArn = $"arn:aws:kms:eu-west-1:123456789012:key/{KeyId}";

    /// <summary>The group, and a longer-named group the prefix also matches, which must not be mistaken for it.</summary>
    private static Func<FakeRequest, HttpResponseMessage> Groups(string? kmsKeyId) => FakeAws.Json($$"""
        {
          "logGroups": [
            { "logGroupName": "{{Group}}", "creationTime": 1433189500783, "retentionInDays": 365, "metricFilterCount": 0, "storedBytes": 0,
              "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:{{Group}}:*"{{(kmsKeyId is null ? "" : $", \"kmsKeyId\": \"{kmsKeyId}\"")}} },
            { "logGroupName": "{{Group}}-audit", "creationTime": 1433189500783, "metricFilterCount": 0, "storedBytes": 0,
              "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:{{Group}}-audit:*", "kmsKeyId": "{{KeyArn}}" }
          ]
        }
        """);

    private static RemediationPlan AssociatePlan()
    {
        var key = new KmsKey { Id = KeyId, Arn = KeyArn, Region = Region, AccountId = Account, KeyManager = "CUSTOMER", KeyState = "Enabled", KeySpec = "SYMMETRIC_DEFAULT" };
        var group = new LogGroup { Id = Group, Region = Region, AccountId = Account, Arn = $"arn:aws:logs:{Region}:{Account}:log-group:{Group}:*", RetentionInDays = 365 };
        return Plan(new LogGroupEncryptedWithCustomerKey(), new LogGroupEncryptedWithCustomerKeyRemediation(new RemediationSettings { LogGroupKmsKeyArns = [KeyArn] }),
            Inventory with { LogGroups = [group], KmsKeys = [key] });
    }

    [Fact]
    public async Task Associates_the_configured_key_and_verifies_the_exact_group_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On("logs", "DescribeLogGroups", Region, Groups(null), Groups(KeyArn))
            .On("logs", "AssociateKmsKey", Region, FakeAws.Json(""));
        var remediation = new LogGroupEncryptedWithCustomerKeyRemediation();
        var plan = AssociatePlan();

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["DescribeLogGroups", "AssociateKmsKey", "DescribeLogGroups", "DescribeLogGroups"], Operations(aws));
        using var associate = JsonDocument.Parse(Assert.Single(aws.Calls("logs", "AssociateKmsKey")).Body);
        Assert.Equal([("logGroupName", Group), ("kmsKeyId", KeyArn)], associate.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
        using var describe = JsonDocument.Parse(aws.Calls("logs", "DescribeLogGroups")[0].Body);
        Assert.Equal(Group, describe.RootElement.GetProperty("logGroupNamePrefix").GetString());
        Assert.Equal(new Dictionary<string, string> { ["LogGroupName"] = Group }, first.Before);
        Assert.Equal(new Dictionary<string, string> { ["LogGroupName"] = Group, ["KmsKeyId"] = KeyArn }, first.After);
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task A_key_that_only_a_similarly_named_group_has_does_not_verify()
    {
        var aws = new FakeAws()
            .On("logs", "DescribeLogGroups", Groups(null))
            .On("logs", "AssociateKmsKey", FakeAws.Json(""));

        var outcome = await Apply(new LogGroupEncryptedWithCustomerKeyRemediation(), AssociatePlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.After.ContainsKey("KmsKeyId"));
    }

    [Fact]
    public async Task A_key_whose_policy_does_not_admit_cloudwatch_logs_is_refused_and_reported()
    {
        var aws = new FakeAws()
            .On("logs", "DescribeLogGroups", Groups(null))
            .On("logs", "AssociateKmsKey", FakeAws.JsonError("AccessDeniedException",
                $"The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:eu-west-1:123456789012:log-group:{Group}'"));

        var outcome = await Apply(new LogGroupEncryptedWithCustomerKeyRemediation(), AssociatePlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Failed while calling logs:AssociateKmsKey: AccessDeniedException", outcome.Error, StringComparison.Ordinal);
    }
}
