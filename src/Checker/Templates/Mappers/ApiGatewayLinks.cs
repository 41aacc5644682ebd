using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// The path of each API resource, built from the AWS::ApiGateway::Resource chain (PathPart under ParentId) down to an
/// API's root resource ("/", what RootResourceId returns). Null when a link of the chain is not declared or not known.
/// </summary>
internal sealed class ApiResourcePaths(MappingContext context)
{
    private const string ApiResourceType = "AWS::ApiGateway::Resource";

    private readonly HashSet<string> _roots = context.Resources(ResourceTypes.ApiGatewayRestApi)
        .Select(a => a.Attribute("RootResourceId")).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private readonly Dictionary<string, string?> _paths = new(StringComparer.Ordinal);

    public string? PathOf(string resourceId) => PathOf(resourceId, depth: 0);

    private string? PathOf(string resourceId, int depth)
    {
        if (_roots.Contains(resourceId))
        {
            return "/";
        }

        if (_paths.TryGetValue(resourceId, out var known))
        {
            return known;
        }

        string? path = null;
        if (depth < 64 && context.Find(ApiResourceType, resourceId) is { } resource
            && resource.Properties.String("ParentId") is { } parent && resource.Properties.String("PathPart") is { } part
            && PathOf(parent, depth + 1) is { } parentPath)
        {
            path = parentPath == "/" ? "/" + part : $"{parentPath}/{part}";
        }

        return _paths[resourceId] = path;
    }
}

/// <summary>
/// The web ACL of each stage, from AWS::WAFv2::WebACLAssociation resources whose ResourceArn is a stage ARN
/// (arn:partition:apigateway:region::/restapis/api/stages/stage). A stage no association names has none (""), unless an
/// association of its account and Region names a resource the template cannot decide (then unknown, null).
/// </summary>
internal sealed class StageWebAcls
{
    private readonly Dictionary<(string Region, string Api, string Stage), string?> _byStage = [];
    private readonly HashSet<(string Account, string Region)> _undecided = [];

    public StageWebAcls(MappingContext context)
    {
        foreach (var association in context.Resources(ResourceTypes.WafWebAclAssociation))
        {
            var p = association.Properties;
            if (p.String("ResourceArn") is not { } arn)
            {
                _undecided.Add((association.AccountId, association.Region));
                context.NotJudged(association, $"the resource it protects cannot be decided ({p.UnknownReason("ResourceArn")}), so the web ACLs of the API stages in {association.Region} are unknown");
                continue;
            }

            if (AwsArn.Parse(arn) is { Service: "apigateway" } parsed && parsed.Resource.Split('/') is ["", "restapis", var api, "stages", var stage])
            {
                _byStage[(parsed.Region, api, stage)] = p.String("WebACLArn");
            }
        }
    }

    /// <summary>The web ACL ARN of a stage; "" when none; null when unknown.</summary>
    public string? Of(DeclaredResource stage, string apiId, string stageName) =>
        _byStage.TryGetValue((stage.Region, apiId, stageName), out var webAcl) ? webAcl
        : _undecided.Contains((stage.AccountId, stage.Region)) ? null
        : "";
}
