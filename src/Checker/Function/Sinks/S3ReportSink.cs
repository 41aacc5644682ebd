using System.Globalization;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Compliance.Checker.Json;
using Compliance.Checker.Live;
using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;

namespace Compliance.Checker.Function.Sinks;

/// <summary>
/// Stores the full JSON report (the same document as <c>scan --format json</c>) in S3 twice: an archive object
/// <c>reports/{account}/{yyyy}/{MM}/{dd}/{scanId}.json</c> (the scan id is already "{timestamp}-{random}", sortable)
/// and <c>reports/{account}/latest.json</c>.
/// Every object is written with SSE-KMS (x-amz-server-side-encryption: aws:kms). With a configured key its id is sent
/// too; without one S3 uses the AWS managed key aws/s3. Note that aws:kms without a key id does NOT pick the bucket's
/// default key (PutObject reference), so the deployment should configure the key it set as the bucket default.
/// </summary>
public sealed class S3ReportSink(AwsSession session, string region, string bucket, string? kmsKeyId) : IReportSink
{
    /// <summary>
    /// What the function's role needs: s3:PutObject on <c>reports/*</c>, and kms:GenerateDataKey on the key for SSE-KMS
    /// (a single-part PutObject; kms:Decrypt would only be needed for multipart uploads, which this sink does not make).
    /// </summary>
    public static IReadOnlyList<string> RequiredActions { get; } = ["s3:PutObject", "kms:GenerateDataKey"];

    public string Name => "s3";

    /// <summary>The archive key of a report: its first account, the UTC date and time it finished, and its scan id.</summary>
    public static string ArchiveKey(ScanReport report)
    {
        var finished = report.FinishedAt.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"reports/{Account(report)}/{finished:yyyy}/{finished:MM}/{finished:dd}/{report.ScanId}.json");
    }

    /// <summary>The key overwritten with the newest report of the account.</summary>
    public static string LatestKey(ScanReport report) => $"reports/{Account(report)}/latest.json";

    public async Task<SinkResult> DeliverAsync(ScanReport report, RemediationRun? remediation, string? reportLocation, CancellationToken cancellationToken)
    {
        var archive = ArchiveKey(report);
        var location = $"s3://{bucket}/{archive}";
        byte[] body;
        try
        {
            body = JsonSerializer.SerializeToUtf8Bytes(report, ComplianceJson.TypeInfo<ScanReport>());
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return new SinkResult(Name, false, null, $"The report could not be serialized: {ex.Message}");
        }

        if (await PutAsync(archive, body, cancellationToken) is { } archiveError)
        {
            return new SinkResult(Name, false, null, $"PutObject s3://{bucket}/{archive} failed: {archiveError}");
        }

        if (await PutAsync(LatestKey(report), body, cancellationToken) is { } latestError)
        {
            // The report is stored; only the pointer to the newest one is stale. Location says where the report is.
            return new SinkResult(Name, false, location, $"Stored {location}, but PutObject s3://{bucket}/{LatestKey(report)} failed: {latestError}");
        }

        return new SinkResult(Name, true, location, $"{body.Length} bytes, SSE-KMS with {kmsKeyId ?? "the AWS managed key aws/s3"}; also {LatestKey(report)}");
    }

    /// <summary>Puts one object; returns null on success, else the error code and message.</summary>
    private async Task<string?> PutAsync(string key, byte[] body, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(body, writable: false),
            ContentType = "application/json",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,

            // The body is already in memory: send it whole with its checksum in a header rather than aws-chunked
            // with a trailer, which some S3-compatible endpoints (emulators, proxies) do not accept.
            UseChunkEncoding = false,
        };
        if (kmsKeyId is not null)
        {
            request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
        }

        try
        {
            await session.S3(region).PutObjectAsync(request, cancellationToken);
            return null;
        }
        catch (Exception ex) // a sink never throws: denied, throttled past retries, unreachable, cancelled
        {
            return SinkFailure.Describe(ex);
        }
    }

    private static string Account(ScanReport report) => report.Scope.AccountIds.FirstOrDefault(a => a.Length > 0) ?? "unknown";
}
