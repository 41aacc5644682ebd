using Compliance.Rules.Inventory;

namespace Compliance.Rules.ApiGateway;

/// <summary>Every REST API method has an authorizer: IAM, a Cognito user pool or a Lambda authorizer.</summary>
public sealed class MethodAuthorizerRequired : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ApiGatewayMethod2,
        Title = "REST API methods require IAM, Cognito or Lambda authorization",
        Rationale = "A method with authorization NONE runs its integration for any caller who can reach the endpoint; an authorizer makes every request carry a verified identity.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.ApiGatewayMethod],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "8.3.1", MappingConfidence.Proposed),
        ],
        Parameters =
        [
            new("authorizationTypes", ApiGatewayFacts.DefaultAuthorizationTypes, "Authorization types that count as an authorizer."),
            new("exemptCorsPreflight", "true", "Judge OPTIONS methods with authorization NONE and a MOCK integration (CORS preflight) NOT_APPLICABLE."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var allowed = context.ListParameter("authorizationTypes");
        var exemptCors = bool.Parse(context.Parameter("exemptCorsPreflight"));
        foreach (var error in ApiGatewayFacts.PerApiFailures(context.Inventory, ResourceTypes.ApiGatewayMethod))
        {
            yield return Descriptor.Error(ApiGatewayFacts.AllOf(ResourceTypes.ApiGatewayMethod, error, context.Inventory),
                $"The methods of REST API {error.ResourceId} could not be read ({error.Operation}: {error.ErrorCode}), so their authorization is unknown.",
                new Dictionary<string, string> { ["operation"] = error.Operation, ["errorCode"] = error.ErrorCode });
        }

        foreach (var method in context.Inventory.ApiGatewayMethods)
        {
            yield return Judge(method, allowed, exemptCors);
        }
    }

    private Finding Judge(ApiGatewayMethod method, IReadOnlyList<string> allowed, bool exemptCors)
    {
        var subject = $"Method {method.Route} of REST API {method.RestApiId}";
        var evidence = new Dictionary<string, string>
        {
            ["httpMethod"] = method.HttpMethod,
            ["resourcePath"] = method.ResourcePath ?? "unknown",
            ["authorizationType"] = method.AuthorizationType ?? "unknown",
            ["authorizerId"] = method.AuthorizerId,
            ["integrationType"] = method.IntegrationType ?? "unknown",
        };
        if (method.AuthorizationType is null)
        {
            return Descriptor.Error(method.Ref, $"{subject}: its authorization type is unknown.", evidence);
        }

        if (allowed.Contains(method.AuthorizationType, StringComparer.Ordinal))
        {
            return Descriptor.Pass(method.Ref, $"{subject} requires {method.AuthorizationType} authorization.", evidence);
        }

        if (exemptCors)
        {
            switch (ApiGatewayFacts.IsCorsPreflight(method))
            {
                case true:
                    return Descriptor.NotApplicable(method.Ref, $"{subject} is a CORS preflight (OPTIONS with a MOCK integration), which browsers call without credentials.", evidence);
                case null:
                    return Descriptor.Error(method.Ref, $"{subject} has authorization NONE and its integration is unknown, so whether it is a CORS preflight cannot be told.", evidence);
            }
        }

        return Descriptor.Fail(method.Ref, $"{subject} has authorization type {method.AuthorizationType}, so any caller that reaches the API can invoke it.", evidence);
    }
}
