using Compliance.Rules.Inventory;

namespace Compliance.Rules.ApiGateway;

/// <summary>Every REST API stage is associated with an AWS WAF (WAFv2) web ACL.</summary>
public sealed class StageWafAssociated : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ApiGatewayStage3,
        Title = "REST API stages are protected by an AWS WAF web ACL",
        Rationale = "A web ACL in front of the stage filters injection, known-bad inputs and floods before they reach the integration, and rate-limits abusive clients.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.ApiGatewayStage, ResourceTypes.WafWebAclAssociation],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "6.4.2", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "APIGateway.4", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "API_GW_ASSOCIATED_WITH_WAF", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var error in ApiGatewayFacts.PerApiFailures(context.Inventory, ResourceTypes.ApiGatewayStage))
        {
            yield return Descriptor.Error(ApiGatewayFacts.AllOf(ResourceTypes.ApiGatewayStage, error, context.Inventory),
                $"The stages of REST API {error.ResourceId} could not be read ({error.Operation}: {error.ErrorCode}), so their web ACL association is unknown.",
                new Dictionary<string, string> { ["operation"] = error.Operation, ["errorCode"] = error.ErrorCode });
        }

        foreach (var stage in context.Inventory.ApiGatewayStages)
        {
            var subject = char.ToUpperInvariant(stage.Label[0]) + stage.Label[1..];
            var evidence = new Dictionary<string, string> { ["webAclArn"] = stage.WebAclArn ?? "unknown" };
            yield return stage.WebAclArn switch
            {
                null => Descriptor.Error(stage.Ref, $"{subject}: its web ACL association is unknown.", evidence),
                "" => Descriptor.Fail(stage.Ref, $"{subject} has no AWS WAF web ACL, so requests reach it unfiltered.", evidence),
                var arn when AwsArn.Parse(arn)?.Service == "wafv2" => Descriptor.Pass(stage.Ref, $"{subject} is protected by the AWS WAF web ACL {arn}.", evidence),
                var arn => Descriptor.Fail(stage.Ref, $"{subject} uses {arn}, an AWS WAF Classic web ACL; WAF Classic support ended on 30 September 2025, so associate a WAFv2 web ACL.", evidence),
            };
        }
    }
}
