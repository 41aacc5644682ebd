using Compliance.Rules.DynamoDB;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.DynamoDB;

public sealed class TablePointInTimeRecoveryRemediationTests
{
    private readonly TablePointInTimeRecovery _rule = new();
    private readonly TablePointInTimeRecoveryRemediation _remediation = new();

    internal static DynamoDbTable Table(string name, bool? pitr = true, bool? protection = true, string region = Region) => new()
    {
        Id = name,
        Region = region,
        AccountId = Account,
        Arn = $"arn:aws:dynamodb:{region}:{Account}:table/{name}",
        PointInTimeRecoveryEnabled = pitr,
        DeletionProtectionEnabled = protection,
    };

    [Fact]
    public void A_table_without_recovery_gets_UpdateContinuousBackups_in_its_region()
    {
        var inventory = BaseInventory with { DynamoDbTables = [Table("sessions", pitr: false, region: OtherRegion)] };

        var plan = PlanFor(_rule, _remediation, inventory, "sessions");

        IsSingleCall(plan, "dynamodb:UpdateContinuousBackups", new Dictionary<string, string>
        {
            ["Region"] = OtherRegion, ["TableName"] = "sessions", ["PointInTimeRecoveryEnabled"] = "true",
        });
        Assert.Equal("Enable point-in-time recovery on DynamoDB table sessions (now disabled).", plan!.Summary);
        DeclaresItsActions(_remediation, plan);
    }

    [Fact]
    public void Passing_and_unknown_tables_get_no_plan()
    {
        Assert.Null(PlanFor(_rule, _remediation, BaseInventory with { DynamoDbTables = [Table("orders")] }, "orders"));
        Assert.Null(PlanFor(_rule, _remediation, BaseInventory with { DynamoDbTables = [Table("orders", pitr: null)] }, "orders"));
    }
}

public sealed class TableDeletionProtectionRemediationTests
{
    private readonly TableDeletionProtection _rule = new();
    private readonly TableDeletionProtectionRemediation _remediation = new();

    [Fact]
    public void A_table_without_protection_gets_UpdateTable_with_only_deletion_protection()
    {
        var inventory = BaseInventory with { DynamoDbTables = [TablePointInTimeRecoveryRemediationTests.Table("sessions", protection: false)] };

        var plan = PlanFor(_rule, _remediation, inventory, "sessions");

        IsSingleCall(plan, "dynamodb:UpdateTable", new Dictionary<string, string>
        {
            ["Region"] = Region, ["TableName"] = "sessions", ["DeletionProtectionEnabled"] = "true",
        });
        DeclaresItsActions(_remediation, plan!);
    }

    [Fact]
    public void Passing_and_unknown_tables_get_no_plan()
    {
        Assert.Null(PlanFor(_rule, _remediation, BaseInventory with { DynamoDbTables = [TablePointInTimeRecoveryRemediationTests.Table("orders")] }, "orders"));
        Assert.Null(PlanFor(_rule, _remediation, BaseInventory with { DynamoDbTables = [TablePointInTimeRecoveryRemediationTests.Table("orders", protection: null)] }, "orders"));
    }
}
