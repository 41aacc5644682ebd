using Compliance.Rules.DynamoDB;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.DynamoDB;

public sealed class TableDeletionProtectionTests
{
    private readonly TableDeletionProtection _rule = new();

    private static DynamoDbTable Table(string name, bool? protection) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:dynamodb:{Region}:{Account}:table/{name}",
        Encryption = new TableEncryption("AWS_OWNED", null),
        DeletionProtectionEnabled = protection,
    };

    [Fact]
    public void Tables_without_deletion_protection_fail()
    {
        var inventory = BaseInventory with { DynamoDbTables = [Table("pass-audit", true), Table("fail-sessions", false), Table("fail-cache", false)] };

        ExactFailing(_rule, inventory, "fail-sessions", "fail-cache");
    }

    [Fact]
    public void An_unknown_setting_is_an_error_and_the_failure_says_what_it_allows()
    {
        var findings = Evaluate(_rule, BaseInventory with { DynamoDbTables = [Table("orders", null), Table("sessions", false)] });

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "orders"));
        var fail = Assert.Single(findings, f => f.Resource.Id == "sessions");
        Assert.Equal("DynamoDB table sessions has deletion protection disabled, so DeleteTable would succeed.", fail.Message);
        Assert.Equal("false", fail.Evidence["deletionProtectionEnabled"]);
    }
}
