namespace Compliance.Checker.Tests.Live;

/// <summary>
/// API Gateway (REST, 2015-07-09) answers shaped as the API reference's response syntax gives them (paged lists under
/// "item", dates as epoch seconds), for account 123456789012 in eu-west-1. The resource policy is escaped the way
/// GetRestApis returns it: a JSON string whose content is itself escaped once more ({\"Version\":...,\/*}).
/// </summary>
internal static class ApiGatewayResponses
{
    /// <summary>Answers GET requests for one path of the API Gateway endpoint with the replies in order.</summary>
    public static FakeAws Route(FakeAws aws, string path, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "apigateway" && r.Method == HttpMethod.Get && r.Path == path, replies);

    public const string Private = "a1b2c3d4e5";
    public const string Regional = "f9g8h7j6k5";
    public const string AccessLogGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/orders-access";
    public const string WebAcl = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

    public const string PrivateApi = """
        {"id":"a1b2c3d4e5","name":"orders","description":"Orders API","createdDate":1717430400,"apiKeySource":"HEADER",
         "endpointConfiguration":{"types":["PRIVATE"],"vpcEndpointIds":["vpce-0a1b2c3d4e5f60718"],"ipAddressType":"dualstack"},
         "policy":"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"execute-api:Invoke\\\",\\\"Resource\\\":\\\"arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5\\/*\\\",\\\"Condition\\\":{\\\"StringNotEquals\\\":{\\\"aws:SourceVpce\\\":\\\"vpce-0a1b2c3d4e5f60718\\\"}}},{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"execute-api:Invoke\\\",\\\"Resource\\\":\\\"arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5\\/*\\\"}]}",
         "tags":{"Name":"orders","Owner":"payments"},"disableExecuteApiEndpoint":false,"rootResourceId":"r00tid0001"}
        """;

    public const string RegionalApi = """
        {"id":"f9g8h7j6k5","name":"status","createdDate":1717430400,"apiKeySource":"HEADER",
         "endpointConfiguration":{"types":["REGIONAL"]},"disableExecuteApiEndpoint":false,"rootResourceId":"r00tid0002"}
        """;

    public static string Apis(string position = "", params string[] apis) => WithPosition($"{{\"item\":[{string.Join(",", apis)}]}}", position);

    /// <summary>A page with "position" set for the next one ("" for the last page).</summary>
    public static string WithPosition(string page, string position) =>
        position.Length == 0 ? page : page.TrimEnd()[..^1] + $",\"position\":\"{position}\"}}";

    public const string PrivateStages = """
        {"item":[
          {"deploymentId":"rbh1fj","stageName":"prod","cacheClusterEnabled":true,"cacheClusterSize":"0.5","cacheClusterStatus":"AVAILABLE",
           "methodSettings":{
             "*/*":{"metricsEnabled":true,"loggingLevel":"INFO","dataTraceEnabled":false,"throttlingBurstLimit":5000,"throttlingRateLimit":10000.0,
                    "cachingEnabled":true,"cacheTtlInSeconds":300,"cacheDataEncrypted":true,"requireAuthorizationForCacheControl":true,
                    "unauthorizedCacheControlHeaderStrategy":"SUCCEED_WITH_RESPONSE_HEADER"},
             "pets/GET":{"metricsEnabled":false,"loggingLevel":"ERROR","dataTraceEnabled":true,"throttlingBurstLimit":5000,"throttlingRateLimit":10000.0,
                    "cachingEnabled":false,"cacheTtlInSeconds":300,"cacheDataEncrypted":false,"requireAuthorizationForCacheControl":true,
                    "unauthorizedCacheControlHeaderStrategy":"SUCCEED_WITH_RESPONSE_HEADER"}},
           "accessLogSettings":{"format":"{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\"}","destinationArn":"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/orders-access"},
           "tracingEnabled":true,"webAclArn":"arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
           "createdDate":1717430400,"lastUpdatedDate":1717516800,"tags":{"Environment":"prod"}},
          {"deploymentId":"rbh1fj","stageName":"test","cacheClusterEnabled":false,"cacheClusterStatus":"NOT_AVAILABLE","tracingEnabled":false,
           "createdDate":1717430400,"lastUpdatedDate":1717430400}
        ]}
        """;

    public const string RegionalStages = """{"item":[{"deploymentId":"x7y8z9","stageName":"v1","cacheClusterEnabled":false,"methodSettings":{},"tracingEnabled":false,"createdDate":1717430400}]}""";

    /// <summary>GetResources?embed=methods: the root without methods, /pets with an IAM GET and a CORS OPTIONS.</summary>
    public const string PrivateResources = """
        {"item":[
          {"id":"r00tid0001","path":"/"},
          {"id":"3kzxbg5sa2","parentId":"r00tid0001","pathPart":"pets","path":"/pets","resourceMethods":{
            "GET":{"httpMethod":"GET","authorizationType":"AWS_IAM","apiKeyRequired":true,"requestParameters":{},
                   "methodResponses":{"200":{"statusCode":"200","responseModels":{"application/json":"Empty"}}},
                   "methodIntegration":{"type":"AWS_PROXY","httpMethod":"POST","passthroughBehavior":"WHEN_NO_MATCH","timeoutInMillis":29000,
                     "uri":"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:pets/invocations",
                     "cacheNamespace":"3kzxbg5sa2","cacheKeyParameters":[]}},
            "OPTIONS":{"httpMethod":"OPTIONS","authorizationType":"NONE","apiKeyRequired":false,
                   "methodResponses":{"200":{"statusCode":"200","responseParameters":{"method.response.header.Access-Control-Allow-Origin":false}}},
                   "methodIntegration":{"type":"MOCK","requestTemplates":{"application/json":"{\"statusCode\": 200}"},"passthroughBehavior":"WHEN_NO_MATCH",
                     "timeoutInMillis":29000,"cacheNamespace":"3kzxbg5sa2","cacheKeyParameters":[]}}}}
        ]}
        """;

    public const string PrivateResourcesPageTwo = """
        {"item":[{"id":"7hq2mz","parentId":"3kzxbg5sa2","pathPart":"{petId}","path":"/pets/{petId}","resourceMethods":{
          "DELETE":{"httpMethod":"DELETE","authorizationType":"COGNITO_USER_POOLS","authorizerId":"4jwb8b","apiKeyRequired":false,
                    "authorizationScopes":["pets/write"],"methodIntegration":{"type":"HTTP","httpMethod":"DELETE","uri":"https://backend.example.com/pets/{petId}"}}}}]}
        """;

    public const string RegionalResources = """
        {"item":[{"id":"r00tid0002","path":"/","resourceMethods":{
          "GET":{"httpMethod":"GET","authorizationType":"NONE","apiKeyRequired":false,"methodIntegration":{"type":"HTTP_PROXY","httpMethod":"GET","uri":"https://status.example.com/"}}}}]}
        """;

    public const string UsagePlans = """
        {"item":[
          {"id":"9c4f2e","name":"partners","description":"Partner access",
           "apiStages":[{"apiId":"a1b2c3d4e5","stage":"prod","throttle":{"/pets/GET":{"burstLimit":40,"rateLimit":20.0}}},{"apiId":"a1b2c3d4e5","stage":"test"}],
           "throttle":{"burstLimit":200,"rateLimit":100.0},"quota":{"limit":10000,"offset":0,"period":"DAY"},"tags":{"team":"payments"}}
        ]}
        """;

    public const string UsagePlansPageTwo = """{"item":[{"id":"7h3k1m","name":"internal","apiStages":[{"apiId":"f9g8h7j6k5","stage":"v1"}]}]}""";
}
