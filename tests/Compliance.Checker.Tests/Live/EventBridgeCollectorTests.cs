using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.EventBridgeResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class EventBridgeCollectorTests
{
    private static FakeAws TwoBusesFourRulePage() => new FakeAws()
        .OnEvents("ListEventBuses", _ => true, Buses(null, DefaultBus, OrdersBus))
        .OnRulePage("default", RulePage("cnVsZXMy", FindingsRule, NightlyRule), RulePage(null, ManagedRule))
        .OnRulePage("orders", RulePage(null, OrdersRule))
        .OnTargets("security-findings", Targets(null, SnsTarget, LambdaTarget))
        .OnTargets("nightly", Targets(null))
        .OnTargets("AutoScalingManagedRule", Targets(null))
        .OnTargets("order-created", Targets(null, LambdaTarget))
        .OnEventsTags("arn:aws:events:eu-west-1:123456789012:rule/security-findings", Tags(("Owner", "platform-security")))
        .OnEvents("ListTagsForResource", _ => true, Tags());

    [Fact]
    public async Task Maps_buses_rules_patterns_and_targets()
    {
        var inventory = await CollectorHarness.Collect(new EventBridgeCollector(), TwoBusesFourRulePage());

        Assert.Equal(["default", "orders"], inventory.EventBuses.Select(b => b.Id));
        Assert.Same(PolicyDocument.Empty, inventory.EventBuses[0].Policy); // no Policy member: none
        var partner = Assert.Single(inventory.EventBuses[1].Policy!.Statements);
        Assert.Equal(("partner-put", "arn:aws:iam::111122223333:root"), (partner.Sid, partner.Principal!.Of("AWS").Single()));
        Assert.Equal(OrdersBusArn, inventory.EventBuses[1].Arn);

        Assert.Equal(["AutoScalingManagedRule", "nightly", "orders/order-created", "security-findings"], inventory.EventsRules.Select(r => r.Id));
        var findings = inventory.EventsRules.Single(r => r.Id == "security-findings");
        Assert.Equal(("security-findings", "default", "ENABLED", "", ""), (findings.Name, findings.EventBusName, findings.State, findings.ScheduleExpression, findings.ManagedBy));
        Assert.Equal("""{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]}""", findings.EventPattern);
        Assert.Equal(new Dictionary<string, string> { ["Owner"] = "platform-security" }, findings.Tags);
        var (sns, lambda) = (findings.Targets![0], findings.Targets[1]);
        Assert.Equal(("arn:aws:sqs:eu-west-1:123456789012:security-events-dlq", 185, 86400),
            (sns.DeadLetterConfig!.Arn, sns.RetryPolicy!.MaximumRetryAttempts, sns.RetryPolicy.MaximumEventAgeInSeconds));
        Assert.Equal(("remediation", (EventsDeadLetterConfig?)null, (EventsRetryPolicy?)null), (lambda.Id, lambda.DeadLetterConfig, lambda.RetryPolicy));

        var nightly = inventory.EventsRules.Single(r => r.Id == "nightly");
        Assert.Equal(("", "cron(0 2 * * ? *)", "DISABLED"), (nightly.EventPattern, nightly.ScheduleExpression, nightly.State));
        Assert.Empty(nightly.Targets!);
        Assert.Equal("autoscaling.amazonaws.com", inventory.EventsRules.Single(r => r.Name == "AutoScalingManagedRule").ManagedBy);
        Assert.Equal("orders", inventory.EventsRules.Single(r => r.Name == "order-created").EventBusName);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Costs_the_list_pages_plus_one_tag_call_per_bus_and_two_calls_per_rule()
    {
        var aws = TwoBusesFourRulePage();

        await CollectorHarness.Collect(new EventBridgeCollector(), aws);

        Assert.Single(aws.Calls("events", "ListEventBuses"));
        var rulePages = aws.Calls("events", "ListRules");
        Assert.Equal(3, rulePages.Count);
        Assert.Contains(rulePages, r => r.Body.Contains("\"NextToken\":\"cnVsZXMy\"", StringComparison.Ordinal));
        Assert.Equal(4, aws.Calls("events", "ListTargetsByRule").Count);
        Assert.Equal(2 + 4, aws.Calls("events", "ListTagsForResource").Count);
        Assert.Equal(1 + 3 + 4 + 6, aws.Requests.Count);
        Assert.Contains(aws.Calls("events", "ListTargetsByRule"), r => r.Body.Contains("\"EventBusName\":\"orders\"", StringComparison.Ordinal));
        Assert.All(aws.Requests, r => Assert.StartsWith("AWSEvents.", r.Headers["x-amz-target"], StringComparison.Ordinal));
        Assert.All(aws.Requests, r => Assert.Equal(("events", "eu-west-1"), (r.Service, r.Region)));
    }

    [Fact]
    public async Task Access_denied_on_listing_rules_is_a_collection_error_for_the_type()
    {
        var aws = new FakeAws()
            .OnEvents("ListEventBuses", _ => true, Buses(null, DefaultBus))
            .OnEvents("ListRules", _ => true, FakeAws.JsonError("AccessDeniedException", "not authorized to perform: events:ListRules", HttpStatusCode.BadRequest))
            .OnEvents("ListTagsForResource", _ => true, Tags());

        var inventory = await CollectorHarness.Collect(new EventBridgeCollector(), aws);

        Assert.Empty(inventory.EventsRules);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("events", "ListRules", ResourceTypes.EventsRule, "AccessDeniedException", (string?)null),
            (error.Service, error.Operation, error.ResourceType, error.ErrorCode, error.ResourceId));
    }

    [Fact]
    public async Task Buses_that_cannot_be_listed_leave_the_default_bus_rules_and_record_what_is_missing()
    {
        var aws = new FakeAws()
            .OnEvents("ListEventBuses", _ => true, FakeAws.JsonError("AccessDeniedException", "not authorized to perform: events:ListEventBuses", HttpStatusCode.BadRequest))
            .OnRulePage("default", RulePage(null, FindingsRule))
            .OnTargets("security-findings", Targets(null, SnsTarget))
            .OnEvents("ListTagsForResource", _ => true, Tags());

        var inventory = await CollectorHarness.Collect(new EventBridgeCollector(), aws);

        Assert.Empty(inventory.EventBuses);
        Assert.Equal("security-findings", Assert.Single(inventory.EventsRules).Id);
        Assert.Equal([(ResourceTypes.EventsEventBus, "AccessDeniedException"), (ResourceTypes.EventsRule, "EventBusesNotListed")],
            inventory.CollectionErrors.Select(e => (e.ResourceType, e.ErrorCode)).Order());
    }

    [Fact]
    public async Task A_failed_getter_leaves_only_its_field_unknown()
    {
        var aws = new FakeAws()
            .OnEvents("ListEventBuses", _ => true, Buses(null, DefaultBus))
            .OnRulePage("default", RulePage(null, FindingsRule))
            .OnTargets("security-findings", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: events:ListTargetsByRule", HttpStatusCode.BadRequest))
            .OnEvents("ListTagsForResource", _ => true, Tags());

        var inventory = await CollectorHarness.Collect(new EventBridgeCollector(), aws);

        var rule = Assert.Single(inventory.EventsRules);
        Assert.Null(rule.Targets);
        Assert.Equal("ENABLED", rule.State);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("ListTargetsByRule", "security-findings"), (error.Operation, error.ResourceId));
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var aws = new FakeAws()
            .OnEvents("ListEventBuses", _ => true, FakeAws.JsonError("ThrottlingException", "Rate exceeded"), Buses(null, DefaultBus))
            .OnRulePage("default", RulePage(null))
            .OnEvents("ListTagsForResource", _ => true, Tags());

        var inventory = await CollectorHarness.Collect(new EventBridgeCollector(), aws);

        Assert.Equal("default", Assert.Single(inventory.EventBuses).Id);
        Assert.Equal(2, aws.Calls("events", "ListEventBuses").Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scan_reads_only_the_named_rule_and_no_call_for_unwanted_types()
    {
        var aws = TwoBusesFourRulePage();
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.EventsRule },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.EventsRule] = ["orders/order-created"] },
        };

        var inventory = await CollectorHarness.Collect(new EventBridgeCollector(), aws, scope: scope);

        Assert.Equal("orders/order-created", Assert.Single(inventory.EventsRules).Id);
        Assert.Empty(inventory.EventBuses);
        Assert.Equal(1 + 3 + 2, aws.Requests.Count);

        var none = new FakeAws();
        await CollectorHarness.Collect(new EventBridgeCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.SnsTopic } });
        Assert.Empty(none.Requests);
    }
}
