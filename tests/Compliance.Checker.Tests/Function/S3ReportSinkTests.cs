using System.Net;
using System.Text.Json;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Json;
using Compliance.Checker.Live;
using Compliance.Checker.Reporting;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Function;

public sealed class S3ReportSinkTests
{
    private const string Bucket = "compliance-reports-123456789012";
    private const string Key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static bool IsPut(FakeRequest r) => r.Service == "s3" && r.Method == HttpMethod.Put;

    /// <summary>PutObject's 200, with the headers the API reference example shows for an SSE-KMS write.</summary>
    private static HttpResponseMessage Stored(FakeRequest request)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Headers.Add("x-amz-request-id", "0A49CE4060975EAC");
        response.Headers.Add("x-amz-id-2", "LriYPLdmOdAiIfgSm/F1YsViT1LW94/xUQxMsF7xiEb1a0wiIOIxl+zbwZ163pt7");
        response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"1b2cf535f27731c974343645a3985328\"");
        response.Headers.Add("x-amz-server-side-encryption", "aws:kms");
        if (request.Headers.TryGetValue("x-amz-server-side-encryption-aws-kms-key-id", out var key))
        {
            response.Headers.Add("x-amz-server-side-encryption-aws-kms-key-id", key);
        }

        return response;
    }

    private static (FakeAws Aws, AwsSession Session) Fake(params Func<FakeRequest, HttpResponseMessage>[] replies)
    {
        var aws = new FakeAws().On(IsPut, replies.Length == 0 ? [Stored] : replies);
        return (aws, aws.Session(new LiveOptions { EndpointUrl = "https://s3.test" })); // path-style: /{bucket}/{key}
    }

    [Fact]
    public async Task Writes_the_archive_object_and_latest_json_with_sse_kms_and_the_configured_key()
    {
        var (aws, session) = Fake();
        using var _ = session;
        var report = await SinkReports.Noncompliant();

        var result = await new S3ReportSink(session, "eu-west-1", Bucket, Key).DeliverAsync(report, null, null, default);

        var archive = $"reports/123456789012/2026/11/22/{report.ScanId}.json";
        Assert.StartsWith("2026", report.ScanId); // the id carries the sortable timestamp, so the key needs no second one
        Assert.Equal(new SinkResult("s3", true, $"s3://{Bucket}/{archive}", result.Detail), result);
        var puts = aws.Requests.ToList();
        Assert.Equal([$"/{Bucket}/{archive}", $"/{Bucket}/reports/123456789012/latest.json"], puts.Select(p => p.Path));
        Assert.All(puts, put =>
        {
            Assert.Equal(("s3", "eu-west-1"), (put.Service, put.Region));
            Assert.Equal("aws:kms", put.Headers["x-amz-server-side-encryption"]);
            Assert.Equal(Key, put.Headers["x-amz-server-side-encryption-aws-kms-key-id"]);
            Assert.StartsWith("application/json", put.Headers["content-type"], StringComparison.Ordinal);
            Assert.Contains("x-amz-server-side-encryption", put.Headers["authorization"], StringComparison.Ordinal); // signed, not added after
        });
        Assert.Equal(puts[0].Body, puts[1].Body);
    }

    [Fact]
    public async Task The_body_is_the_full_json_report_and_reads_back_as_the_same_scan()
    {
        var (aws, session) = Fake();
        using var _ = session;
        var report = await SinkReports.Noncompliant();

        await new S3ReportSink(session, "eu-west-1", Bucket, Key).DeliverAsync(report, null, null, default);

        var stored = JsonSerializer.Deserialize(aws.Requests.First().Body, ComplianceJson.TypeInfo<ScanReport>())!;
        Assert.Equal((report.ScanId, report.FinishedAt, report.Score), (stored.ScanId, stored.FinishedAt, stored.Score));
        Assert.Equal(report.Findings.Count, stored.Findings.Count);
        Assert.Equal(report.Findings.Count(f => f.Status == ComplianceStatus.Fail), stored.Findings.Count(f => f.Status == ComplianceStatus.Fail));
        Assert.Equal(report.CollectionErrors.Select(e => e.ErrorCode), stored.CollectionErrors.Select(e => e.ErrorCode));
        Assert.Equal(report.Summary.ByStatus, stored.Summary.ByStatus);
    }

    [Fact]
    public async Task Without_a_configured_key_it_still_requests_sse_kms_and_names_no_key()
    {
        var (aws, session) = Fake();
        using var _ = session;

        var result = await new S3ReportSink(session, "eu-west-1", Bucket, kmsKeyId: null).DeliverAsync(await SinkReports.Noncompliant(), null, null, default);

        Assert.True(result.Delivered);
        Assert.All(aws.Requests, put =>
        {
            Assert.Equal("aws:kms", put.Headers["x-amz-server-side-encryption"]);
            Assert.False(put.Headers.ContainsKey("x-amz-server-side-encryption-aws-kms-key-id"));
        });
    }

    [Fact]
    public async Task A_denied_put_is_reported_not_thrown_and_latest_is_not_touched()
    {
        var (aws, session) = Fake(S3Fake.AccessDenied);
        using var _ = session;

        var result = await new S3ReportSink(session, "eu-west-1", Bucket, Key).DeliverAsync(await SinkReports.Noncompliant(), null, null, default);

        Assert.False(result.Delivered);
        Assert.False(result.Skipped);
        Assert.Null(result.Location);
        Assert.Contains("AccessDenied: Access Denied", result.Detail, StringComparison.Ordinal);
        Assert.Single(aws.Requests); // AccessDenied is not retried, and latest.json must not point past a missing report
    }

    [Fact]
    public async Task When_only_latest_json_fails_the_result_still_says_where_the_report_is()
    {
        var (aws, session) = Fake(Stored, S3Fake.AccessDenied);
        using var _ = session;
        var report = await SinkReports.Noncompliant();

        var result = await new S3ReportSink(session, "eu-west-1", Bucket, Key).DeliverAsync(report, null, null, default);

        Assert.False(result.Delivered);
        Assert.Equal($"s3://{Bucket}/{S3ReportSink.ArchiveKey(report)}", result.Location);
        Assert.Contains("latest.json failed: AccessDenied", result.Detail, StringComparison.Ordinal);
        Assert.Equal(2, aws.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_after_the_retries()
    {
        var (aws, session) = Fake(_ => throw new HttpRequestException("Connection refused (s3.test:443)"));
        using var _ = session;

        var result = await new S3ReportSink(session, "eu-west-1", Bucket, Key).DeliverAsync(await SinkReports.Noncompliant(), null, null, default);

        Assert.False(result.Delivered);
        Assert.Contains("Connection refused", result.Detail, StringComparison.Ordinal);
        Assert.Equal(3, aws.Requests.Count); // the session's three attempts, then one failure
    }

    [Fact]
    public async Task The_archive_key_uses_the_utc_date_the_scan_finished_and_its_sortable_id()
    {
        var report = await SinkReports.Noncompliant() with { FinishedAt = new DateTimeOffset(2026, 12, 31, 23, 30, 5, TimeSpan.FromHours(-5)) };

        Assert.Equal($"reports/123456789012/2027/01/01/{report.ScanId}.json", S3ReportSink.ArchiveKey(report));
        Assert.Equal("reports/123456789012/latest.json", S3ReportSink.LatestKey(report));
    }
}
