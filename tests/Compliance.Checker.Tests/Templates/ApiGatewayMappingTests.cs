using Compliance.Rules;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>API Gateway REST APIs, resources, methods, stages (Stage and Deployment.StageName), usage plans and WAF associations.</summary>
public sealed class ApiGatewayMappingTests
{
    /// <summary>The shape `cdk synth` writes for a RestApi with deployOptions, one resource, a method and a usage plan.</summary>
    private const string CdkApi = """
        Resources:
          OrdersApi:
            Type: AWS::ApiGateway::RestApi
            Properties: { Name: orders }
          OrdersApiitems:
            Type: AWS::ApiGateway::Resource
            Properties:
              ParentId: { "Fn::GetAtt": [OrdersApi, RootResourceId] }
              PathPart: items
              RestApiId: { Ref: OrdersApi }
          OrdersApiitemsid:
            Type: AWS::ApiGateway::Resource
            Properties:
              ParentId: { Ref: OrdersApiitems }
              PathPart: "{id}"
              RestApiId: { Ref: OrdersApi }
          OrdersApiitemsidGET:
            Type: AWS::ApiGateway::Method
            Properties:
              AuthorizationType: COGNITO_USER_POOLS
              AuthorizerId: { Ref: OrdersAuthorizer }
              ApiKeyRequired: true
              HttpMethod: GET
              Integration: { Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: arn:aws:apigateway:us-east-1:lambda:path/functions/x/invocations }
              ResourceId: { Ref: OrdersApiitemsid }
              RestApiId: { Ref: OrdersApi }
          OrdersApiOPTIONS:
            Type: AWS::ApiGateway::Method
            Properties:
              AuthorizationType: NONE
              HttpMethod: OPTIONS
              Integration: { Type: MOCK }
              ResourceId: { "Fn::GetAtt": [OrdersApi, RootResourceId] }
              RestApiId: { Ref: OrdersApi }
          OrdersAuthorizer:
            Type: AWS::ApiGateway::Authorizer
            Properties: { Name: users, RestApiId: { Ref: OrdersApi }, Type: COGNITO_USER_POOLS, IdentitySource: method.request.header.Authorization }
          OrdersApiDeployment:
            Type: AWS::ApiGateway::Deployment
            Properties: { RestApiId: { Ref: OrdersApi }, Description: Automatically created by the RestApi construct }
            DependsOn: [OrdersApiitemsidGET, OrdersApiOPTIONS]
          OrdersApiDeploymentStageprod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: { Ref: OrdersApi }
              DeploymentId: { Ref: OrdersApiDeployment }
              StageName: prod
              MethodSettings:
                - { DataTraceEnabled: false, HttpMethod: "*", LoggingLevel: INFO, ResourcePath: "/*" }
                - { HttpMethod: GET, ResourcePath: "/~1items~1{id}", CachingEnabled: true, CacheDataEncrypted: true }
              CacheClusterEnabled: true
              CacheClusterSize: "0.5"
          OrdersPlan:
            Type: AWS::ApiGateway::UsagePlan
            Properties:
              ApiStages:
                - ApiId: { Ref: OrdersApi }
                  Stage: { Ref: OrdersApiDeploymentStageprod }
                  Throttle: { "/items/{id}/GET": { RateLimit: 10, BurstLimit: 20 } }
              UsagePlanName: orders

        """;

    [Fact]
    public void Methods_get_their_path_from_the_resource_chain_and_their_authorization_and_integration()
    {
        var template = Load(CdkApi);

        var api = Assert.Single(template.Inventory.ApiGatewayRestApis);
        Assert.Equal(("OrdersApi", "orders", "arn:aws:apigateway:us-east-1::/restapis/OrdersApi"), (api.Id, api.Name, api.Arn));
        Assert.Equal(["EDGE"], api.EndpointTypes);
        Assert.Same(PolicyDocument.Empty, api.Policy);

        var methods = template.Inventory.ApiGatewayMethods.ToDictionary(m => m.Route);
        Assert.Equal(["GET /items/{id}", "OPTIONS /"], methods.Keys.Order(StringComparer.Ordinal));
        var get = methods["GET /items/{id}"];
        Assert.Equal(("OrdersApi/OrdersApiitemsid/GET", "COGNITO_USER_POOLS", "OrdersAuthorizer", true, "AWS_PROXY"),
            (get.Id, get.AuthorizationType, get.AuthorizerId, get.ApiKeyRequired!.Value, get.IntegrationType));
        Assert.Equal(("OrdersApi.root", false, "MOCK"), (methods["OPTIONS /"].ResourceId, methods["OPTIONS /"].ApiKeyRequired!.Value, methods["OPTIONS /"].IntegrationType));
    }

