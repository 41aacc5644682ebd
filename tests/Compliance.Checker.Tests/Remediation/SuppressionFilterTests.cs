using Compliance.Checker.Remediation.Suppressions;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Remediation;

public sealed class SuppressionFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    private static readonly Bucket Website = new()
    {
        Id = "example-marketing-site", Region = "eu-west-1", AccountId = "123456789012", Arn = "arn:aws:s3:::example-marketing-site",
    };

    private static readonly SecurityGroup Vendor = new()
    {
        Id = "sg-0f7e6d5c4b3a29180", GroupName = "launch-wizard-1", Region = "eu-west-1", AccountId = "123456789012",
        Arn = "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0f7e6d5c4b3a29180",
    };

    private static Finding Finding(string ruleId, AwsResource resource, ComplianceStatus status = ComplianceStatus.Fail) => new()
    {
        RuleId = ruleId,
        Status = status,
        Severity = Severity.High,
        Resource = resource.Ref,
        Message = $"{resource.Id} breaks {ruleId}.",
        Evidence = new Dictionary<string, string> { ["setting"] = "value" },
    };

    private static Finding One(Finding finding, IReadOnlyList<Suppression> suppressions, AwsInventory? inventory = null, DateTimeOffset? now = null) =>
        Assert.Single(SuppressionFilter.Apply([finding], inventory ?? new AwsInventory { Buckets = [Website], SecurityGroups = [Vendor] }, suppressions, now ?? Now));

    [Fact]
    public void An_unexpired_match_makes_a_FAIL_EXEMPT_with_its_reason_and_expiry()
    {
        var exempt = One(Finding("S3.Bucket.2", Website), [new("S3.Bucket.2", "example-marketing-site", "Public website by design (SEC-1042).", new DateOnly(2027, 6, 30))]);

        Assert.Equal(ComplianceStatus.Exempt, exempt.Status);
        Assert.Equal("Public website by design (SEC-1042).", exempt.Evidence["suppressionReason"]);
        Assert.Equal("2027-06-30", exempt.Evidence["suppressionExpires"]);
        Assert.Equal("FAIL", exempt.Evidence["exemptedStatus"]);
        Assert.Equal("value", exempt.Evidence["setting"]); // the rule's own evidence stays
    }

    [Theory]
    [InlineData("S3.*", "arn:aws:s3:::example-*")]
    [InlineData("s3.bucket.?", "*")]
    [InlineData("S3.Bucket.2", "EXAMPLE-MARKETING-SITE")]
    public void Rule_and_resource_patterns_match_the_id_or_the_arn(string rule, string resource) =>
        Assert.Equal(ComplianceStatus.Exempt, One(Finding("S3.Bucket.2", Website), [new(rule, resource, "accepted", new DateOnly(2027, 1, 1))]).Status);

    [Theory]
    [InlineData("S3.Bucket.3", "example-marketing-site")]
    [InlineData("S3.Bucket.2", "example-finance-exports")]
    [InlineData("EC2.*", "*")]
    public void Another_rule_or_resource_is_not_suppressed(string rule, string resource) =>
        Assert.Equal(ComplianceStatus.Fail, One(Finding("S3.Bucket.2", Website), [new(rule, resource, "accepted", new DateOnly(2027, 1, 1))]).Status);

    [Fact]
    public void ERROR_is_exempted_but_PASS_and_NOT_APPLICABLE_are_left_alone()
    {
        Suppression[] all = [new("*", "*", "accepted", new DateOnly(2027, 1, 1))];

        Assert.Equal("ERROR", One(Finding("S3.Bucket.4", Website, ComplianceStatus.Error), all).Evidence["exemptedStatus"]);
        Assert.Equal(ComplianceStatus.Pass, One(Finding("S3.Bucket.5", Website, ComplianceStatus.Pass), all).Status);
        Assert.False(One(Finding("S3.Bucket.5", Website, ComplianceStatus.Pass), all).Evidence.ContainsKey("suppressionReason"));
        Assert.Equal(ComplianceStatus.NotApplicable, One(Finding("S3.Bucket.6", Website, ComplianceStatus.NotApplicable), all).Status);
    }

    [Fact]
    public void A_suppression_holds_through_its_last_day_in_UTC_and_lapses_the_next()
    {
        Suppression[] vendorWindow = [new("EC2.SecurityGroup.2", "sg-0f7e6d5c4b3a29180", "Vendor migration (CHG-3317).", new DateOnly(2026, 9, 30))];
        var finding = Finding("EC2.SecurityGroup.2", Vendor);

        var lastDay = One(finding, vendorWindow, now: new DateTimeOffset(2026, 9, 30, 23, 59, 59, TimeSpan.Zero));
        var nextDay = One(finding, vendorWindow, now: new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var lateInAuckland = One(finding, vendorWindow, now: new DateTimeOffset(2026, 10, 1, 11, 0, 0, TimeSpan.FromHours(13))); // 22:00 UTC on the 30th

        Assert.Equal(ComplianceStatus.Exempt, lastDay.Status);
        Assert.Equal(ComplianceStatus.Fail, nextDay.Status);
        Assert.Equal("2026-09-30", nextDay.Evidence["suppressionExpired"]);
        Assert.False(nextDay.Evidence.ContainsKey("suppressionReason"));
        Assert.Equal(ComplianceStatus.Exempt, lateInAuckland.Status);
    }

    [Fact]
    public void An_active_suppression_wins_over_an_expired_one_and_the_first_active_one_applies()
    {
        Suppression[] suppressions =
        [
            new("EC2.SecurityGroup.*", "*", "Old blanket exception.", new DateOnly(2026, 1, 31)),
            new("EC2.SecurityGroup.2", "sg-0f7e6d5c4b3a29180", "Renewed: vendor window (CHG-3410).", new DateOnly(2026, 12, 15)),
            new("EC2.*", "sg-*", "Broader, later in the file.", new DateOnly(2027, 12, 31)),
        ];

        var exempt = One(Finding("EC2.SecurityGroup.2", Vendor), suppressions);

        Assert.Equal(("Renewed: vendor window (CHG-3410).", "2026-12-15"), (exempt.Evidence["suppressionReason"], exempt.Evidence["suppressionExpires"]));
    }

    [Theory]
    [InlineData("EC2.SecurityGroup.2")]
    [InlineData("EC2.SecurityGroup.3, EC2.SecurityGroup.2")]
    [InlineData("EC2.SecurityGroup.4 EC2.SecurityGroup.2")]
    [InlineData("EC2.SecurityGroup.*")]
    public void The_exemption_tag_lists_rules_comma_or_space_separated_with_wildcards(string tag)
    {
        var tagged = Vendor with { Tags = new Dictionary<string, string> { ["compliance:exempt"] = tag } };

        var exempt = One(Finding("EC2.SecurityGroup.2", tagged), [], new AwsInventory { SecurityGroups = [tagged] });

        Assert.Equal(ComplianceStatus.Exempt, exempt.Status);
        Assert.Equal(tag, exempt.Evidence["exemptTag"]);
        Assert.Equal("FAIL", exempt.Evidence["exemptedStatus"]);
    }

    [Fact]
    public void The_tag_exempts_only_the_rules_it_lists_and_only_on_its_own_resource()
    {
        var tagged = Vendor with { Tags = new Dictionary<string, string> { ["compliance:exempt"] = "EC2.SecurityGroup.3,EC2.SecurityGroup.20" } };
        var inventory = new AwsInventory { SecurityGroups = [tagged, Vendor with { Id = "sg-0a1a2b2c3c4d4e5e6", Arn = null }] };

        var results = SuppressionFilter.Apply(
        [
            Finding("EC2.SecurityGroup.2", tagged),
            Finding("EC2.SecurityGroup.3", tagged),
            Finding("EC2.SecurityGroup.3", inventory.SecurityGroups[1]),
        ], inventory, [], Now);

        Assert.Equal([ComplianceStatus.Fail, ComplianceStatus.Exempt, ComplianceStatus.Fail], results.Select(f => f.Status));
    }
}
