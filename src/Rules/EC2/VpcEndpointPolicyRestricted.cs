using System.Globalization;
using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.EC2;

/// <summary>VPC endpoint policies grant nothing to an unrestricted public principal.</summary>
public sealed class VpcEndpointPolicyRestricted : IComplianceRule
{
    /// <summary>
    /// Condition keys that every request through the endpoint satisfies by construction (they name the VPC or
    /// the endpoint itself), so they do not restrict who may use it.
    /// </summary>
    private static readonly HashSet<string> EndpointLocalKeys = new(StringComparer.OrdinalIgnoreCase) { "aws:SourceVpc", "aws:SourceVpce" };

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2VpcEndpoint1,
        Title = "VPC endpoint policies allow only principals of known organizations or accounts",
        Rationale = "The default endpoint policy lets any principal, including credentials from other accounts, reach the service "
            + "through the endpoint; pinning it to the organization or account closes that path for data exfiltration.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.VpcEndpoint],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var endpoint in context.Inventory.VpcEndpoints)
        {
            var evidence = new Dictionary<string, string>
            {
                ["vpcEndpointId"] = endpoint.Id,
                ["vpcId"] = endpoint.VpcId,
                ["serviceName"] = endpoint.ServiceName,
                ["vpcEndpointType"] = endpoint.VpcEndpointType,
            };
            var name = $"VPC endpoint {endpoint.DisplayName} ({endpoint.ServiceName})";

            if (endpoint.VpcEndpointType is not ("Gateway" or "Interface"))
            {
                yield return Descriptor.NotApplicable(endpoint.Ref, $"{name} is a {endpoint.VpcEndpointType} endpoint, which takes no endpoint policy.", evidence);
                continue;
            }

            if (endpoint.ServiceName.StartsWith("com.amazonaws.vpce.", StringComparison.Ordinal))
            {
                yield return Descriptor.NotApplicable(endpoint.Ref,
                    $"{name} connects to an endpoint service that is not an AWS service, where AWS always allows full access and no endpoint policy can be set.", evidence);
                continue;
            }

            if (endpoint.PolicyDocument is null)
            {
                yield return Descriptor.Error(endpoint.Ref, $"{name}: its endpoint policy could not be read.", evidence);
                continue;
            }

            var statements = endpoint.PolicyDocument.Statements;
            var offending = statements
                .Select((statement, i) => (statement, label: statement.Sid is { Length: > 0 } sid ? $"'{sid}'" : $"#{(i + 1).ToString(CultureInfo.InvariantCulture)}"))
                .Where(s => IsUnrestrictedPublicAllow(s.statement))
                .ToList();

            if (offending.Count == 0)
            {
                evidence["statementCount"] = statements.Count.ToString(CultureInfo.InvariantCulture);
                yield return Descriptor.Pass(endpoint.Ref,
                    $"{name} has an endpoint policy whose every Allow to a public principal is restricted by an organization, account, principal or resource condition.",
                    evidence);
                continue;
            }

            var (first, label) = offending[0];
            evidence["offendingStatements"] = string.Join(",", offending.Select(o => o.label));
            evidence["principal"] = first.NotPrincipal is not null ? "NotPrincipal" : "*";
            evidence["actions"] = first.NotActions.Count > 0 ? "NotAction " + string.Join(",", first.NotActions) : NetworkRuleSupport.Join(first.Actions);
            evidence["resources"] = first.NotResources.Count > 0 ? "NotResource " + string.Join(",", first.NotResources) : first.Resources.Count == 0 ? "*" : string.Join(",", first.Resources);
            evidence["conditionKeys"] = NetworkRuleSupport.Join(first.Conditions.Select(c => c.Key).Distinct(StringComparer.OrdinalIgnoreCase));

            yield return Descriptor.Fail(endpoint.Ref,
                $"{name} policy statement {label} allows any principal to perform {evidence["actions"]} on {evidence["resources"]} "
                + "with no condition restricting the caller's organization, account or principal.",
                evidence);
        }
    }

    /// <summary>An Allow to everyone that no identity- or resource-restricting condition narrows.</summary>
    private static bool IsUnrestrictedPublicAllow(PolicyStatement statement)
    {
        if (!statement.IsAllow || !statement.HasPublicPrincipal())
        {
            return false;
        }

        var meaningful = statement with { Conditions = statement.Conditions.Where(c => !EndpointLocalKeys.Contains(c.Key)).ToList() };
        return !meaningful.IsRestrictedByCondition();
    }
}
