using Compliance.Checker.Live;
using Compliance.Checker.Remediation;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>
/// Plans a remediation from a real rule evaluation, then applies it through the real gateway and handlers against
/// <see cref="FakeAws"/>, so every call is a signed HTTP request answered with an API-reference-shaped body.
/// </summary>
internal static class RemediationHarness
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    /// <summary>An inventory of the test account in the test region.</summary>
    public static AwsInventory Inventory => new() { AccountIds = [Account], Regions = [Region] };

    /// <summary>The plan for the rule's single FAIL finding; fails the test when there is none.</summary>
    public static RemediationPlan Plan(IComplianceRule rule, IRemediation remediation, AwsInventory inventory)
    {
        var finding = Assert.Single(rule.Evaluate(new RuleContext(inventory, rule.Descriptor)), f => f.Status == ComplianceStatus.Fail);
        var plan = remediation.Plan(finding, inventory);
        Assert.NotNull(plan);
        return plan;
    }

    /// <summary>Applies the plan through a fresh session over the fake.</summary>
    public static async Task<Rules.RemediationOutcome> Apply(IRemediation remediation, RemediationPlan plan, FakeAws aws, LiveOptions? options = null)
    {
        using var session = aws.Session(options);
        return await remediation.ApplyAsync(plan, new AwsRemediationGateway(session), CancellationToken.None);
    }

    /// <summary>The operations the fake saw, in order.</summary>
    public static IReadOnlyList<string> Operations(FakeAws aws) => aws.Requests.Select(r => r.Operation).ToList();
}
