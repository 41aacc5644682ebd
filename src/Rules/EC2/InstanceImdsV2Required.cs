using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Instances accept only session-token (IMDSv2) requests to the instance metadata service.</summary>
public sealed class InstanceImdsV2Required : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Instance1,
        Title = "Instances require IMDSv2 session tokens for instance metadata",
        Rationale = "IMDSv1 answers any plain GET, so a server-side request forgery in an application can read the instance role's credentials; IMDSv2's session token blocks that path.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Instance],
        Frameworks =
        [
            new(Frameworks.PciDss40, "2.2.6", MappingConfidence.Published),
            new(Frameworks.CisAws30, "5.6", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.8", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "EC2_IMDSV2_CHECK", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var instance in context.Inventory.Instances.Where(i => !InstanceStates.IsTerminated(i)))
        {
            if (instance.MetadataOptions is not { } options)
            {
                yield return Descriptor.Error(instance.Ref, $"Instance {instance.DisplayName}: its instance metadata options could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["httpTokens"] = options.HttpTokens,
                ["httpEndpoint"] = options.HttpEndpoint,
                ["state"] = instance.State,
            };

            if (string.Equals(options.HttpEndpoint, "disabled", StringComparison.OrdinalIgnoreCase))
            {
                yield return Descriptor.Pass(instance.Ref, $"Instance {instance.DisplayName} has the instance metadata service disabled (HttpEndpoint disabled), so IMDSv1 is unreachable.", evidence);
            }
            else if (string.Equals(options.HttpTokens, "required", StringComparison.OrdinalIgnoreCase))
            {
                yield return Descriptor.Pass(instance.Ref, $"Instance {instance.DisplayName} requires IMDSv2 session tokens (HttpTokens required).", evidence);
            }
            else
            {
                yield return Descriptor.Fail(instance.Ref, $"Instance {instance.DisplayName} accepts IMDSv1 requests (HttpTokens {options.HttpTokens}) with the metadata endpoint enabled.", evidence);
            }
        }
    }
}
