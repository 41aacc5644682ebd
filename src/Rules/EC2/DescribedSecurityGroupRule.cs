using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>One rule of a group as DescribeSecurityGroupRules shows it at remediation time: its direction and its shape.</summary>
/// <param name="IsEgress">True for an outbound rule.</param>
/// <param name="Rule">The rule, with its sgr- id.</param>
public sealed record DescribedSecurityGroupRule(bool IsEgress, SecurityGroupRule Rule)
{
    /// <summary>The rule id (sgr-...).</summary>
    public string Id => Rule.RuleId ?? "";

    /// <summary>"ingress tcp/22 from 0.0.0.0/0", "egress all traffic to 0.0.0.0/0": the value recorded before and after.</summary>
    public string Text => $"{(IsEgress ? "egress" : "ingress")} {Rule.Describe()} {(IsEgress ? "to" : "from")} {Rule.Peer()}";
}
