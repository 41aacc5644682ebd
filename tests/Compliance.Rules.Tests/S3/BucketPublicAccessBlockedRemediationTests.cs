using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketPublicAccessBlockedRemediationTests
{
    private readonly BucketPublicAccessBlocked _rule = new();
    private readonly BucketPublicAccessBlockedRemediation _remediation = new();

    private static AwsInventory Inventory(params Bucket[] buckets) => BaseInventory with { Buckets = buckets };

    [Fact]
    public void A_bucket_with_settings_off_gets_all_four_set_true_and_nothing_else()
    {
        var inventory = Inventory(Bucket("fail-partial") with { PublicAccessBlock = new PublicAccessBlock(true, false, false, true) });

        var plan = PlanFor(_rule, _remediation, inventory, "fail-partial");

        IsSingleCall(plan, "s3:PutBucketPublicAccessBlock", new Dictionary<string, string>
        {
            ["Region"] = Region, ["Bucket"] = "fail-partial", ["ExpectedBucketOwner"] = Account,
            ["BlockPublicAcls"] = "true", ["IgnorePublicAcls"] = "true", ["BlockPublicPolicy"] = "true", ["RestrictPublicBuckets"] = "true",
        });
        Assert.Equal(inventory.Buckets[0].Ref, plan!.Resource);
        Assert.Contains("IgnorePublicAcls and BlockPublicPolicy", plan.Summary, StringComparison.Ordinal);
        DeclaresItsActions(_remediation, plan);
    }

    [Fact]
    public void A_bucket_without_any_configuration_is_planned()
    {
        var inventory = Inventory(Bucket("fail-none") with { PublicAccessBlock = PublicAccessBlock.None });

        Assert.NotNull(PlanFor(_rule, _remediation, inventory, "fail-none"));
    }

    [Fact]
    public void A_compliant_bucket_gets_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(Bucket("pass-blocked")), "pass-blocked"));

    [Fact]
    public void Unknown_settings_get_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(Bucket("error-unread") with { PublicAccessBlock = null }), "error-unread"));

    [Fact]
    public void A_fail_finding_whose_bucket_is_not_in_the_inventory_gets_no_plan()
    {
        var finding = Assert.Single(Evaluate(_rule, Inventory(Bucket("fail-gone") with { PublicAccessBlock = PublicAccessBlock.None })));

        Assert.Null(_remediation.Plan(finding, Inventory()));
        Assert.Null(_remediation.Plan(finding with { RuleId = RuleIds.S3Bucket5 }, Inventory(Bucket("fail-gone") with { PublicAccessBlock = PublicAccessBlock.None })));
    }
}
