using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketAccessLoggingEnabledTests
{
    private readonly BucketAccessLoggingEnabled _rule = new();

    [Fact]
    public void Logging_to_another_bucket_passes_and_off_or_self_logging_fails()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-app-data") with { Logging = new BucketLogging("pass-access-logs", "app-data/") },
                // The log bucket itself is judged too: it passes because it logs to a different bucket.
                Bucket("pass-access-logs") with { Logging = new BucketLogging("pass-access-logs-of-logs", "access-logs/") },
                Bucket("pass-access-logs-of-logs") with { Logging = new BucketLogging("pass-access-logs", "logs-of-logs/") },
                Bucket("fail-not-logging") with { Logging = new BucketLogging(null, null) },
                Bucket("fail-empty-target") with { Logging = new BucketLogging("", "") },
                Bucket("fail-logs-into-itself") with { Logging = new BucketLogging("fail-logs-into-itself", "logs/") },
            ],
        };

        ExactFailing(_rule, inventory, "fail-not-logging", "fail-empty-target", "fail-logs-into-itself");
    }

    [Fact]
    public void Unknown_logging_is_an_error()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("logging-unknown") with { Logging = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "logging-unknown"));
    }

    [Fact]
    public void Failure_names_the_self_target()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("fail-self") with { Logging = new BucketLogging("fail-self", "logs/"), Tags = Tags(("Name", "orders")) }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Bucket fail-self (orders) writes its server access logs into itself rather than to a dedicated log bucket.", finding.Message);
        Assert.Equal("fail-self", finding.Evidence["targetBucket"]);
        Assert.Equal("logs/", finding.Evidence["targetPrefix"]);
    }

    [Fact]
    public void An_access_log_destination_that_does_not_log_itself_is_not_applicable_but_an_unrelated_silent_bucket_fails()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-orders") with { Logging = new BucketLogging("access-logs", "orders/") },
                Bucket("access-logs") with { Logging = new BucketLogging(null, null) },
                Bucket("fail-silent") with { Logging = new BucketLogging(null, null) },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-silent");
        var destination = findings.Single(f => f.Resource.Id == "access-logs");
        Assert.Equal(ComplianceStatus.NotApplicable, destination.Status);
        Assert.Equal("pass-orders", destination.Evidence["accessLogSources"]);
    }
}
