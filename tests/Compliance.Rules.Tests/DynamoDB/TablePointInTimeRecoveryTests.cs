using Compliance.Rules.DynamoDB;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.DynamoDB;

public sealed class TablePointInTimeRecoveryTests
{
    private readonly TablePointInTimeRecovery _rule = new();

    private static DynamoDbTable Table(string name, bool? pitr) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:dynamodb:{Region}:{Account}:table/{name}",
        Encryption = new TableEncryption("AWS_OWNED", null),
        PointInTimeRecoveryEnabled = pitr,
    };

    [Fact]
    public void Tables_without_point_in_time_recovery_fail()
    {
        var inventory = BaseInventory with { DynamoDbTables = [Table("pass-orders", true), Table("fail-sessions", false)] };

        ExactFailing(_rule, inventory, "fail-sessions");
    }

    [Fact]
    public void Unknown_recovery_status_is_an_error()
    {
        var inventory = BaseInventory with { DynamoDbTables = [Table("orders", null)] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "orders"));
    }

    [Fact]
    public void Failure_names_the_table_and_the_setting()
    {
        var inventory = BaseInventory with { DynamoDbTables = [Table("orders", false) with { Tags = new Dictionary<string, string> { ["Name"] = "Orders" } }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("DynamoDB table orders (Orders) has point-in-time recovery disabled.", finding.Message);
        Assert.Equal("false", finding.Evidence["pointInTimeRecoveryEnabled"]);
    }
}
