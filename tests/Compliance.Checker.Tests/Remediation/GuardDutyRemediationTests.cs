using System.Text.Json;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.GuardDuty;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>GuardDuty.Detector.1 through the GuardDuty handler and our GuardDuty client; bodies as in the GuardDuty API reference.</summary>
public sealed class GuardDutyRemediationTests
{
    private const string DetectorId = "12abc34d567e8fa901bc2d34eexample";

    private static FakeAws Route(FakeAws aws, HttpMethod method, string path, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "guardduty" && r.Method == method && r.Path == path, replies);

    private static Func<FakeRequest, HttpResponseMessage> Listed(bool any) => FakeAws.Json(any ? $$"""{"detectorIds":["{{DetectorId}}"]}""" : """{"detectorIds":[]}""");

    private static Func<FakeRequest, HttpResponseMessage> Detector(string status) => FakeAws.Json($$"""
        {"createdAt":"2023-06-14T17:01:37.219Z","findingPublishingFrequency":"SIX_HOURS",
         "serviceRole":"arn:aws:iam::123456789012:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty",
         "status":"{{status}}","updatedAt":"2023-06-14T17:01:37.219Z","features":[{"name":"CLOUD_TRAIL","status":"ENABLED"}]}
        """);

    private static IReadOnlyList<string> Calls(FakeAws aws) => aws.Requests.Select(r => $"{r.Method.Method} {r.Path}").ToList();

    private static RemediationPlan CreatePlan() =>
        Plan(new GuardDutyEnabledCentralized(), new GuardDutyEnabledCentralizedRemediation(), Inventory);

    private static RemediationPlan UpdatePlan()
    {
        var detector = new GuardDutyDetector { Id = DetectorId, Region = Region, AccountId = Account, Status = "DISABLED", AdministratorAccountId = "" };
        return Plan(new GuardDutyEnabledCentralized(), new GuardDutyEnabledCentralizedRemediation(), Inventory with { GuardDutyDetectors = [detector] });
    }

    [Fact]
    public async Task A_region_without_a_detector_gets_one_created_enabled_and_verified_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws();
        Route(aws, HttpMethod.Get, "/detector", Listed(false), Listed(true));
        Route(aws, HttpMethod.Post, "/detector", FakeAws.Json($$"""{"detectorId":"{{DetectorId}}"}"""));
        Route(aws, HttpMethod.Get, $"/detector/{DetectorId}", Detector("ENABLED"));
        var remediation = new GuardDutyEnabledCentralizedRemediation();
        var plan = CreatePlan();

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GET /detector", "POST /detector", "GET /detector", $"GET /detector/{DetectorId}", "GET /detector", $"GET /detector/{DetectorId}"], Calls(aws));
        using var body = JsonDocument.Parse(Assert.Single(aws.Requests, r => r.Method == HttpMethod.Post).Body);
        Assert.Equal("""{"enable":true}""", body.RootElement.GetRawText());
        Assert.Equal(new Dictionary<string, string> { ["DetectorId"] = "", ["Status"] = "NONE" }, first.Before);
        Assert.Equal(new Dictionary<string, string> { ["DetectorId"] = DetectorId, ["Status"] = "ENABLED" }, first.After);
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
        Assert.DoesNotContain(aws.Requests, r => r.Path.Contains("administrator", StringComparison.Ordinal) || r.Path.Contains("member", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_detector_is_re_enabled_with_only_the_enable_flag()
    {
        var aws = new FakeAws();
        Route(aws, HttpMethod.Get, "/detector", Listed(true));
        Route(aws, HttpMethod.Get, $"/detector/{DetectorId}", Detector("DISABLED"), Detector("ENABLED"));
        Route(aws, HttpMethod.Post, $"/detector/{DetectorId}", FakeAws.Json(""));

        var outcome = await Apply(new GuardDutyEnabledCentralizedRemediation(), UpdatePlan(), aws);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["GET /detector", $"GET /detector/{DetectorId}", $"POST /detector/{DetectorId}", "GET /detector", $"GET /detector/{DetectorId}"], Calls(aws));
        using var body = JsonDocument.Parse(Assert.Single(aws.Requests, r => r.Method == HttpMethod.Post).Body);
        Assert.Equal("""{"enable":true}""", body.RootElement.GetRawText());
        Assert.Equal(("DISABLED", "ENABLED"), (outcome.Before["Status"], outcome.After["Status"]));
    }

    [Fact]
    public async Task A_detector_still_disabled_after_the_update_is_not_a_success()
    {
        var aws = new FakeAws();
        Route(aws, HttpMethod.Get, "/detector", Listed(true));
        Route(aws, HttpMethod.Get, $"/detector/{DetectorId}", Detector("DISABLED"));
        Route(aws, HttpMethod.Post, $"/detector/{DetectorId}", FakeAws.Json(""));

        var outcome = await Apply(new GuardDutyEnabledCentralizedRemediation(), UpdatePlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.Equal("DISABLED", outcome.After["Status"]);
    }

    [Fact]
    public async Task A_refused_create_is_a_failure_with_the_guardduty_error()
    {
        var aws = new FakeAws();
        Route(aws, HttpMethod.Get, "/detector", Listed(false));
        Route(aws, HttpMethod.Post, "/detector", FakeAws.Json("""{"__type":"BadRequestException","message":"The request is rejected because a detector already exists for the current account."}""", System.Net.HttpStatusCode.BadRequest));

        var outcome = await Apply(new GuardDutyEnabledCentralizedRemediation(), CreatePlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Failed while calling guardduty:CreateDetector: BadRequestException", outcome.Error, StringComparison.Ordinal);
    }
}
