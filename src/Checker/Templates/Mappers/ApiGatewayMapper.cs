using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// API Gateway REST APIs (version 1) with their methods, stages and usage plans, and the WAFv2 web ACL associations of
/// their stages. An API without EndpointConfiguration is EDGE and without Policy has none. Methods default to
/// authorization NONE and no API key; their path is built from the AWS::ApiGateway::Resource chain. A stage comes from
/// an AWS::ApiGateway::Stage or from a Deployment's StageName (with its StageDescription); absent settings take API
/// Gateway's defaults (no method settings, access logging off, no cache cluster) and a stage no WebACLAssociation names
/// has no web ACL. Methods an API defines in its OpenAPI Body are not read (a warning says so).
/// </summary>
public sealed class ApiGatewayMapper : IResourceMapper
{
    private const string ApiResourceType = "AWS::ApiGateway::Resource";
    private const string DeploymentType = "AWS::ApiGateway::Deployment";

    public IReadOnlyList<string> MappedTypes { get; } =
    [
        ResourceTypes.ApiGatewayRestApi, ApiResourceType, ResourceTypes.ApiGatewayMethod, ResourceTypes.ApiGatewayStage, DeploymentType,
        ResourceTypes.ApiGatewayUsagePlan, ResourceTypes.WafWebAclAssociation,
    ];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.ApiGatewayRestApi,
            Attributes = new Dictionary<string, string> { ["RestApiId"] = "{name}", ["RootResourceId"] = "{name}" + RootSuffix },
        },
        new() { Type = ApiResourceType, Attributes = new Dictionary<string, string> { ["ResourceId"] = "{name}" } },
        new() { Type = ResourceTypes.ApiGatewayStage, NameProperty = "StageName" },
        new() { Type = DeploymentType, Attributes = new Dictionary<string, string> { ["DeploymentId"] = "{name}" } },
        new() { Type = ResourceTypes.ApiGatewayUsagePlan, Attributes = new Dictionary<string, string> { ["Id"] = "{name}" } },
    ];

    /// <summary>What the root resource id of a template API ends with: "{api}.root".</summary>
    internal const string RootSuffix = ".root";

    public void Map(MappingContext context)
    {
        foreach (var api in context.Resources(ResourceTypes.ApiGatewayRestApi))
        {
            MapApi(context, api);
        }

        var paths = new ApiResourcePaths(context);
        foreach (var method in context.Resources(ResourceTypes.ApiGatewayMethod))
        {
            MapMethod(context, method, paths);
        }

        var webAcls = new StageWebAcls(context);
        foreach (var stage in context.Resources(ResourceTypes.ApiGatewayStage))
        {
            var p = stage.Properties;
            AddStage(context, stage, p.String("RestApiId"), p.String("StageName"), p.String("DeploymentId", absent: "") ?? "", p, p.Maps("MethodSettings"), null, webAcls);
        }

        foreach (var deployment in context.Resources(DeploymentType).Where(d => d.Properties.Has("StageName")))
        {
            var p = deployment.Properties;
            var description = p.Map("StageDescription");
            AddStage(context, deployment, p.String("RestApiId"), p.String("StageName"), deployment.RefText ?? "", description, description?.Maps("MethodSettings"), description, webAcls);
        }

        foreach (var plan in context.Resources(ResourceTypes.ApiGatewayUsagePlan))
        {
            MapUsagePlan(context, plan);
        }
    }

    /// <summary>The id of the API a RestApiId names: a declared API's id, else the id as written; null when unknown.</summary>
    internal static string? ApiId(MappingContext context, string? reference) =>
        context.Find(ResourceTypes.ApiGatewayRestApi, reference)?.Name ?? reference;

    private static void MapApi(MappingContext context, DeclaredResource api)
    {
        var p = api.Properties;
        var endpoint = p.Map("EndpointConfiguration");
        var types = endpoint is null ? null : endpoint.Has("Types") ? endpoint.Strings("Types") : ["EDGE"];
        if (p.Has("Body") || p.Has("BodyS3Location"))
        {
            context.Warn($"{api.Describe()}: the methods of REST API {api.LogicalId} defined in its OpenAPI {(p.Has("Body") ? "Body" : "BodyS3Location")} are not read; only AWS::ApiGateway::Method resources are judged.");
        }

        context.Add(new ApiGatewayRestApi
        {
            Id = api.Name, Region = api.Region, AccountId = api.AccountId, Tags = p.Tags(),
            Arn = $"arn:{api.Partition}:apigateway:{api.Region}::/restapis/{api.Name}",
            Name = p.String("Name", absent: "") ?? "",
            EndpointTypes = types,
            VpcEndpointIds = endpoint?.Strings("VpcEndpointIds") ?? [],
            Policy = p.Has("Policy") ? p.Policy("Policy", out _) : PolicyDocument.Empty,
        }, api);
    }

    private static void MapMethod(MappingContext context, DeclaredResource method, ApiResourcePaths paths)
    {
        var p = method.Properties;
        var apiId = ApiId(context, p.String("RestApiId"));
        var resourceId = p.String("ResourceId");
        if (apiId is null || resourceId is null || p.String("HttpMethod") is not { } verb)
        {
            context.NotJudged(method, "its REST API, resource or HTTP method cannot be decided");
            return;
        }

        var integration = p.Map("Integration");
        verb = verb.ToUpperInvariant();
        context.Add(new ApiGatewayMethod
        {
            Id = $"{apiId}/{resourceId}/{verb}", Region = method.Region, AccountId = method.AccountId,
            Arn = $"arn:{method.Partition}:apigateway:{method.Region}::/restapis/{apiId}/resources/{resourceId}/methods/{verb}",
            RestApiId = apiId,
            ResourceId = resourceId,
            ResourcePath = paths.PathOf(resourceId),
            HttpMethod = verb,
            AuthorizationType = p.String("AuthorizationType", absent: "NONE"),
            AuthorizerId = p.String("AuthorizerId", absent: "") ?? "",
            ApiKeyRequired = p.Bool("ApiKeyRequired", absent: false),
            IntegrationType = integration is null ? null : integration.Has("Type") ? integration.String("Type") : "",
        }, method);
    }

    /// <summary>
    /// Adds a stage declared <paramref name="at"/> a Stage or a Deployment. <paramref name="settings"/> holds AccessLogSetting,
    /// CacheClusterEnabled and Tags (the Stage's properties or the Deployment's StageDescription; null when unknown);
    /// <paramref name="stageWide"/> is a Deployment's StageDescription, whose LoggingLevel, DataTraceEnabled, ... apply to every method.
    /// </summary>
    private static void AddStage(MappingContext context, DeclaredResource at, string? apiRef, string? stageName, string deploymentId,
        Props? settings, IReadOnlyList<Props>? methodSettings, Props? stageWide, StageWebAcls webAcls)
    {
        var apiId = ApiId(context, apiRef);
        if (apiId is null || stageName is null)
        {
            context.NotJudged(at, "its REST API or stage name cannot be decided");
            return;
        }

        var accessLog = settings?.Map("AccessLogSetting");
        context.Add(new ApiGatewayStage
        {
            Id = $"{apiId}/{stageName}", Region = at.Region, AccountId = at.AccountId, Tags = settings?.Tags() ?? new Dictionary<string, string>(),
            Arn = $"arn:{at.Partition}:apigateway:{at.Region}::/restapis/{apiId}/stages/{stageName}",
            RestApiId = apiId,
            StageName = stageName,
            DeploymentId = deploymentId,
            MethodSettings = settings is null ? null : ApiGatewaySettings.Of(methodSettings, stageWide),
            AccessLogDestinationArn = accessLog is null ? null : accessLog.Has("DestinationArn") ? accessLog.String("DestinationArn") : "",
            WebAclArn = webAcls.Of(at, apiId, stageName),
            CacheClusterEnabled = settings?.Bool("CacheClusterEnabled", absent: false),
        }, at);
    }

    private static void MapUsagePlan(MappingContext context, DeclaredResource plan)
    {
        var p = plan.Properties;
        if (p.Maps("ApiStages") is not { } written)
        {
            context.NotJudged(plan, $"the API stages it applies to cannot be decided ({p.UnknownReason("ApiStages")})");
            return;
        }

        var stages = new List<ApiGatewayUsagePlanStage>();
        foreach (var s in written)
        {
            var apiId = ApiId(context, s.String("ApiId"));
            var throttles = ApiGatewaySettings.MethodThrottles(s);
            if (apiId is null || s.String("Stage") is not { } stage || throttles is null)
            {
                context.NotJudged(plan, "the API stages it applies to, or their throttles, cannot be decided");
                return;
            }

            stages.Add(new ApiGatewayUsagePlanStage { ApiId = apiId, Stage = stage, Throttle = throttles });
        }

        if (!ApiGatewaySettings.TryThrottle(p.Map("Throttle"), out var throttle))
        {
            context.NotJudged(plan, "its throttle cannot be decided");
            return;
        }

        context.Add(new ApiGatewayUsagePlan
        {
            Id = plan.Name, Region = plan.Region, AccountId = plan.AccountId, Tags = p.Tags(),
            Arn = $"arn:{plan.Partition}:apigateway:{plan.Region}::/usageplans/{plan.Name}",
            Name = p.String("UsagePlanName", absent: "") ?? "",
            Throttle = throttle,
            ApiStages = stages,
        }, plan);
    }
}
