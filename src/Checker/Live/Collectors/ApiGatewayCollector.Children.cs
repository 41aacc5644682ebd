using System.Text.Json;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Agw = Compliance.Checker.Live.Clients.APIGateway;

namespace Compliance.Checker.Live.Collectors;

/// <summary>Stages and methods of one API, and the mapping of every API Gateway answer to inventory records.</summary>
public sealed partial class ApiGatewayCollector
{
    private static async Task ReadStagesAsync(CollectorContext context, Agw.IAmazonAPIGateway client, string apiId, CancellationToken cancellationToken)
    {
        var answer = await context.CallAsync(ServiceKey, "GetStages", ResourceTypes.ApiGatewayStage,
            ct => client.GetStagesAsync(new Agw.GetStagesRequest(apiId), ct), cancellationToken, apiId);
        foreach (var stage in answer?.Item ?? [])
        {
            if (stage.StageName is { } name && Wanted(context, ResourceTypes.ApiGatewayStage, $"{apiId}/{name}"))
            {
                context.Builder.Add(MapStage(context, apiId, name, stage));
            }
        }
    }

    private static async Task ReadMethodsAsync(CollectorContext context, Agw.IAmazonAPIGateway client, string apiId, CancellationToken cancellationToken)
    {
        string? position = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "GetResources", ResourceTypes.ApiGatewayMethod,
                ct => client.GetResourcesAsync(new Agw.GetResourcesRequest(apiId) { Embed = ["methods"], Limit = PageSize, Position = position }, ct),
                cancellationToken, apiId);
            if (page is null)
            {
                return; // recorded for this API; the methods read so far stay
            }

            foreach (var resource in (page.Items ?? []).Where(r => r.Id is not null))
            {
                foreach (var (verb, method) in resource.ResourceMethods ?? new Dictionary<string, Agw.Method>())
                {
                    var id = $"{apiId}/{resource.Id}/{verb}";
                    if (Wanted(context, ResourceTypes.ApiGatewayMethod, id))
                    {
                        context.Builder.Add(MapMethod(context, apiId, resource, verb, method));
                    }
                }
            }

            position = page.Position;
        }
        while (!string.IsNullOrEmpty(position));
    }

    private static ApiGatewayRestApi MapApi(CollectorContext context, Agw.RestApi api) => new()
    {
        Id = api.Id!,
        Region = context.Region,
        AccountId = context.AccountId,
        Arn = $"arn:{Partition(context)}:apigateway:{context.Region}::/restapis/{api.Id}",
        Tags = api.Tags ?? new Dictionary<string, string>(),
        Name = api.Name ?? "",
        EndpointTypes = api.EndpointConfiguration?.Types,
        VpcEndpointIds = api.EndpointConfiguration?.VpcEndpointIds ?? [],
        Policy = ReadPolicy(context, api.Id!, api.Policy),
    };

    /// <summary>
    /// The resource policy: absent or "" is no policy. AWS returns the document escaped once more than JSON requires
    /// ({\"Version\":...}, with \/ for slashes), so the text is unescaped when it does not parse as it is.
    /// </summary>
    private static PolicyDocument? ReadPolicy(CollectorContext context, string apiId, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PolicyDocument.Empty;
        }

        try
        {
            return PolicyDocumentJsonConverter.Parse(text);
        }
        catch (JsonException)
        {
            // Escaped: read it as the body of a JSON string literal, then as the policy.
        }

        try
        {
            return PolicyDocumentJsonConverter.Parse(JsonSerializer.Deserialize<string>($"\"{text}\"") ?? "");
        }
        catch (JsonException ex)
        {
            context.Missing(ServiceKey, "GetRestApis", ResourceTypes.ApiGatewayRestApi, "InvalidPolicy", $"The resource policy of REST API {apiId} could not be parsed: {ex.Message}", apiId);
            return null;
        }
    }

    private static ApiGatewayStage MapStage(CollectorContext context, string apiId, string name, Agw.Stage stage) => new()
    {
        Id = $"{apiId}/{name}",
        Region = context.Region,
        AccountId = context.AccountId,
        Arn = $"arn:{Partition(context)}:apigateway:{context.Region}::/restapis/{apiId}/stages/{name}",
        Tags = stage.Tags ?? new Dictionary<string, string>(),
        RestApiId = apiId,
        StageName = name,
        DeploymentId = stage.DeploymentId ?? "",
        // Absent members take API Gateway's defaults: logging OFF, no data trace, no metrics, no caching, no cache encryption.
        MethodSettings = (stage.MethodSettings ?? new Dictionary<string, Agw.MethodSetting>()).ToDictionary(
            s => s.Key,
            s => new ApiGatewayMethodSetting
            {
                LoggingLevel = s.Value.LoggingLevel ?? "OFF",
                DataTraceEnabled = s.Value.DataTraceEnabled ?? false,
                MetricsEnabled = s.Value.MetricsEnabled ?? false,
                CachingEnabled = s.Value.CachingEnabled ?? false,
                CacheDataEncrypted = s.Value.CacheDataEncrypted ?? false,
            },
            StringComparer.Ordinal),
        AccessLogDestinationArn = stage.AccessLogSettings?.DestinationArn ?? "",
        WebAclArn = stage.WebAclArn ?? "",
        CacheClusterEnabled = stage.CacheClusterEnabled ?? false,
    };

    private static ApiGatewayMethod MapMethod(CollectorContext context, string apiId, Agw.Resource resource, string verb, Agw.Method method) => new()
    {
        Id = $"{apiId}/{resource.Id}/{verb}",
        Region = context.Region,
        AccountId = context.AccountId,
        Arn = $"arn:{Partition(context)}:apigateway:{context.Region}::/restapis/{apiId}/resources/{resource.Id}/methods/{verb}",
        RestApiId = apiId,
        ResourceId = resource.Id!,
        ResourcePath = resource.Path,
        HttpMethod = method.HttpMethod ?? verb,
        // An empty method object (embed not honoured) leaves every setting unknown, never "none".
        AuthorizationType = method.AuthorizationType,
        AuthorizerId = method.AuthorizerId ?? "",
        ApiKeyRequired = method.ApiKeyRequired,
        IntegrationType = method.MethodIntegration?.Type ?? (method.AuthorizationType is null ? null : ""),
    };

    private static ApiGatewayUsagePlan MapUsagePlan(CollectorContext context, Agw.UsagePlan plan) => new()
    {
        Id = plan.Id!,
        Region = context.Region,
        AccountId = context.AccountId,
        Arn = $"arn:{Partition(context)}:apigateway:{context.Region}::/usageplans/{plan.Id}",
        Tags = plan.Tags ?? new Dictionary<string, string>(),
        Name = plan.Name ?? "",
        Throttle = Throttle(plan.Throttle),
        ApiStages =
        [
            .. (plan.ApiStages ?? []).Where(s => s.ApiId is not null && s.Stage is not null).Select(s => new ApiGatewayUsagePlanStage
            {
                ApiId = s.ApiId!,
                Stage = s.Stage!,
                Throttle = (s.Throttle ?? new Dictionary<string, Agw.ThrottleSettings>())
                    .Where(t => Throttle(t.Value) is not null)
                    .ToDictionary(t => t.Key, t => Throttle(t.Value)!, StringComparer.Ordinal),
            }),
        ],
    };

    private static ApiGatewayThrottle? Throttle(Agw.ThrottleSettings? throttle) =>
        throttle is null || (throttle.RateLimit is null && throttle.BurstLimit is null)
            ? null
            : new ApiGatewayThrottle { RateLimit = throttle.RateLimit, BurstLimit = throttle.BurstLimit };
}
