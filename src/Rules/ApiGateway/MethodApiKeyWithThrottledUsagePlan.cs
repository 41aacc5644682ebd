using Compliance.Rules.Inventory;

namespace Compliance.Rules.ApiGateway;

/// <summary>Every REST API method requires an API key, and every stage serving it is in a usage plan that throttles it.</summary>
public sealed class MethodApiKeyWithThrottledUsagePlan : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ApiGatewayMethod1,
        Title = "REST API methods require an API key and are throttled by a usage plan",
        Rationale = "API keys identify the calling client (they do not authenticate it); bound to a throttled usage plan they let one noisy or leaked client be rate-limited or cut off without touching the others.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.ApiGatewayMethod, ResourceTypes.ApiGatewayUsagePlan, ResourceTypes.ApiGatewayStage],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks = [new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed)],
        Parameters = [new("exemptCorsPreflight", "true", "Judge OPTIONS methods with authorization NONE, no API key and a MOCK integration (CORS preflight) NOT_APPLICABLE.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var exemptCors = bool.Parse(context.Parameter("exemptCorsPreflight"));
        foreach (var error in ApiGatewayFacts.PerApiFailures(context.Inventory, ResourceTypes.ApiGatewayMethod))
        {
            yield return Descriptor.Error(ApiGatewayFacts.AllOf(ResourceTypes.ApiGatewayMethod, error, context.Inventory),
                $"The methods of REST API {error.ResourceId} could not be read ({error.Operation}: {error.ErrorCode}), so whether they require API keys is unknown.",
                new Dictionary<string, string> { ["operation"] = error.Operation, ["errorCode"] = error.ErrorCode });
        }

        foreach (var method in context.Inventory.ApiGatewayMethods)
        {
            yield return Judge(context.Inventory, method, exemptCors);
        }
    }

    private Finding Judge(AwsInventory inventory, ApiGatewayMethod method, bool exemptCors)
    {
        var subject = $"Method {method.Route} of REST API {method.RestApiId}";
        var evidence = new Dictionary<string, string>
        {
            ["httpMethod"] = method.HttpMethod,
            ["resourcePath"] = method.ResourcePath ?? "unknown",
            ["apiKeyRequired"] = ApiGatewayFacts.Text(method.ApiKeyRequired),
        };
        switch (method.ApiKeyRequired)
        {
            case null:
                return Descriptor.Error(method.Ref, $"{subject}: whether it requires an API key is unknown.", evidence);
            case false when exemptCors && ApiGatewayFacts.IsCorsPreflight(method) == true:
                return Descriptor.NotApplicable(method.Ref, $"{subject} is a CORS preflight (OPTIONS with a MOCK integration), which browsers send without an API key.", evidence);
            case false:
                return Descriptor.Fail(method.Ref, $"{subject} does not require an API key, so calls to it are not tied to any client or usage plan.", evidence);
        }

        if (ApiGatewayFacts.Failure(inventory, ResourceTypes.ApiGatewayStage, method.AccountId, method.Region, method.RestApiId) is { } stagesFailed)
        {
            return Descriptor.Error(method.Ref, $"{subject} requires an API key, but the API's stages could not be read ({stagesFailed.Operation}: {stagesFailed.ErrorCode}).", evidence);
        }

        var stages = ApiGatewayFacts.StagesOf(inventory, method.AccountId, method.Region, method.RestApiId);
        evidence["stages"] = string.Join(",", stages.Select(s => s.StageName));
        if (stages.Count == 0)
        {
            return Descriptor.Pass(method.Ref, $"{subject} requires an API key; the API is deployed to no stage, so no usage plan applies yet.", evidence);
        }

        if (ApiGatewayFacts.Failure(inventory, ResourceTypes.ApiGatewayUsagePlan, method.AccountId, method.Region, null) is { } plansFailed)
        {
            return Descriptor.Error(method.Ref, $"{subject} requires an API key, but the usage plans of {method.Region} could not be read ({plansFailed.Operation}: {plansFailed.ErrorCode}).", evidence);
        }

        var plans = inventory.ApiGatewayUsagePlans.Where(p => p.AccountId == method.AccountId && p.Region == method.Region).ToList();
        var throttledBy = new List<string>();
        foreach (var stage in stages)
        {
            var bindings = plans.SelectMany(p => p.ApiStages.Where(s => s.ApiId == method.RestApiId && s.Stage == stage.StageName).Select(s => (Plan: p, Stage: s))).ToList();
            if (bindings.Count == 0)
            {
                evidence["unboundStage"] = stage.StageName;
                return Descriptor.Fail(method.Ref, $"{subject} requires an API key, but stage {stage.StageName} is in no usage plan, so no key is accepted and no throttle applies there.", evidence);
            }

            var throttle = bindings.FirstOrDefault(b => Throttles(b.Plan, b.Stage, method));
            if (throttle.Plan is null)
            {
                evidence["usagePlans"] = string.Join(",", bindings.Select(b => b.Plan.Id));
                evidence["unthrottledStage"] = stage.StageName;
                return Descriptor.Fail(method.Ref,
                    $"{subject} requires an API key, but no usage plan on stage {stage.StageName} ({string.Join(", ", bindings.Select(b => b.Plan.Id))}) sets a rate limit for it.", evidence);
            }

            throttledBy.Add($"{stage.StageName}:{throttle.Plan.Id}");
        }

        evidence["throttledBy"] = string.Join(",", throttledBy);
        return Descriptor.Pass(method.Ref, $"{subject} requires an API key and is rate-limited by a usage plan on every stage ({string.Join(", ", throttledBy)}).", evidence);
    }

    /// <summary>The plan-wide throttle, or the plan's per-method throttle for this method on this stage.</summary>
    private static bool Throttles(ApiGatewayUsagePlan plan, ApiGatewayUsagePlanStage stage, ApiGatewayMethod method) =>
        plan.Throttle?.Limits == true
        || stage.Throttle.Any(t => t.Value.Limits && ApiGatewayFacts.Names(t.Key, method));
}
