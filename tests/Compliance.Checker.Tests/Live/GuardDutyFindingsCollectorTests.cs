using System.Net;
using System.Text.Json;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

/// <summary>The overdue-findings listings and the DataSources fallback of <see cref="GuardDutyCollector"/>.</summary>
public sealed class GuardDutyFindingsCollectorTests
{
    private const string Id = "12abc34d567e8fa901bc2d34eexample";

    private static FakeAws Detector(string detectorBody = """{"status":"ENABLED","features":[]}""") =>
        new FakeAws()
            .On(r => r.Method == HttpMethod.Get && r.Path == "/detector", FakeAws.Json($$"""{"detectorIds":["{{Id}}"]}"""))
            .On(r => r.Method == HttpMethod.Get && r.Path == $"/detector/{Id}", FakeAws.Json(detectorBody))
            .On(r => r.Method == HttpMethod.Get && r.Path == $"/detector/{Id}/administrator", FakeAws.Json("{}"));

    private static bool IsBand(FakeRequest request, string band)
    {
        var severity = JsonDocument.Parse(request.Body).RootElement.GetProperty("findingCriteria").GetProperty("criterion").GetProperty("severity");
        return band switch
        {
            "High" => severity.TryGetProperty("gte", out var g) && g.GetInt64() == 7,
            "Medium" => severity.TryGetProperty("gte", out var g) && g.GetInt64() == 4,
            _ => !severity.TryGetProperty("gte", out _),
        };
    }

    private static FakeAws Band(FakeAws aws, string band, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Method == HttpMethod.Post && r.Path == $"/detector/{Id}/findings" && IsBand(r, band), replies);

    [Fact]
    public async Task Lists_each_band_unarchived_and_older_than_its_response_time_oldest_first()
    {
        var aws = Band(Band(Band(Detector(), "High", FakeAws.Json("""{"findingIds":[]}""")), "Medium", FakeAws.Json("""{"findingIds":[]}""")),
            "Low", FakeAws.Json("""{"findingIds":[]}"""));
        var before = DateTimeOffset.UtcNow;

        await CollectorHarness.Collect(new GuardDutyCollector(), aws);

        var bodies = aws.Calls("guardduty", $"POST /detector/{Id}/findings").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(3, bodies.Count);
        foreach (var (band, days, severity) in new[] { ("High", 1, """{"gte":7}"""), ("Medium", 7, """{"gte":4,"lt":7}"""), ("Low", 30, """{"lt":4}""") })
        {
            var body = bodies.Single(b => IsBand(new FakeRequest("guardduty", "eu-west-1", "", HttpMethod.Post, "", "", new Dictionary<string, string>(), b.GetRawText()), band));
            var criterion = body.GetProperty("findingCriteria").GetProperty("criterion");
            Assert.Equal("""{"eq":["false"]}""", criterion.GetProperty("service.archived").GetRawText());
            Assert.Equal(severity, criterion.GetProperty("severity").GetRawText());
            var cutoff = DateTimeOffset.FromUnixTimeMilliseconds(criterion.GetProperty("updatedAt").GetProperty("lt").GetInt64());
            Assert.InRange(cutoff, before.AddDays(-days).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(-days));
            Assert.Equal(50, body.GetProperty("maxResults").GetInt32());
            Assert.Equal("""{"attributeName":"updatedAt","orderBy":"ASC"}""", body.GetProperty("sortCriteria").GetRawText());
        }
    }

