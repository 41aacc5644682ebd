using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

/// <summary>Metric alarms through our awsQuery CloudWatch client; bodies shaped as the CloudWatch API reference documents DescribeAlarms.</summary>
public sealed class CloudWatchCollectorTests
{
    private const string Topic = "arn:aws:sns:eu-west-1:123456789012:security-alerts";

    private static Func<FakeRequest, HttpResponseMessage> Alarms(string members, string? nextToken = null) => FakeAws.Xml($"""
        <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
          <DescribeAlarmsResult>
            <MetricAlarms>{members}</MetricAlarms>
            <CompositeAlarms/>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
          </DescribeAlarmsResult>
          <ResponseMetadata><RequestId>f3d4b2c5-0000-4a1b-9c8d-EXAMPLE</RequestId></ResponseMetadata>
        </DescribeAlarmsResponse>
        """);

    private const string RootAlarm = $"""
        <member>
          <AlarmName>CIS-4.3-RootAccountUsage</AlarmName>
          <AlarmArn>arn:aws:cloudwatch:eu-west-1:123456789012:alarm:CIS-4.3-RootAccountUsage</AlarmArn>
          <AlarmConfigurationUpdatedTimestamp>2024-03-01T10:00:00.000Z</AlarmConfigurationUpdatedTimestamp>
          <ActionsEnabled>true</ActionsEnabled>
          <OKActions/>
          <AlarmActions><member>{Topic}</member></AlarmActions>
          <InsufficientDataActions/>
          <StateValue>OK</StateValue>
          <MetricName>RootAccountUsageCount</MetricName>
          <Namespace>CISBenchmark</Namespace>
          <Statistic>Sum</Statistic>
          <Dimensions/>
          <Period>300</Period>
          <EvaluationPeriods>1</EvaluationPeriods>
          <Threshold>1.0</Threshold>
          <ComparisonOperator>GreaterThanOrEqualToThreshold</ComparisonOperator>
          <TreatMissingData>notBreaching</TreatMissingData>
        </member>
        """;

    private const string MathAlarm = """
        <member>
          <AlarmName>api-error-rate</AlarmName>
          <AlarmArn>arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-error-rate</AlarmArn>
          <ActionsEnabled>false</ActionsEnabled>
          <AlarmActions><member>arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:1a2b3c4d:autoScalingGroupName/web:policyName/scale-out</member></AlarmActions>
          <StateValue>INSUFFICIENT_DATA</StateValue>
          <EvaluationPeriods>3</EvaluationPeriods>
          <Threshold>5.0</Threshold>
          <ComparisonOperator>GreaterThanThreshold</ComparisonOperator>
          <Metrics>
            <member><Id>e1</Id><Expression>100 * errors / requests</Expression><ReturnData>true</ReturnData></member>
            <member><Id>errors</Id><ReturnData>false</ReturnData>
              <MetricStat><Metric><Namespace>AWS/ApiGateway</Namespace><MetricName>5XXError</MetricName>
                <Dimensions><member><Name>ApiName</Name><Value>orders</Value></member></Dimensions></Metric>
                <Period>60</Period><Stat>Sum</Stat></MetricStat></member>
          </Metrics>
        </member>
        """;

