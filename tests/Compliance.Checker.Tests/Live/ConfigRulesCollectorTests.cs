using System.Text.Json;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

/// <summary>Delivery channels and Config rules; bodies shaped as the AWS Config API reference and CLI examples show them.</summary>
public sealed class ConfigRulesCollectorTests
{
    private static readonly CollectionScope ChannelsOnly = new() { Types = new HashSet<string> { ResourceTypes.ConfigDeliveryChannel } };
    private static readonly CollectionScope RulesOnly = new() { Types = new HashSet<string> { ResourceTypes.ConfigRule } };

    private const string Channels = """
        { "DeliveryChannels": [ { "name": "default", "s3BucketName": "config-bucket-123456789012", "s3KeyPrefix": "config",
          "s3KmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "snsTopicARN": "arn:aws:sns:eu-west-1:123456789012:config-topic",
          "configSnapshotDeliveryProperties": { "deliveryFrequency": "Twelve_Hours" } } ] }
        """;

    private const string RulesPageOne = """
        { "ConfigRules": [
            { "ConfigRuleState": "ACTIVE", "Description": "Checks whether the S3 buckets are encrypted with AWS KMS.",
              "ConfigRuleName": "s3-default-encryption-kms", "ConfigRuleArn": "arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-8fngan",
              "ConfigRuleId": "config-rule-8fngan", "Source": { "Owner": "AWS", "SourceIdentifier": "S3_DEFAULT_ENCRYPTION_KMS" },
              "Scope": { "ComplianceResourceTypes": [ "AWS::S3::Bucket" ] } } ],
          "NextToken": "page-2" }
        """;

    private const string RulesPageTwo = """
        { "ConfigRules": [
            { "ConfigRuleState": "EVALUATING", "ConfigRuleName": "vpc-flow-logs-enabled-conformance-pack-abc123",
              "ConfigRuleArn": "arn:aws:config:eu-west-1:123456789012:config-rule/aws-service-rule/config-conforms.amazonaws.com/config-rule-q9z2ty",
              "ConfigRuleId": "config-rule-q9z2ty", "Source": { "Owner": "AWS", "SourceIdentifier": "VPC_FLOW_LOGS_ENABLED" },
              "MaximumExecutionFrequency": "TwentyFour_Hours", "CreatedBy": "config-conforms.amazonaws.com" } ] }
        """;

    /// <summary>The first page alone, its rule having a status in <see cref="Statuses"/>.</summary>
    private static readonly string OneRule = RulesPageOne.Replace("\"NextToken\": \"page-2\"", "\"NextToken\": \"\"", StringComparison.Ordinal);

    private const string Statuses = """
        { "ConfigRulesEvaluationStatus": [
            { "ConfigRuleName": "s3-default-encryption-kms", "ConfigRuleArn": "arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-8fngan",
              "ConfigRuleId": "config-rule-8fngan", "LastSuccessfulInvocationTime": 1700000000.123, "LastFailedInvocationTime": 1699990000,
              "LastSuccessfulEvaluationTime": 1700000001.5, "LastFailedEvaluationTime": 1699990001, "FirstActivatedTime": 1690000000,
              "LastErrorCode": "AccessDenied", "LastErrorMessage": "Config could not read the bucket policy", "FirstEvaluationStarted": true } ] }
        """;

    private static FakeAws Aws() => new FakeAws()
        .On("config", "DescribeConfigRules", FakeAws.Json(RulesPageOne), FakeAws.Json(RulesPageTwo))
        .On("config", "DescribeConfigRuleEvaluationStatus", FakeAws.Json(Statuses));

    [Fact]
    public async Task Maps_the_delivery_channel_in_one_call()
    {
        var aws = new FakeAws().On("config", "DescribeDeliveryChannels", FakeAws.Json(Channels));

        var channel = Assert.Single((await CollectorHarness.Collect(new ConfigCollector(), aws, scope: ChannelsOnly)).ConfigDeliveryChannels);

        Assert.Equal(("default", "eu-west-1", "config-bucket-123456789012", "config"), (channel.Id, channel.Region, channel.S3BucketName, channel.S3KeyPrefix));
        Assert.Equal(("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:sns:eu-west-1:123456789012:config-topic", "Twelve_Hours"),
            (channel.S3KmsKeyArn, channel.SnsTopicArn, channel.DeliveryFrequency));
        Assert.Equal("StarlingDoveService.DescribeDeliveryChannels", Assert.Single(aws.Requests).Headers["x-amz-target"]);
    }

    [Fact]
    public async Task A_channel_without_key_topic_or_prefix_gets_the_absent_values()
    {
        var aws = new FakeAws().On("config", "DescribeDeliveryChannels", FakeAws.Json("""{ "DeliveryChannels": [ { "name": "default", "s3BucketName": "config-bucket-123456789012" } ] }"""));

        var channel = Assert.Single((await CollectorHarness.Collect(new ConfigCollector(), aws, scope: ChannelsOnly)).ConfigDeliveryChannels);

        Assert.Equal(("", (string?)null, (string?)null, (string?)null), (channel.S3KeyPrefix, channel.S3KmsKeyArn, channel.SnsTopicArn, channel.DeliveryFrequency));
    }

