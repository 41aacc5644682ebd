using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

/// <summary>Realistic API Gateway records for the rule tests (ids and ARNs in AWS's formats).</summary>
internal static class ApiGatewayFixtures
{
    public static ApiGatewayRestApi Api(string id, string type = "PRIVATE", string? policyJson = null) => new()
    {
        Id = id,
        Name = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:apigateway:{Region}::/restapis/{id}",
        EndpointTypes = [type],
        Policy = policyJson is null ? PolicyDocument.Empty : PolicyDocumentJsonConverter.Parse(policyJson),
    };

    public static ApiGatewayMethod Method(string id, string api = "a1b2c3d4e5", string path = "/pets", string httpMethod = "GET",
        string authorization = "AWS_IAM", bool? apiKey = true, string? integration = "AWS_PROXY") => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        RestApiId = api,
        ResourceId = "3kzxbg5sa2",
        ResourcePath = path,
        HttpMethod = httpMethod,
        AuthorizationType = authorization,
        ApiKeyRequired = apiKey,
        IntegrationType = integration,
        Arn = $"arn:aws:apigateway:{Region}::/restapis/{api}/resources/3kzxbg5sa2/methods/{httpMethod}",
    };

    public static ApiGatewayStage Stage(string id, string api = "a1b2c3d4e5", string name = "prod",
        IReadOnlyDictionary<string, ApiGatewayMethodSetting>? settings = null, string? accessLog = "", string? webAcl = "", bool? cacheCluster = false) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        RestApiId = api,
        StageName = name,
        DeploymentId = "rbh1fj",
        Arn = $"arn:aws:apigateway:{Region}::/restapis/{api}/stages/{name}",
        MethodSettings = settings ?? new Dictionary<string, ApiGatewayMethodSetting>(),
        AccessLogDestinationArn = accessLog,
        WebAclArn = webAcl,
        CacheClusterEnabled = cacheCluster,
    };

    public static ApiGatewayMethodSetting Setting(string level = "INFO", bool dataTrace = false, bool caching = false, bool encrypted = false) => new()
    {
        LoggingLevel = level,
        DataTraceEnabled = dataTrace,
        MetricsEnabled = true,
        CachingEnabled = caching,
        CacheDataEncrypted = encrypted,
    };

    public static ApiGatewayUsagePlan Plan(string id, double? rate, params (string Api, string Stage)[] stages) => new()
    {
        Id = id,
        Name = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:apigateway:{Region}::/usageplans/{id}",
        Throttle = rate is null ? null : new ApiGatewayThrottle { RateLimit = rate, BurstLimit = 200 },
        ApiStages = [.. stages.Select(s => new ApiGatewayUsagePlanStage { ApiId = s.Api, Stage = s.Stage })],
    };

    public static CollectionError PerApiError(string resourceType, string operation, string apiId) => new()
    {
        Service = "apigateway",
        Operation = operation,
        Region = Region,
        AccountId = Account,
        ResourceType = resourceType,
        ResourceId = apiId,
        ErrorCode = "AccessDeniedException",
        Message = "User is not authorized to perform: apigateway:GET",
    };
}
