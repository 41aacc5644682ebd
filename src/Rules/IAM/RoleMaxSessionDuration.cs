using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>Role sessions last at most an hour.</summary>
public sealed class RoleMaxSessionDuration : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamRole1,
        Title = "IAM roles allow sessions of at most one hour",
        Rationale = "Temporary credentials that outlive the task are stolen credentials that keep working; a short maximum session bounds how long a leaked session stays useful.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.IamRole],
        Frameworks = [new(Frameworks.PciDss40, "8.2.8", MappingConfidence.Proposed)],
        Parameters = [new("maxSessionDurationSeconds", "3600", "The longest MaxSessionDuration accepted, in seconds (AWS allows 3600 to 43200).")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var limit = context.IntParameter("maxSessionDurationSeconds");
        foreach (var role in context.Inventory.IamRoles)
        {
            if (role.IsServiceLinked)
            {
                yield return Descriptor.NotApplicable(role.Ref, $"Role {role.DisplayName} is service-linked: AWS sets its session duration and it cannot be changed.");
                continue;
            }

            if (role.MaxSessionDuration is not { } seconds)
            {
                yield return Descriptor.Error(role.Ref, $"Role {role.DisplayName}: its maximum session duration is unknown.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["maxSessionDuration"] = IamFacts.Text(seconds), ["limit"] = IamFacts.Text(limit) };
            yield return seconds <= limit
                ? Descriptor.Pass(role.Ref, $"Role {role.DisplayName} allows sessions of at most {seconds} seconds.", evidence)
                : Descriptor.Fail(role.Ref, $"Role {role.DisplayName} allows sessions of {seconds} seconds, longer than {limit}.", evidence);
        }
    }
}
