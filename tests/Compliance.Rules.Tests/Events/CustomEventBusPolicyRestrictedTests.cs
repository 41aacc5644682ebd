using Compliance.Rules.Events;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Events;

public sealed class CustomEventBusPolicyRestrictedTests
{
    private readonly CustomEventBusPolicyRestricted _rule = new();

    private static EventBus Bus(string name, string? statements) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:events:{Region}:{Account}:event-bus/{name}",
        Policy = statements is null ? PolicyDocument.Empty : PolicyDocumentJsonConverter.Parse($$"""{"Version":"2012-10-17","Statement":[{{statements}}]}"""),
    };

    private const string OtherAccount = """{"Sid":"partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"events:PutEvents","Resource":"arn:aws:events:eu-west-1:123456789012:event-bus/orders"}""";

    [Fact]
    public void Custom_buses_need_a_policy_without_open_statements()
    {
        var inventory = BaseInventory with
        {
            EventBuses =
            [
                Bus("default", null),
                Bus("pass-partner-account", OtherAccount),
                Bus("pass-organization", """{"Sid":"org","Effect":"Allow","Principal":"*","Action":"events:PutEvents","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"""),
                Bus("pass-open-deny", """{"Sid":"deny","Effect":"Deny","Principal":"*","Action":"events:*","Resource":"*"}""" + "," + OtherAccount),
                Bus("fail-no-policy", null),
                Bus("fail-open", """{"Sid":"anyone","Effect":"Allow","Principal":"*","Action":"events:PutEvents","Resource":"*"}"""),
                Bus("fail-aws-star", OtherAccount + "," + """{"Sid":"all","Effect":"Allow","Principal":{"AWS":"*"},"Action":"events:*","Resource":"*"}"""),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-no-policy", "fail-open", "fail-aws-star");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "default"));
    }

    [Fact]
    public void An_unreadable_policy_is_an_error()
    {
        var inventory = BaseInventory with { EventBuses = [Bus("orders", OtherAccount) with { Policy = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "orders"));
    }

    [Fact]
    public void Failure_names_the_open_statement()
    {
        var inventory = BaseInventory with { EventBuses = [Bus("orders", """{"Sid":"anyone","Effect":"Allow","Principal":"*","Action":"events:PutEvents","Resource":"*"}""")] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Event bus orders's resource policy allows principal '*' without a restricting condition (statement anyone), so any AWS account can use it.", finding.Message);
        Assert.Equal("events:PutEvents", finding.Evidence["openActions"]);
    }
}
