using System.Text.Json.Nodes;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Http;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// The audit services, one per region or account: GuardDuty detectors, AWS Config recorders and the CloudTrail trail.
/// Phase 1: us-east-1 compliant (enabled detector; recorder of all types with the service-linked role, recording; a
/// logging multi-Region trail), eu-west-1 not (suspended detector; recorder with a custom role, stopped). Phase 2
/// turns both regions around and stops the trail. Runs after <see cref="S3Seeder"/> (the trail and Config buckets).
/// </summary>
public static class AuditSeeder
{
    public static async Task PhaseOneAsync(AwsSession session, Planted planted)
    {
        await DetectorAsync(session, planted, ItEndpoint.Home, "it-pass-detector", enable: true);
        await DetectorAsync(session, planted, ItEndpoint.Other, "it-fail-detector", enable: false);

        await RecorderAsync(session, planted, ItEndpoint.Home, "it-pass-recorder", serviceLinked: true, start: true);
        await RecorderAsync(session, planted, ItEndpoint.Other, "it-fail-recorder", serviceLinked: false, start: false);

        var trails = Trails(session, ItEndpoint.Home);
        var trail = planted.NameOf("it-pass-trail");
        await trails.InvokeAsync("CreateTrail", new JsonObject
        {
            ["Name"] = trail, ["S3BucketName"] = planted.Id(ItEndpoint.Home, "it-pass-logs"), ["IsMultiRegionTrail"] = true,
            ["IncludeGlobalServiceEvents"] = true, ["EnableLogFileValidation"] = true,
        }, CancellationToken.None);
        planted.Add(ItEndpoint.Home, "it-pass-trail", trail);

        // By name, in its home region: moto's StartLogging, StopLogging and DeleteTrail do not take the ARN.
        planted.OnCleanup("it-pass-trail", () => trails.InvokeAsync("DeleteTrail", new JsonObject { ["Name"] = trail }, CancellationToken.None));
        await trails.InvokeAsync("StartLogging", new JsonObject { ["Name"] = trail }, CancellationToken.None);
    }

    public static async Task PhaseTwoAsync(AwsSession session, Planted planted)
    {
        await UpdateDetectorAsync(session, planted, ItEndpoint.Home, "it-pass-detector", "it-fail-detector", enable: false);
        await UpdateDetectorAsync(session, planted, ItEndpoint.Other, "it-fail-detector", "it-pass-detector", enable: true);

        await DeleteRecorderAsync(session, planted, ItEndpoint.Home, "it-pass-recorder");
        await RecorderAsync(session, planted, ItEndpoint.Home, "it-fail-recorder", serviceLinked: true, start: false);
        await DeleteRecorderAsync(session, planted, ItEndpoint.Other, "it-fail-recorder");
        await RecorderAsync(session, planted, ItEndpoint.Other, "it-pass-recorder", serviceLinked: true, start: true);

        await Trails(session, ItEndpoint.Home).InvokeAsync("StopLogging", new JsonObject { ["Name"] = planted.Id(ItEndpoint.Home, "it-pass-trail") }, CancellationToken.None);
    }

    private static JsonProtocol Trails(AwsSession session, string region) =>
        session.Json("cloudtrail", "cloudtrail", "cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "1.1", region);

    private static JsonProtocol Config(AwsSession session, string region) => session.Json("config", "config", "config", "StarlingDoveService", "1.1", region);

    private static RestProtocol GuardDuty(AwsSession session, string region) =>
        session.Rest("guardduty", "guardduty", region, AwsEndpoints.Regional("guardduty", region, session.Options.EndpointUrl));

    private static async Task DetectorAsync(AwsSession session, Planted planted, string region, string logical, bool enable)
    {
        var guardDuty = GuardDuty(session, region);
        var id = (await guardDuty.InvokeJsonAsync("CreateDetector", HttpMethod.Post, "/detector",
            new JsonObject { ["enable"] = enable, ["tags"] = new JsonObject { ["Name"] = planted.NameOf("it-detector") } }, CancellationToken.None))
            .GetProperty("detectorId").GetString()!;
        planted.Add(region, logical, id);
        planted.OnCleanup($"GuardDuty detector in {region}", () => guardDuty.InvokeJsonAsync("DeleteDetector", HttpMethod.Delete, $"/detector/{id}", null, CancellationToken.None));
    }

    /// <summary>Suspends or resumes the region's detector; the same detector is then known by its new verdict's name.</summary>
    private static async Task UpdateDetectorAsync(AwsSession session, Planted planted, string region, string from, string to, bool enable)
    {
        var id = planted.Id(region, from);
        await GuardDuty(session, region).InvokeJsonAsync("UpdateDetector", HttpMethod.Post, $"/detector/{id}", new JsonObject { ["enable"] = enable }, CancellationToken.None);
        planted.Add(region, to, id);
    }

    private static async Task RecorderAsync(AwsSession session, Planted planted, string region, string logical, bool serviceLinked, bool start)
    {
        var config = Config(session, region);
        var name = planted.NameOf(logical);
        var role = serviceLinked
            ? $"arn:aws:iam::{planted.AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
            : $"arn:aws:iam::{planted.AccountId}:role/{planted.NameOf("it-config-role")}";
        await config.InvokeAsync("PutConfigurationRecorder", new JsonObject
        {
            ["ConfigurationRecorder"] = new JsonObject
            {
                ["name"] = name, ["roleARN"] = role,
                ["recordingGroup"] = new JsonObject { ["allSupported"] = true, ["includeGlobalResourceTypes"] = region == ItEndpoint.Home },
            },
        }, CancellationToken.None);
        planted.Add(region, logical, name);
        if (start)
        {
            var channel = planted.NameOf("it-channel");
            await config.InvokeAsync("PutDeliveryChannel", new JsonObject
            {
                ["DeliveryChannel"] = new JsonObject { ["name"] = channel, ["s3BucketName"] = planted.Id(region, "it-pass-logs") },
            }, CancellationToken.None);
            planted.OnCleanup($"Config delivery channel in {region}", () => config.InvokeAsync("DeleteDeliveryChannel", new JsonObject { ["DeliveryChannelName"] = channel }, CancellationToken.None));
            await config.InvokeAsync("StartConfigurationRecorder", new JsonObject { ["ConfigurationRecorderName"] = name }, CancellationToken.None);
        }

        // Registered after the channel so that it runs first: a channel cannot be deleted while its recorder records.
        planted.OnCleanup($"{logical} in {region}", () => DeleteRecorderAsync(session, planted, region, logical));
    }

    private static async Task DeleteRecorderAsync(AwsSession session, Planted planted, string region, string logical)
    {
        var config = Config(session, region);
        var name = planted.Id(region, logical);
        var existing = (await config.InvokeAsync("DescribeConfigurationRecorders", new JsonObject(), CancellationToken.None))
            .GetProperty("ConfigurationRecorders").EnumerateArray().Any(r => r.GetProperty("name").GetString() == name);
        if (existing)
        {
            await config.InvokeAsync("StopConfigurationRecorder", new JsonObject { ["ConfigurationRecorderName"] = name }, CancellationToken.None);
            await config.InvokeAsync("DeleteConfigurationRecorder", new JsonObject { ["ConfigurationRecorderName"] = name }, CancellationToken.None);
        }
    }
}
