using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketVersioningEnabledRemediationTests
{
    private readonly BucketVersioningEnabled _rule = new();
    private readonly BucketVersioningEnabledRemediation _remediation = new();

    private static AwsInventory Inventory(params Bucket[] buckets) => BaseInventory with { Buckets = buckets };

    [Theory]
    [InlineData("Off")]
    [InlineData("Suspended")]
    public void A_bucket_without_versioning_gets_status_enabled_and_no_mfa_delete_member(string status)
    {
        var inventory = Inventory(Bucket("fail-unversioned") with { Versioning = new BucketVersioning(status, MfaDelete: true) });

        var plan = PlanFor(_rule, _remediation, inventory, "fail-unversioned");

        IsSingleCall(plan, "s3:PutBucketVersioning", new Dictionary<string, string>
        {
            ["Region"] = Region, ["Bucket"] = "fail-unversioned", ["ExpectedBucketOwner"] = Account, ["Status"] = "Enabled",
        });
        Assert.Contains(status, plan!.Summary, StringComparison.Ordinal);
        DeclaresItsActions(_remediation, plan);
    }

    [Fact]
    public void A_versioned_bucket_gets_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(Bucket("pass-versioned")), "pass-versioned"));

    [Fact]
    public void Unknown_versioning_gets_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(Bucket("error-unread") with { Versioning = null }), "error-unread"));
}
