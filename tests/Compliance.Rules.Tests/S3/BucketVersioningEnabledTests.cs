using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketVersioningEnabledTests
{
    private readonly BucketVersioningEnabled _rule = new();

    [Fact]
    public void Enabled_passes_and_suspended_or_never_enabled_fails()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-enabled"),
                Bucket("pass-enabled-with-mfa-delete") with { Versioning = new BucketVersioning("Enabled", true) },
                Bucket("fail-suspended") with { Versioning = new BucketVersioning("Suspended", false) },
                Bucket("fail-never-enabled") with { Versioning = new BucketVersioning("Off", false) },
            ],
        };

        ExactFailing(_rule, inventory, "fail-suspended", "fail-never-enabled");
    }

    [Fact]
    public void Unknown_versioning_is_an_error()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("versioning-unknown") with { Versioning = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "versioning-unknown"));
    }

    [Fact]
    public void Failure_gives_the_status()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("fail-suspended") with { Versioning = new BucketVersioning("Suspended", false) }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Bucket fail-suspended does not have versioning enabled (it has status Suspended).", finding.Message);
        Assert.Equal("Suspended", finding.Evidence["versioningStatus"]);
    }
}