    [Fact]
    public async Task Reads_every_page_and_maps_actions_metric_and_metric_math()
    {
        var aws = new FakeAws().On("monitoring", "DescribeAlarms", Alarms(RootAlarm, "page-2"), Alarms(MathAlarm));

        var inventory = await CollectorHarness.Collect(new CloudWatchCollector(), aws);

        Assert.Equal(["CIS-4.3-RootAccountUsage", "api-error-rate"], inventory.CloudWatchAlarms.Select(a => a.Id));
        var root = inventory.CloudWatchAlarms[0];
        Assert.Equal(("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:CIS-4.3-RootAccountUsage", "eu-west-1", CollectorHarness.Account), (root.Arn, root.Region, root.AccountId));
        Assert.Equal((true, "CISBenchmark", "RootAccountUsageCount", "Sum", "GreaterThanOrEqualToThreshold", 1.0),
            (root.ActionsEnabled, root.Namespace, root.MetricName, root.Statistic, root.ComparisonOperator, root.Threshold));
        Assert.Equal([Topic], root.AlarmActions);
        Assert.Empty(root.Dimensions);
        Assert.Empty(root.Metrics);

        var math = inventory.CloudWatchAlarms[1];
        Assert.Equal((false, "", ""), (math.ActionsEnabled, math.Namespace, math.MetricName));
        Assert.Equal(2, math.Metrics.Count);
        Assert.Equal(("e1", "100 * errors / requests", true), (math.Metrics[0].Id, math.Metrics[0].Expression, math.Metrics[0].ReturnData));
        var stat = math.Metrics[1];
        Assert.Equal(("", false, "AWS/ApiGateway", "5XXError"), (stat.Expression, stat.ReturnData, stat.Namespace, stat.MetricName));
        Assert.Equal([new MetricDimension("ApiName", "orders")], stat.Dimensions);

        var calls = aws.Calls("monitoring", "DescribeAlarms");
        Assert.Equal(2, calls.Count); // the budget: one call per page of 100
        Assert.Equal(("2010-08-01", "100", null, "page-2"), (calls[0].Param("Version"), calls[0].Param("MaxRecords"), calls[0].Param("NextToken"), calls[1].Param("NextToken")));
        Assert.Null(calls[0].Param("AlarmTypes.member.1")); // metric alarms only
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Access_denied_is_a_collection_error_for_the_type()
    {
        var aws = new FakeAws().On("monitoring", "DescribeAlarms",
            FakeAws.XmlError("AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: cloudwatch:DescribeAlarms"));

        var inventory = await CollectorHarness.Collect(new CloudWatchCollector(), aws);

        Assert.Empty(inventory.CloudWatchAlarms);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("cloudwatch", "DescribeAlarms", ResourceTypes.CloudWatchAlarm, "AccessDenied", (string?)null),
            (error.Service, error.Operation, error.ResourceType, error.ErrorCode, error.ResourceId));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds_and_a_failing_second_page_keeps_the_first()
    {
        var retried = new FakeAws().On("monitoring", "DescribeAlarms", FakeAws.XmlError("Throttling", "Rate exceeded", HttpStatusCode.BadRequest), Alarms(RootAlarm));
        Assert.Single((await CollectorHarness.Collect(new CloudWatchCollector(), retried)).CloudWatchAlarms);
        Assert.Equal(2, retried.Requests.Count);

        var broken = new FakeAws().On("monitoring", "DescribeAlarms", Alarms(RootAlarm, "page-2"),
            FakeAws.XmlError("InvalidNextToken", "The service cannot process the token.", HttpStatusCode.BadRequest));
        var inventory = await CollectorHarness.Collect(new CloudWatchCollector(), broken);
        Assert.Single(inventory.CloudWatchAlarms);
        Assert.Equal("InvalidNextToken", Assert.Single(inventory.CollectionErrors).ErrorCode);
    }

    [Fact]
    public async Task A_targeted_scope_names_the_alarms_and_other_types_make_no_call()
    {
        var aws = new FakeAws().On("monitoring", "DescribeAlarms", Alarms(RootAlarm));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.CloudWatchAlarm },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.CloudWatchAlarm] = ["CIS-4.3-RootAccountUsage", "CIS-4.1-UnauthorizedAPICalls"] },
        };

        await CollectorHarness.Collect(new CloudWatchCollector(), aws, scope: scope);

        var call = Assert.Single(aws.Requests);
        Assert.Equal(("CIS-4.3-RootAccountUsage", "CIS-4.1-UnauthorizedAPICalls"), (call.Param("AlarmNames.member.1"), call.Param("AlarmNames.member.2")));

        var none = new FakeAws();
        await CollectorHarness.Collect(new CloudWatchCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } });
        Assert.Empty(none.Requests);
    }
}
