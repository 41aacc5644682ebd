using Compliance.Rules.Inventory;
using Compliance.Rules.KMS;

namespace Compliance.Rules.ApiGateway;

/// <summary>Access logging to a CloudWatch Logs log group encrypted with a customer managed KMS key.</summary>
public sealed class StageAccessLogsEncrypted : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ApiGatewayStage2,
        Title = "REST API stages send access logs to a customer-key encrypted log group",
        Rationale = "Access logs are the per-request record of who called what and when; in a log group under a customer managed key their readers are governed by the key policy.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.ApiGatewayStage, ResourceTypes.LogGroup],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks = [new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Proposed)],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var error in ApiGatewayFacts.PerApiFailures(context.Inventory, ResourceTypes.ApiGatewayStage))
        {
            yield return Descriptor.Error(ApiGatewayFacts.AllOf(ResourceTypes.ApiGatewayStage, error, context.Inventory),
                $"The stages of REST API {error.ResourceId} could not be read ({error.Operation}: {error.ErrorCode}), so their access logging is unknown.",
                new Dictionary<string, string> { ["operation"] = error.Operation, ["errorCode"] = error.ErrorCode });
        }

        foreach (var stage in context.Inventory.ApiGatewayStages)
        {
            yield return Judge(context, stage);
        }
    }

    private Finding Judge(RuleContext context, ApiGatewayStage stage)
    {
        var subject = char.ToUpperInvariant(stage.Label[0]) + stage.Label[1..];
        var evidence = new Dictionary<string, string> { ["destinationArn"] = stage.AccessLogDestinationArn ?? "unknown" };
        switch (stage.AccessLogDestinationArn)
        {
            case null:
                return Descriptor.Error(stage.Ref, $"{subject}: its access log settings are unknown.", evidence);
            case "":
                return Descriptor.Fail(stage.Ref, $"{subject} has access logging off, so no per-request record of callers is kept.", evidence);
        }

        var arn = AwsArn.Parse(stage.AccessLogDestinationArn);
        if (arn?.Service == "firehose")
        {
            return Descriptor.Error(stage.Ref, $"{subject} sends access logs to the Firehose stream {arn.Resource}, whose encryption this inventory cannot show; use a customer-key encrypted log group or verify the stream and suppress.", evidence);
        }

        var group = context.Index.LogGroup(stage.AccessLogDestinationArn, stage.AccountId, stage.Region);
        if (group is null)
        {
            return Descriptor.Error(stage.Ref, $"{subject} sends access logs to {stage.AccessLogDestinationArn}, which is not a log group in the inventory, so its encryption cannot be verified.", evidence);
        }

        evidence["logGroup"] = group.Id;
        evidence["kmsKeyId"] = group.KmsKeyId ?? "none";
        var target = $"{subject} sends access logs to log group {group.Id}, which";
        return CustomerKeyVerdict.Judge(Descriptor, stage.Ref, $"The access log group {group.Id} of {stage.Label}",
            context.Index.ResolveKey(group.KmsKeyId, group.Region, group.AccountId),
            () => Descriptor.Fail(stage.Ref, $"{target} has no KMS key and relies on CloudWatch Logs service-managed encryption only.", evidence),
            evidence);
    }
}
