using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class CloudTrailCollectorTests
{
    private const string Trail1 = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/Trail1";
    private const string Trail2 = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/Trail2";

    // Shapes of the CloudTrail API reference / CLI describe-trails example: string members absent when unset.
    private const string Trails = """
        {
          "trailList": [
            { "IncludeGlobalServiceEvents": true, "Name": "Trail1", "TrailARN": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/Trail1",
              "LogFileValidationEnabled": true, "IsMultiRegionTrail": true, "HasCustomEventSelectors": true, "IsOrganizationTrail": false,
              "S3BucketName": "aws-cloudtrail-logs-123456789012", "HomeRegion": "eu-west-1",
              "KmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
              "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrail_CloudWatchLogs_Role",
              "CloudWatchLogsLogGroupArn": "arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail:*" },
            { "IncludeGlobalServiceEvents": false, "Name": "Trail2", "TrailARN": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/Trail2",
              "LogFileValidationEnabled": false, "IsMultiRegionTrail": false, "HasCustomEventSelectors": true,
              "S3BucketName": "my-bucket", "HomeRegion": "eu-west-1" }
          ]
        }
        """;

    // GetEventSelectors examples: basic selectors with S3 data resources; advanced selectors.
    private const string BasicSelectors = """
        { "TrailARN": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/Trail1",
          "EventSelectors": [ { "ReadWriteType": "All", "IncludeManagementEvents": true, "ExcludeManagementEventSources": [ "kms.amazonaws.com" ],
            "DataResources": [ { "Type": "AWS::S3::Object", "Values": [ "arn:aws:s3:::amzn-s3-demo-bucket/" ] } ] } ] }
        """;

    private const string AdvancedSelectors = """
        { "TrailARN": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/Trail2",
          "AdvancedEventSelectors": [
            { "Name": "Management events", "FieldSelectors": [ { "Field": "eventCategory", "Equals": [ "Management" ] },
              { "Field": "eventSource", "NotEquals": [ "rdsdata.amazonaws.com" ], "NotEndsWith": [ "kms.amazonaws.com" ] } ] },
            { "Name": "Log PutObject on one bucket", "FieldSelectors": [ { "Field": "eventCategory", "Equals": [ "Data" ] },
              { "Field": "resources.type", "Equals": [ "AWS::S3::Object" ] }, { "Field": "eventName", "StartsWith": [ "Put" ], "NotStartsWith": [ "PutObjectAcl" ] },
              { "Field": "resources.ARN", "StartsWith": [ "arn:aws:s3:::amzn-s3-demo-bucket/" ], "EndsWith": [ ".csv" ] } ] } ] }
        """;

    private const string Logging = """{ "IsLogging": true, "LatestDeliveryTime": 1454022144.869, "TimeLoggingStarted": "2015-11-06T18:36:38Z", "StartLoggingTime": 1446834998.695 }""";
    private const string Stopped = """{ "IsLogging": false, "StopLoggingTime": 1446834998.695, "TimeLoggingStopped": "2015-11-06T18:36:38Z" }""";

    private static Func<FakeRequest, bool> For(string operation, string arn) =>
        r => r.Service == "cloudtrail" && r.Operation == operation && r.Body.Contains(arn, StringComparison.Ordinal);

    /// <summary>Two trails with their status and selectors, after any routes <paramref name="first"/> already answers.</summary>
    internal static FakeAws TwoTrails(FakeAws? first = null) => (first ?? new FakeAws())
        .On("cloudtrail", "DescribeTrails", FakeAws.Json(Trails))
        .On(For("GetTrailStatus", Trail1), FakeAws.Json(Logging))
        .On(For("GetTrailStatus", Trail2), FakeAws.Json(Stopped))
        .On(For("GetEventSelectors", Trail1), FakeAws.Json(BasicSelectors))
        .On(For("GetEventSelectors", Trail2), FakeAws.Json(AdvancedSelectors));

    [Fact]
    public async Task Maps_every_field_of_a_trail_its_status_and_its_selectors()
    {
        var aws = TwoTrails();

        var inventory = await CollectorHarness.Collect(new CloudTrailCollector(), aws);

        Assert.Equal(["Trail1", "Trail2"], inventory.Trails.Select(t => t.Id));
        var one = inventory.Trails[0];
        Assert.Equal(("eu-west-1", CollectorHarness.Account, Trail1), (one.Region, one.AccountId, one.Arn));
        Assert.Equal((true, true, false, true), (one.IsMultiRegionTrail, one.IncludeGlobalServiceEvents, one.IsOrganizationTrail, one.LogFileValidationEnabled));
        Assert.True(one.TagsUnknown); // no tag call is made for trails
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", one.KmsKeyId);
        Assert.Equal("aws-cloudtrail-logs-123456789012", one.S3BucketName);
        Assert.Equal("arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail:*", one.CloudWatchLogsLogGroupArn);
        Assert.True(one.IsLogging);
        var basic = Assert.Single(one.EventSelectors!.Basic);
        Assert.Empty(one.EventSelectors.Advanced);
        Assert.Equal(("All", true, "kms.amazonaws.com"), (basic.ReadWriteType, basic.IncludeManagementEvents, Assert.Single(basic.ExcludeManagementEventSources)));
        var data = Assert.Single(basic.DataResources);
        Assert.Equal(("AWS::S3::Object", "arn:aws:s3:::amzn-s3-demo-bucket/"), (data.Type, Assert.Single(data.Values)));

        var two = inventory.Trails[1];
        Assert.Equal((false, false, false, false), (two.IsMultiRegionTrail, two.IncludeGlobalServiceEvents, two.IsOrganizationTrail, two.LogFileValidationEnabled));
        Assert.Equal(((string?)null, (string?)null, "my-bucket"), (two.KmsKeyId, two.CloudWatchLogsLogGroupArn, two.S3BucketName));
        Assert.False(two.IsLogging);
        Assert.Empty(two.EventSelectors!.Basic);
        Assert.Equal(["Management events", "Log PutObject on one bucket"], two.EventSelectors.Advanced.Select(a => a.Name));
        var source = two.EventSelectors.Advanced[0].FieldSelectors[1];
        Assert.Equal(("eventSource", "rdsdata.amazonaws.com", "kms.amazonaws.com"), (source.Field, Assert.Single(source.NotEquals), Assert.Single(source.NotEndsWith)));
        Assert.Equal("Management", Assert.Single(two.EventSelectors.Advanced[0].FieldSelectors[0].EqualTo));
        var fields = two.EventSelectors.Advanced[1].FieldSelectors;
        Assert.Equal(("Put", "PutObjectAcl"), (Assert.Single(fields[2].StartsWith), Assert.Single(fields[2].NotStartsWith)));
        Assert.Equal(".csv", Assert.Single(fields[3].EndsWith));
        Assert.Empty(fields[3].NotEquals);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Calls_describe_once_then_status_and_selectors_by_arn_per_trail()
    {
        var aws = TwoTrails();

        await CollectorHarness.Collect(new CloudTrailCollector(), aws);

        Assert.Equal(5, aws.Requests.Count); // the budget: 1 DescribeTrails + 2 per trail
        var describe = Assert.Single(aws.Calls("cloudtrail", "DescribeTrails"));
        Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails", describe.Headers["x-amz-target"]);
        Assert.Equal("""{"includeShadowTrails":true}""", describe.Body);
        Assert.Equal([$$"""{"Name":"{{Trail1}}"}""", $$"""{"Name":"{{Trail2}}"}"""], aws.Calls("cloudtrail", "GetTrailStatus").Select(c => c.Body).Order());
        Assert.Equal([$$"""{"TrailName":"{{Trail1}}"}""", $$"""{"TrailName":"{{Trail2}}"}"""], aws.Calls("cloudtrail", "GetEventSelectors").Select(c => c.Body).Order());
    }
}