    [Fact]
    public async Task Counts_every_page_and_keeps_the_first_ids()
    {
        var first = string.Join(",", Enumerable.Range(1, 4).Select(i => $"\"a{i}\""));
        var aws = Band(Band(Band(Detector(), "High",
                FakeAws.Json($$"""{"findingIds":[{{first}}],"nextToken":"t2"}"""), FakeAws.Json("""{"findingIds":["b1","b2","b3"]}""")),
            "Medium", FakeAws.Json("""{"findingIds":["m1"]}""")), "Low", FakeAws.Json("""{"findingIds":[]}"""));

        var detector = Assert.Single((await CollectorHarness.Collect(new GuardDutyCollector(), aws)).GuardDutyDetectors);

        var high = detector.OverdueFindings!.Single(o => o.Band == "High");
        Assert.Equal((7, false, 1), (high.Count, high.CountIsLowerBound, high.OlderThanDays));
        Assert.Equal(["a1", "a2", "a3", "a4", "b1"], high.SampleFindingIds);
        Assert.Equal((1, 7), (detector.OverdueFindings!.Single(o => o.Band == "Medium").Count, detector.OverdueFindings!.Single(o => o.Band == "Medium").OlderThanDays));
        Assert.Equal(4, aws.Calls("guardduty", $"POST /detector/{Id}/findings").Count);
        Assert.Equal("t2", JsonDocument.Parse(aws.Calls("guardduty", $"POST /detector/{Id}/findings").Where(r => IsBand(r, "High")).Last().Body).RootElement.GetProperty("nextToken").GetString());
    }

    [Fact]
    public async Task Stops_at_the_page_cap_and_marks_the_count_as_a_lower_bound()
    {
        var aws = Band(Band(Band(Detector(), "High", FakeAws.Json("""{"findingIds":["x"],"nextToken":"more"}""")),
            "Medium", FakeAws.Json("""{"findingIds":[]}""")), "Low", FakeAws.Json("""{"findingIds":[]}"""));

        var detector = Assert.Single((await CollectorHarness.Collect(new GuardDutyCollector(), aws)).GuardDutyDetectors);

        var high = detector.OverdueFindings!.Single(o => o.Band == "High");
        Assert.Equal((GuardDutyFindingsReader.MaxPages, true), (high.Count, high.CountIsLowerBound));
        Assert.Equal(GuardDutyFindingsReader.MaxPages, aws.Calls("guardduty", $"POST /detector/{Id}/findings").Count(r => IsBand(r, "High")));
    }

    [Fact]
    public async Task A_denied_listing_leaves_that_band_unknown_with_an_error_naming_the_detector()
    {
        var aws = Band(Band(Band(Detector(), "High", FakeAws.Json("""{"findingIds":[]}""")),
            "Medium", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: guardduty:ListFindings", HttpStatusCode.Forbidden)),
            "Low", FakeAws.Json("""{"findingIds":[]}"""));

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), aws);

        var detector = Assert.Single(inventory.GuardDutyDetectors);
        Assert.Equal([("High", (int?)0), ("Medium", null), ("Low", 0)], detector.OverdueFindings!.Select(o => (o.Band, o.Count)));
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("ListFindings", Id, ResourceTypes.GuardDutyDetector, "AccessDeniedException"), (error.Operation, error.ResourceId, error.ResourceType, error.ErrorCode));
        Assert.Equal("ENABLED", detector.Status);
    }

    [Theory]
    [InlineData("""{"status":"ENABLED","dataSources":{"s3Logs":{"status":"ENABLED"}}}""", "ENABLED")]
    [InlineData("""{"status":"ENABLED","dataSources":{"s3Logs":{"status":"ENABLED"}},"features":[{"name":"S3_DATA_EVENTS","status":"DISABLED"}]}""", "DISABLED")]
    public async Task S3_protection_falls_back_to_the_older_data_sources_only_when_features_do_not_name_it(string body, string expected)
    {
        var aws = Band(Band(Band(Detector(body), "High", FakeAws.Json("""{"findingIds":[]}""")), "Medium", FakeAws.Json("""{"findingIds":[]}""")),
            "Low", FakeAws.Json("""{"findingIds":[]}"""));

        var detector = Assert.Single((await CollectorHarness.Collect(new GuardDutyCollector(), aws)).GuardDutyDetectors);

        Assert.Equal(expected, detector.Features["S3_DATA_EVENTS"]);
    }
}
