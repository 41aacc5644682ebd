using Compliance.Rules.Events;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.Events.EventsFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Events;

public sealed class SecurityEventsRoutedTests
{
    private readonly SecurityEventsRouted _rule = new();

    private static Finding In(IReadOnlyList<Finding> findings, string region) => Assert.Single(findings, f => f.Resource.Region == region);

    [Fact]
    public void Every_category_routed_in_every_region_passes_with_global_categories_only_where_they_arrive()
    {
        var findings = Evaluate(_rule, Routed);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Pass, f.Status));
        Assert.Equal(ResourceTypes.Account, findings[0].Resource.Type);
        Assert.DoesNotContain("iam-changes", In(findings, Region).Evidence["coveredCategories"], StringComparison.Ordinal);
        Assert.Contains("iam-changes", In(findings, OtherRegion).Evidence["coveredCategories"], StringComparison.Ordinal);
        Assert.Equal("us-east-1", In(findings, Region).Evidence["globalCategoriesJudgedIn"]);
    }

    [Fact]
    public void A_region_without_rules_fails_naming_every_category()
    {
        var findings = Evaluate(_rule, Routed with { EventsRules = [.. AllRoutes(Region, global: false)] });

        Assert.Equal(ComplianceStatus.Pass, In(findings, Region).Status);
        var missing = In(findings, OtherRegion);
        Assert.Equal(ComplianceStatus.Fail, missing.Status);
        Assert.Equal(
            "guardduty-findings,securityhub-findings,config-compliance,root-sign-in,iam-changes,kms-changes,cloudtrail-changes,config-changes,security-group-changes,nacl-changes",
            missing.Evidence["missingCategories"]);
    }

    [Fact]
    public void The_checker_stacks_own_security_group_rule_misses_deletions_and_every_other_category()
    {
        var inventory = Routed with
        {
            EventsRules = [Rule("events-compliance-sg-changes-prod", Region, CheckerSecurityGroupChanges, LambdaTarget(Region), SnsTarget(Region) with { RetryPolicy = null })],
        };

        var finding = In(Evaluate(_rule, inventory), Region);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "Account 123456789012 in eu-west-1 routes no security events for guardduty-findings, securityhub-findings, config-compliance, kms-changes, cloudtrail-changes, config-changes, "
            + "security-group-changes (not DeleteSecurityGroup) and nacl-changes through an enabled default-bus rule to a customer-key SNS topic or a Lambda function with a dead-letter queue and retry policy.",
            finding.Message);
        Assert.Equal("none", finding.Evidence["coveredCategories"]);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("unencrypted-topic")]
    [InlineData("aws-managed-topic-key")]
    [InlineData("no-dead-letter-queue")]
    [InlineData("no-retry-policy")]
    [InlineData("queue-target")]
    [InlineData("custom-bus")]
    [InlineData("no-targets")]
    public void A_rule_that_matches_but_does_not_deliver_safely_does_not_count(string flaw)
    {
        var rule = Rule("guardduty-findings", Region, GuardDutyFindings);
        rule = flaw switch
        {
            "disabled" => rule with { State = "DISABLED" },
            "unencrypted-topic" or "aws-managed-topic-key" => rule,
            "no-dead-letter-queue" => rule with { Targets = [SnsTarget(Region) with { DeadLetterConfig = null }] },
            "no-retry-policy" => rule with { Targets = [SnsTarget(Region) with { RetryPolicy = null }] },
            "queue-target" => rule with { Targets = [SnsTarget(Region) with { Arn = $"arn:aws:sqs:{Region}:{Account}:findings" }] },
            "custom-bus" => rule with { EventBusName = "security", Id = "security/guardduty-findings" },
            _ => rule with { Targets = [] },
        };
        var topicKey = flaw switch
        {
            "unencrypted-topic" => null,
            "aws-managed-topic-key" => "alias/aws/sns",
            _ => $"arn:aws:kms:{Region}:{Account}:key/{TopicKey}",
        };
        var inventory = Routed with
        {
            EventsRules = [.. Routed.EventsRules.Where(r => r.Name != "guardduty-findings" || r.Region != Region), rule],
            SnsTopics = [EncryptedTopic(Region, topicKey), EncryptedTopic(OtherRegion, $"arn:aws:kms:{OtherRegion}:{Account}:key/{TopicKey}")],
        };
        if (topicKey is null || topicKey.StartsWith("alias", StringComparison.Ordinal))
        {
            // The other rules of the region publish to the same topic; give them a Lambda target so only the flaw is judged.
            inventory = inventory with
            {
                EventsRules = [.. inventory.EventsRules.Select(r => r.Region == Region && r.Name != "guardduty-findings" ? r with { Targets = [LambdaTarget(Region)] } : r)],
            };
        }

        var finding = In(Evaluate(_rule, inventory), Region);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("guardduty-findings", finding.Evidence["missingCategories"]);
    }

    [Fact]
    public void A_matching_rule_that_does_not_qualify_is_named_in_the_failure()
    {
        var inventory = Routed with
        {
            EventsRules = [.. Routed.EventsRules.Where(r => r.Name != "guardduty-findings" || r.Region != Region), Rule("guardduty-findings", Region, GuardDutyFindings) with { State = "DISABLED" }],
        };

        var finding = In(Evaluate(_rule, inventory), Region);

        Assert.EndsWith("Matching rules that do not qualify: guardduty-findings is DISABLED.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_on_a_custom_bus_or_a_schedule_or_an_unreadable_pattern_never_counts()
    {
        var inventory = Routed with
        {
            EventsRules =
            [
                .. Routed.EventsRules.Where(r => r.Name != "guardduty-findings" || r.Region != Region),
                Rule("on-custom-bus", Region, GuardDutyFindings) with { EventBusName = "security", Id = "security/on-custom-bus" },
                Rule("nightly", Region, "") with { ScheduleExpression = "cron(0 2 * * ? *)" },
                Rule("regex", Region, """{"source":[{"regex":"aws\\..*"}]}"""),
            ],
        };

        var finding = In(Evaluate(_rule, inventory), Region);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Contains("regex: event pattern not evaluable", finding.Evidence["unusableRules"], StringComparison.Ordinal);
    }

    [Fact]
    public void What_cannot_be_known_is_an_error_never_a_pass()
    {
        var unknownTargets = Routed with
        {
            EventsRules = [.. Routed.EventsRules.Select(r => r.Name == "guardduty-findings" && r.Region == Region ? r with { Targets = null } : r)],
        };
        var topicMissing = Routed with { SnsTopics = [EncryptedTopic(OtherRegion, $"arn:aws:kms:{OtherRegion}:{Account}:key/{TopicKey}")] };
        var unknownPattern = Routed with
        {
            EventsRules = [.. Routed.EventsRules.Where(r => r.Name != "guardduty-findings" || r.Region != Region), Rule("guardduty-findings", Region, GuardDutyFindings) with { EventPattern = null }],
        };
        var notListed = Routed with
        {
            EventsRules = [.. AllRoutes(OtherRegion, global: true)],
            CollectionErrors = [new CollectionError { Service = "events", Operation = "ListRules", Region = Region, AccountId = Account, ResourceType = ResourceTypes.EventsRule, ErrorCode = "AccessDeniedException", Message = "denied" }],
        };

        Assert.Equal(ComplianceStatus.Error, In(Evaluate(_rule, unknownTargets), Region).Status);
        Assert.Equal(ComplianceStatus.Error, In(Evaluate(_rule, topicMissing), Region).Status);
        Assert.Equal(ComplianceStatus.Error, In(Evaluate(_rule, unknownPattern), Region).Status);
        Assert.Equal(ComplianceStatus.Error, In(Evaluate(_rule, notListed), Region).Status);
        Assert.Equal(ComplianceStatus.Pass, In(Evaluate(_rule, notListed), OtherRegion).Status);
    }

    [Fact]
    public void Categories_and_accepted_destinations_are_parameters()
    {
        var onlyFindings = new Dictionary<string, string> { ["requiredCategories"] = "guardduty-findings" };
        var centralBus = $"arn:aws:events:{Region}:999988887777:event-bus/security-central";
        var forwarded = Routed with
        {
            EventsRules = [Rule("to-central", Region, GuardDutyFindings, SnsTarget(Region) with { Arn = centralBus }), .. AllRoutes(OtherRegion, global: true)],
        };

        Assert.Equal(ComplianceStatus.Fail, In(Evaluate(_rule, forwarded, onlyFindings), Region).Status);
        Assert.Equal(ComplianceStatus.Pass, In(Evaluate(_rule, forwarded, new Dictionary<string, string>(onlyFindings) { ["acceptedTargetArns"] = "arn:aws:events:*:999988887777:event-bus/*" }), Region).Status);
        Assert.Throws<FormatException>(() => Evaluate(_rule, Routed, new Dictionary<string, string> { ["requiredCategories"] = "guardduty" }));
    }
}