    [Fact]
    public void A_stage_keys_its_method_settings_as_api_gateway_does_and_a_usage_plan_binds_it_with_method_throttles()
    {
        var template = Load(CdkApi);

        var stage = Assert.Single(template.Inventory.ApiGatewayStages);
        Assert.Equal(("OrdersApi/prod", "OrdersApi", "prod", "OrdersApiDeployment", "", ""),
            (stage.Id, stage.RestApiId, stage.StageName, stage.DeploymentId, stage.AccessLogDestinationArn, stage.WebAclArn));
        Assert.Equal(["*/*", "items/{id}/GET"], stage.MethodSettings!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("INFO", false, false), (stage.MethodSettings["*/*"].LoggingLevel, stage.MethodSettings["*/*"].DataTraceEnabled, stage.MethodSettings["*/*"].CachingEnabled));
        // The override does not write its logging level, and the stage sets INFO: whether the override inherits it is unknown.
        var get = stage.MethodSettings["items/{id}/GET"];
        Assert.Equal((null, false, true, true), (get.LoggingLevel, get.DataTraceEnabled, get.CachingEnabled, get.CacheDataEncrypted));

        var plan = Assert.Single(template.Inventory.ApiGatewayUsagePlans);
        Assert.Null(plan.Throttle);
        var bound = Assert.Single(plan.ApiStages);
        Assert.Equal(("OrdersApi", "prod", 10.0), (bound.ApiId, bound.Stage, bound.Throttle["/items/{id}/GET"].RateLimit!.Value));

        var findings = Scan(template);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ApiGatewayMethod1, "OrdersApi/OrdersApiitemsid/GET"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ApiGatewayMethod2, "OrdersApi/OrdersApiitemsid/GET"));
        Assert.Equal(ComplianceStatus.NotApplicable, Status(findings, RuleIds.ApiGatewayMethod2, "OrdersApi/OrdersApi.root/OPTIONS"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.ApiGatewayStage1, "OrdersApi/prod"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.ApiGatewayStage2, "OrdersApi/prod"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.ApiGatewayStage3, "OrdersApi/prod"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ApiGatewayStage4, "OrdersApi/prod"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.ApiGatewayRestApi1, "OrdersApi"));
    }

    [Fact]
    public void A_deployment_with_a_stage_name_creates_the_stage_from_its_stage_description()
    {
        var template = Load("""
            Resources:
              Key: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true } }
              AccessLogs:
                Type: AWS::Logs::LogGroup
                Properties: { LogGroupName: /api/access, KmsKeyId: !GetAtt Key.Arn }
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: { Name: pets, EndpointConfiguration: { Types: [REGIONAL] } }
              Deployment:
                Type: AWS::ApiGateway::Deployment
                Properties:
                  RestApiId: !Ref Api
                  StageName: v1
                  StageDescription:
                    LoggingLevel: ERROR
                    CacheClusterEnabled: true
                    CachingEnabled: true
                    AccessLogSetting: { DestinationArn: !GetAtt AccessLogs.Arn, Format: $context.requestId }
              Acl:
                Type: AWS::WAFv2::WebACLAssociation
                Properties:
                  ResourceArn: !Join ["", ["arn:", !Ref AWS::Partition, ":apigateway:", !Ref AWS::Region, "::/restapis/", !Ref Api, "/stages/v1"]]
                  WebACLArn: !GetAtt WebAcl.Arn
              WebAcl:
                Type: AWS::WAFv2::WebACL
                Properties: { Name: pets, Scope: REGIONAL, DefaultAction: { Allow: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: pets } }
            """);

        var stage = Assert.Single(template.Inventory.ApiGatewayStages);
        Assert.Equal(("Api/v1", "Deployment", true), (stage.Id, stage.DeploymentId, stage.CacheClusterEnabled!.Value));
        var all = Assert.Single(stage.MethodSettings!).Value;
        Assert.Equal(("ERROR", true, false), (all.LoggingLevel, all.CachingEnabled, all.CacheDataEncrypted));
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/api/access:*", stage.AccessLogDestinationArn);
        Assert.StartsWith("arn:aws:wafv2:us-east-1:123456789012:", stage.WebAclArn, StringComparison.Ordinal);

        var findings = Scan(template);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ApiGatewayStage1, "Api/v1"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ApiGatewayStage2, "Api/v1"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ApiGatewayStage3, "Api/v1"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.ApiGatewayStage4, "Api/v1"));
        Assert.Equal("Deployment", Assert.Single(findings, f => f.RuleId == RuleIds.ApiGatewayStage4).Location!.LogicalId);
    }

    [Fact]
    public void A_private_api_keeps_its_policy_and_an_undecidable_waf_association_leaves_stages_unknown()
    {
        var template = Load("""
            Parameters:
              ProtectedArn: { Type: String }
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: internal
                  EndpointConfiguration: { Types: [PRIVATE], VpcEndpointIds: [vpce-0123456789abcdef0] }
                  Policy:
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: execute-api:Invoke
                        Resource: execute-api:/*
                        Condition: { StringEquals: { aws:SourceVpce: vpce-0123456789abcdef0 } }
              Stage:
                Type: AWS::ApiGateway::Stage
                Properties: { RestApiId: !Ref Api, StageName: live, DeploymentId: abc123 }
              Acl:
                Type: AWS::WAFv2::WebACLAssociation
                Properties: { ResourceArn: !Ref ProtectedArn, WebACLArn: arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/1111 }
            """);

        var api = Assert.Single(template.Inventory.ApiGatewayRestApis);
        Assert.Equal(["PRIVATE"], api.EndpointTypes);
        Assert.Equal(["vpce-0123456789abcdef0"], api.VpcEndpointIds);
        Assert.Single(api.Policy!.Statements);
        Assert.Null(Assert.Single(template.Inventory.ApiGatewayStages).WebAclArn);
        var findings = Scan(template);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ApiGatewayRestApi1, "Api"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.ApiGatewayStage3, "Api/live"));
        Assert.Contains(template.Warnings, w => w.Contains("Acl is not judged: the resource it protects cannot be decided", StringComparison.Ordinal));
    }

    [Fact]
    public void A_method_without_authorization_or_api_key_fails_both_method_rules()
    {
        var template = Load("""
            Resources:
              Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: open } }
              Post:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: post
                  Integration: { Type: HTTP_PROXY, IntegrationHttpMethod: POST, Uri: https://example.com }
            """);

        var method = Assert.Single(template.Inventory.ApiGatewayMethods);
        Assert.Equal(("POST /", "NONE", false), (method.Route, method.AuthorizationType, method.ApiKeyRequired!.Value));
        var findings = Scan(template);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.ApiGatewayMethod1, "Api/Api.root/POST"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.ApiGatewayMethod2, "Api/Api.root/POST"));
    }
}
