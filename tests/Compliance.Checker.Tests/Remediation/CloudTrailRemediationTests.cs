using System.Text.Json;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>CloudTrail.Trail.3 through the CloudTrail handler and our CloudTrail client; bodies as in the CloudTrail API reference.</summary>
public sealed class CloudTrailRemediationTests
{
    private const string TrailArn = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-events";

    private static Func<FakeRequest, HttpResponseMessage> Described(bool validation) => FakeAws.Json($$"""
        { "trailList": [ { "Name": "management-events", "TrailARN": "{{TrailArn}}", "HomeRegion": "eu-west-1",
          "S3BucketName": "aws-cloudtrail-logs-123456789012-3f2a1b9c", "IncludeGlobalServiceEvents": true, "IsMultiRegionTrail": true,
          "LogFileValidationEnabled": {{(validation ? "true" : "false")}}, "HasCustomEventSelectors": false, "IsOrganizationTrail": false } ] }
        """);

    private static readonly Func<FakeRequest, HttpResponseMessage> Updated = FakeAws.Json($$"""
        { "Name": "management-events", "S3BucketName": "aws-cloudtrail-logs-123456789012-3f2a1b9c", "IncludeGlobalServiceEvents": true,
          "IsMultiRegionTrail": true, "TrailARN": "{{TrailArn}}", "LogFileValidationEnabled": true, "IsOrganizationTrail": false }
        """);

    private static RemediationPlan ValidationPlan() => Plan(new TrailLogFileValidationEnabled(), new TrailLogFileValidationEnabledRemediation(),
        Inventory with
        {
            Trails =
            [
                new Trail
                {
                    Id = "management-events", Region = Region, AccountId = Account, Arn = TrailArn, IsMultiRegionTrail = true,
                    S3BucketName = "aws-cloudtrail-logs-123456789012-3f2a1b9c", LogFileValidationEnabled = false,
                },
            ],
        });

    [Fact]
    public async Task Sends_only_the_trail_and_the_validation_flag_then_verifies_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On("cloudtrail", "DescribeTrails", Region, Described(false), Described(true))
            .On("cloudtrail", "UpdateTrail", Region, Updated);
        var remediation = new TrailLogFileValidationEnabledRemediation();
        var plan = ValidationPlan();

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["DescribeTrails", "UpdateTrail", "DescribeTrails", "DescribeTrails"], Operations(aws));
        using var update = JsonDocument.Parse(Assert.Single(aws.Calls("cloudtrail", "UpdateTrail")).Body);
        Assert.Equal([("Name", TrailArn), ("EnableLogFileValidation", "True")],
            update.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.True ? "True" : p.Value.GetString())));
        Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.UpdateTrail", aws.Calls("cloudtrail", "UpdateTrail")[0].Headers["x-amz-target"]);
        using var describe = JsonDocument.Parse(aws.Calls("cloudtrail", "DescribeTrails")[0].Body);
        Assert.Equal([TrailArn], describe.RootElement.GetProperty("trailNameList").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("false", first.Before["LogFileValidationEnabled"]);
        Assert.Equal("true", first.After["LogFileValidationEnabled"]);
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task A_trail_that_still_shows_validation_off_does_not_verify()
    {
        var aws = new FakeAws()
            .On("cloudtrail", "DescribeTrails", Described(false))
            .On("cloudtrail", "UpdateTrail", Updated);

        var outcome = await Apply(new TrailLogFileValidationEnabledRemediation(), ValidationPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Re-verification failed", outcome.Error);
    }

    [Fact]
    public async Task A_refused_update_is_reported_with_its_error_code()
    {
        var aws = new FakeAws()
            .On("cloudtrail", "DescribeTrails", Described(false))
            .On("cloudtrail", "UpdateTrail", FakeAws.JsonError("InvalidHomeRegionException", "This operation must be called from the trail's home region."));

        var outcome = await Apply(new TrailLogFileValidationEnabledRemediation(), ValidationPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.Contains("InvalidHomeRegionException", outcome.Error);
    }
}
