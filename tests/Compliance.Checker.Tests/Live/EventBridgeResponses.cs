namespace Compliance.Checker.Tests.Live;

/// <summary>EventBridge awsJson1_1 bodies, shaped as the EventBridge API reference's response syntax shows them.</summary>
internal static class EventBridgeResponses
{
    public const string Account = "123456789012";
    public const string DefaultBusArn = "arn:aws:events:eu-west-1:123456789012:event-bus/default";
    public const string OrdersBusArn = "arn:aws:events:eu-west-1:123456789012:event-bus/orders";

    /// <summary>The custom bus's policy as ListEventBuses returns it: a JSON string.</summary>
    public const string OrdersBus = """
        { "Name": "orders", "Arn": "arn:aws:events:eu-west-1:123456789012:event-bus/orders", "Description": "Order events",
          "Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"partner-put\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"events:PutEvents\",\"Resource\":\"arn:aws:events:eu-west-1:123456789012:event-bus/orders\"}]}",
          "CreationTime": 1763200000.0, "LastModifiedTime": 1763200000.0 }
        """;

    public const string DefaultBus = """{ "Name": "default", "Arn": "arn:aws:events:eu-west-1:123456789012:event-bus/default" }""";

    public const string FindingsRule = """
        { "Name": "security-findings", "Arn": "arn:aws:events:eu-west-1:123456789012:rule/security-findings",
          "EventPattern": "{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"]}", "State": "ENABLED",
          "Description": "GuardDuty findings to the security topic", "EventBusName": "default" }
        """;

    public const string NightlyRule = """
        { "Name": "nightly", "Arn": "arn:aws:events:eu-west-1:123456789012:rule/nightly", "State": "DISABLED",
          "ScheduleExpression": "cron(0 2 * * ? *)", "EventBusName": "default" }
        """;

    public const string ManagedRule = """
        { "Name": "AutoScalingManagedRule", "Arn": "arn:aws:events:eu-west-1:123456789012:rule/AutoScalingManagedRule",
          "EventPattern": "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"EC2 Instance Rebalance Recommendation\"]}", "State": "ENABLED",
          "ManagedBy": "autoscaling.amazonaws.com", "EventBusName": "default" }
        """;

    public const string OrdersRule = """
        { "Name": "order-created", "Arn": "arn:aws:events:eu-west-1:123456789012:rule/orders/order-created",
          "EventPattern": "{\"source\":[\"com.example.orders\"]}", "State": "ENABLED", "EventBusName": "orders" }
        """;

    public const string SnsTarget = """
        { "Id": "security-alerts", "Arn": "arn:aws:sns:eu-west-1:123456789012:security-alerts",
          "DeadLetterConfig": { "Arn": "arn:aws:sqs:eu-west-1:123456789012:security-events-dlq" },
          "RetryPolicy": { "MaximumRetryAttempts": 185, "MaximumEventAgeInSeconds": 86400 } }
        """;

    public const string LambdaTarget = """
        { "Id": "remediation", "Arn": "arn:aws:lambda:eu-west-1:123456789012:function:security-remediation",
          "InputPath": "$.detail" }
        """;

    public static Func<FakeRequest, HttpResponseMessage> Buses(string? next, params string[] buses) =>
        FakeAws.Json($$"""{ "EventBuses": [{{string.Join(",", buses)}}]{{(next is null ? "" : $", \"NextToken\": \"{next}\"")}} }""");

    public static Func<FakeRequest, HttpResponseMessage> RulePage(string? next, params string[] rules) =>
        FakeAws.Json($$"""{ "Rules": [{{string.Join(",", rules)}}]{{(next is null ? "" : $", \"NextToken\": \"{next}\"")}} }""");

    public static Func<FakeRequest, HttpResponseMessage> Targets(string? next, params string[] targets) =>
        FakeAws.Json($$"""{ "Targets": [{{string.Join(",", targets)}}]{{(next is null ? "" : $", \"NextToken\": \"{next}\"")}} }""");

    public static Func<FakeRequest, HttpResponseMessage> Tags(params (string Key, string Value)[] tags) =>
        FakeAws.Json($$"""{ "Tags": [{{string.Join(",", tags.Select(t => $$"""{ "Key": "{{t.Key}}", "Value": "{{t.Value}}" }"""))}}] }""");

    public static FakeAws OnEvents(this FakeAws aws, string operation, Func<FakeRequest, bool> when, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "events" && r.Operation == operation && when(r), replies);

    public static FakeAws OnRulePage(this FakeAws aws, string bus, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.OnEvents("ListRules", r => r.Body.Contains($"\"EventBusName\":\"{bus}\"", StringComparison.Ordinal), replies);

    public static FakeAws OnTargets(this FakeAws aws, string rule, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.OnEvents("ListTargetsByRule", r => r.Body.Contains($"\"Rule\":\"{rule}\"", StringComparison.Ordinal), replies);

    public static FakeAws OnEventsTags(this FakeAws aws, string arn, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.OnEvents("ListTagsForResource", r => r.Body.Contains($"\"ResourceARN\":\"{arn}\"", StringComparison.Ordinal), replies);
}