    [Fact]
    public async Task Maps_rules_and_their_status_from_all_pages_with_one_status_call_for_up_to_fifty_rules()
    {
        var aws = Aws();

        var rules = (await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RulesOnly)).ConfigRules;

        Assert.Equal(["s3-default-encryption-kms", "vpc-flow-logs-enabled-conformance-pack-abc123"], rules.Select(r => r.Id));
        var s3 = rules[0];
        Assert.Equal(("AWS", "S3_DEFAULT_ENCRYPTION_KMS", "ACTIVE", (string?)null, (string?)null), (s3.Owner, s3.SourceIdentifier, s3.State, s3.MaximumExecutionFrequency, s3.CreatedBy));
        Assert.Equal("arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-8fngan", s3.Arn);
        var status = s3.EvaluationStatus!;
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000001500), status.LastSuccessfulEvaluationTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1699990001), status.LastFailedEvaluationTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), status.LastSuccessfulInvocationTime);
        Assert.Equal(("AccessDenied", "Config could not read the bucket policy", true), (status.LastErrorCode, status.LastErrorMessage, status.FirstEvaluationStarted));
        Assert.InRange(status.ReadAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);

        var pack = rules[1];
        Assert.Equal(("EVALUATING", "TwentyFour_Hours", "config-conforms.amazonaws.com"), (pack.State, pack.MaximumExecutionFrequency, pack.CreatedBy));
        // Left out of the listing of all rules, then asked for by name and still without status: never evaluated, a
        // known state rather than an unknown one.
        Assert.Equal((false, (DateTimeOffset?)null), (pack.EvaluationStatus!.FirstEvaluationStarted, pack.EvaluationStatus.LastSuccessfulEvaluationTime));

        Assert.Equal(2, aws.Calls("config", "DescribeConfigRules").Count);
        var statusCalls = aws.Calls("config", "DescribeConfigRuleEvaluationStatus");
        Assert.Equal(2, statusCalls.Count);
        using var all = JsonDocument.Parse(statusCalls[0].Body);
        Assert.Equal(50, all.RootElement.GetProperty("Limit").GetInt32());
        Assert.False(all.RootElement.TryGetProperty("ConfigRuleNames", out _));
        using var byName = JsonDocument.Parse(statusCalls[1].Body);
        Assert.Equal(["vpc-flow-logs-enabled-conformance-pack-abc123"], byName.RootElement.GetProperty("ConfigRuleNames").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, aws.Requests.Count);
    }

    [Fact]
    public async Task Every_rule_in_the_listing_costs_no_named_status_call()
    {
        var aws = new FakeAws()
            .On("config", "DescribeConfigRules", FakeAws.Json(OneRule))
            .On("config", "DescribeConfigRuleEvaluationStatus", FakeAws.Json(Statuses));

        var rule = Assert.Single((await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RulesOnly)).ConfigRules);

        Assert.True(rule.EvaluationStatus!.FirstEvaluationStarted);
        Assert.Equal(2, aws.Requests.Count); // the budget: rule pages plus ⌈rules/50⌉ status pages
    }

    [Fact]
    public async Task A_denied_status_leaves_every_status_unknown()
    {
        var aws = new FakeAws()
            .On("config", "DescribeConfigRules", FakeAws.Json(RulesPageTwo))
            .On("config", "DescribeConfigRuleEvaluationStatus", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: config:DescribeConfigRuleEvaluationStatus"));

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RulesOnly);

        Assert.Null(Assert.Single(inventory.ConfigRules).EvaluationStatus);
        Assert.Equal("DescribeConfigRuleEvaluationStatus", Assert.Single(inventory.CollectionErrors).Operation);
    }

    [Fact]
    public async Task Denied_rule_listing_is_an_error_and_skips_the_status()
    {
        var aws = new FakeAws().On("config", "DescribeConfigRules", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: config:DescribeConfigRules"));

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RulesOnly);

        Assert.Empty(inventory.ConfigRules);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeConfigRules", ResourceTypes.ConfigRule, (string?)null), (error.Operation, error.ResourceType, error.ResourceId));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        var aws = new FakeAws()
            .On("config", "DescribeConfigRules", FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(OneRule))
            .On("config", "DescribeConfigRuleEvaluationStatus", FakeAws.Json(Statuses));

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RulesOnly);

        Assert.Single(inventory.ConfigRules);
        Assert.Equal(3, aws.Requests.Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scope_names_the_rules_in_both_calls()
    {
        var aws = Aws();
        var scope = RulesOnly with { ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.ConfigRule] = ["s3-default-encryption-kms"] } };

        await CollectorHarness.Collect(new ConfigCollector(), aws, scope: scope);

        foreach (var call in aws.Requests.Where(r => r.Operation is "DescribeConfigRuleEvaluationStatus" or "DescribeConfigRules").Take(2))
        {
            using var body = JsonDocument.Parse(call.Body);
            Assert.Equal(["s3-default-encryption-kms"], body.RootElement.GetProperty("ConfigRuleNames").EnumerateArray().Select(e => e.GetString()));
        }

        var none = new FakeAws();
        await CollectorHarness.Collect(new ConfigCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } });
        Assert.Empty(none.Requests);
    }
}
