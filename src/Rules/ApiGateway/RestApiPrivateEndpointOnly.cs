using Compliance.Rules.Inventory;

namespace Compliance.Rules.ApiGateway;

/// <summary>REST APIs are PRIVATE and their resource policy admits only named VPC endpoints (or VPCs).</summary>
public sealed class RestApiPrivateEndpointOnly : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ApiGatewayRestApi1,
        Title = "REST APIs are private and invocable only through named VPC endpoints",
        Rationale = "A private endpoint keeps the API off the internet, and a resource policy pinned to aws:SourceVpce stops any other VPC endpoint, in any account, from reaching it.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.ApiGatewayRestApi],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "API_GW_ENDPOINT_TYPE_CHECK", MappingConfidence.Published),
        ],
        Parameters = [new("sourceConditionKeys", "aws:SourceVpce,aws:SourceVpc", "Condition keys that pin the caller's network: the policy must restrict execute-api:Invoke with one of them.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var keys = context.ListParameter("sourceConditionKeys");
        // An API whose own read failed has no record (a record with an unreadable policy reports itself below).
        foreach (var error in ApiGatewayFacts.PerApiFailures(context.Inventory, ResourceTypes.ApiGatewayRestApi)
                     .Where(e => !context.Inventory.ApiGatewayRestApis.Any(a => a.Id == e.ResourceId && a.Region == e.Region && (e.AccountId is null || a.AccountId == e.AccountId))))
        {
            yield return Descriptor.Error(new ResourceRef(ResourceTypes.ApiGatewayRestApi, error.ResourceId!, null, error.Region, error.AccountId ?? context.Inventory.AccountIds.FirstOrDefault() ?? "unknown"),
                $"REST API {error.ResourceId} could not be read ({error.Operation}: {error.ErrorCode}), so its endpoint type and resource policy are unknown.",
                new Dictionary<string, string> { ["operation"] = error.Operation, ["errorCode"] = error.ErrorCode });
        }

        foreach (var api in context.Inventory.ApiGatewayRestApis)
        {
            yield return Judge(api, keys);
        }
    }

    private Finding Judge(ApiGatewayRestApi api, IReadOnlyList<string> keys)
    {
        var evidence = new Dictionary<string, string>
        {
            ["endpointTypes"] = api.EndpointTypes is null ? "unknown" : string.Join(",", api.EndpointTypes),
            ["vpcEndpointIds"] = string.Join(",", api.VpcEndpointIds),
        };
        if (api.EndpointTypes is not { Count: > 0 } types)
        {
            return Descriptor.Error(api.Ref, $"{api.Label}: its endpoint type is unknown.", evidence);
        }

        if (types.Count != 1 || types[0] != "PRIVATE")
        {
            return Descriptor.Fail(api.Ref, $"{api.Label} has endpoint type {string.Join(",", types)}, so it is reachable from outside the VPCs, not only through VPC endpoints.", evidence);
        }

        if (api.Policy is null)
        {
            return Descriptor.Error(api.Ref, $"{api.Label} is private, but its resource policy could not be read.", evidence);
        }

        evidence["policyStatements"] = api.Policy.Statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (api.Policy.Statements.Count == 0)
        {
            return Descriptor.Fail(api.Ref, $"{api.Label} is private but has no resource policy naming the VPC endpoints that may invoke it.", evidence);
        }

        var verdict = PrivateApiPolicy.Judge(api, api.Policy, keys);
        evidence["invokeAllowStatements"] = verdict.Allows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!verdict.Restricted)
        {
            evidence["unrestrictedStatement"] = verdict.Offending!;
            return Descriptor.Fail(api.Ref,
                $"{api.Label} is private, but its resource policy statement {verdict.Offending} allows {PrivateApiPolicy.InvokeAction} without limiting the source to named {string.Join(" or ", keys)} values.",
                evidence);
        }

        return Descriptor.Pass(api.Ref, verdict.Allows == 0
            ? $"{api.Label} is private and its resource policy allows no invocation at all."
            : $"{api.Label} is private and its resource policy admits {PrivateApiPolicy.InvokeAction} only from named {string.Join(" or ", keys)} values.", evidence);
    }
}
