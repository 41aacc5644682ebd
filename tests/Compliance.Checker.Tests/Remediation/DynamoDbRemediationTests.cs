using System.Text.Json;
using Compliance.Checker.Tests.Live;
using Compliance.Rules.DynamoDB;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.DynamoDbResponses;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>DynamoDB.Table.1 and DynamoDB.Table.3 through the DynamoDB handler and the SDK client; bodies as in the DynamoDB API reference.</summary>
public sealed class DynamoDbRemediationTests
{
    private static DynamoDbTable Table(bool pitr, bool protection) => new()
    {
        Id = "Thread",
        Region = Region,
        AccountId = Account,
        Arn = TableArn("Thread"),
        Encryption = new TableEncryption("AWS_OWNED", null),
        PointInTimeRecoveryEnabled = pitr,
        DeletionProtectionEnabled = protection,
    };

    [Fact]
    public async Task Point_in_time_recovery_is_switched_on_verified_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .OnTable("DescribeContinuousBackups", "Thread", FakeAws.Json(PitrDisabled), FakeAws.Json(PitrEnabled))
            .OnTable("UpdateContinuousBackups", "Thread", FakeAws.Json(PitrEnabled));
        var remediation = new TablePointInTimeRecoveryRemediation();
        var plan = Plan(new TablePointInTimeRecovery(), remediation, Inventory with { DynamoDbTables = [Table(pitr: false, protection: true)] });

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["DescribeContinuousBackups", "UpdateContinuousBackups", "DescribeContinuousBackups", "DescribeContinuousBackups"], Operations(aws));
        using var update = JsonDocument.Parse(Assert.Single(aws.Calls("dynamodb", "UpdateContinuousBackups")).Body);
        Assert.Equal("Thread", update.RootElement.GetProperty("TableName").GetString());
        Assert.True(update.RootElement.GetProperty("PointInTimeRecoverySpecification").GetProperty("PointInTimeRecoveryEnabled").GetBoolean());
        Assert.Equal(("DISABLED", "ENABLED"), (first.Before["PointInTimeRecoveryStatus"], first.After["PointInTimeRecoveryStatus"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task Deletion_protection_is_the_only_member_UpdateTable_sends_and_is_verified()
    {
        var aws = new FakeAws()
            .OnTable("DescribeTable", "Thread", FakeAws.Json(Describe("Thread", deletionProtection: false)), FakeAws.Json(Describe("Thread", deletionProtection: true)))
            .OnTable("UpdateTable", "Thread", FakeAws.Json(Describe("Thread", deletionProtection: true).Replace("\"Table\"", "\"TableDescription\"", StringComparison.Ordinal)));
        var remediation = new TableDeletionProtectionRemediation();
        var plan = Plan(new TableDeletionProtection(), remediation, Inventory with { DynamoDbTables = [Table(pitr: true, protection: false)] });

        var outcome = await Apply(remediation, plan, aws);

        Assert.True(outcome.Succeeded, outcome.Error);
        using var update = JsonDocument.Parse(Assert.Single(aws.Calls("dynamodb", "UpdateTable")).Body);
        Assert.Equal([("DeletionProtectionEnabled", "True"), ("TableName", "Thread")],
            update.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.True ? "True" : p.Value.GetString())).OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal(("false", "true"), (outcome.Before["DeletionProtectionEnabled"], outcome.After["DeletionProtectionEnabled"]));
        Assert.Equal(new Dictionary<string, string> { ["Region"] = Region, ["TableName"] = "Thread", ["DeletionProtectionEnabled"] = "true" }, plan.Actions[0].Parameters);
    }

    [Fact]
    public async Task A_setting_that_does_not_read_back_fails_the_remediation()
    {
        var aws = new FakeAws()
            .OnTable("DescribeTable", "Thread", FakeAws.Json(Describe("Thread", deletionProtection: false)))
            .OnTable("UpdateTable", "Thread", FakeAws.Json(Describe("Thread", deletionProtection: false).Replace("\"Table\"", "\"TableDescription\"", StringComparison.Ordinal)));
        var remediation = new TableDeletionProtectionRemediation();

        var outcome = await Apply(remediation, Plan(new TableDeletionProtection(), remediation, Inventory with { DynamoDbTables = [Table(true, false)] }), aws);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Re-verification failed", outcome.Error, StringComparison.Ordinal);
    }
}
