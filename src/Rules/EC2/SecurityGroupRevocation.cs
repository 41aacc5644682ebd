using Compliance.Rules.Network;
using static Compliance.Rules.EC2.SecurityGroupRuleActions;

namespace Compliance.Rules.EC2;

/// <summary>
/// Carries out a security-group revocation plan through the gateway: describe the group's rules, revoke exactly the
/// planned rule ids that still exist, describe again, and succeed only when every planned id is gone and every other
/// rule of the group is still there. A planned rule that has changed since the scan stops the whole plan: nothing is
/// revoked. A planned id that no longer exists is "already absent", so a second run changes nothing.
/// </summary>
internal static class SecurityGroupRevocation
{
    /// <summary>
    /// For plans that revoke internet ingress to <paramref name="ports"/> (the rule's own port list): a planned rule that
    /// no longer admits the internet, or no longer opens any of those ports, was changed in place since the scan
    /// (ModifySecurityGroupRules keeps the id), and revoking it would remove a rule nobody judged.
    /// </summary>
    public static Func<DescribedSecurityGroupRule, string?> StillOpenToInternet(IReadOnlyList<int> ports) => now =>
        now.Rule.InternetSource() is not { } source ? $"now admits {now.Rule.Describe()} from {now.Rule.Peer()}, not the internet"
        : !ports.Any(now.Rule.OpensPort) ? $"now admits {now.Rule.Describe()} from {source}, which opens none of the ports {string.Join(", ", ports)}"
        : null;

    /// <param name="plan">A plan from <see cref="SecurityGroupRevocationPlans.Revoke"/>.</param>
    /// <param name="gateway">Performs the EC2 calls.</param>
    /// <param name="changedSinceScan">Says why a planned rule, as it is now, must not be revoked after all; null when any planned rule may go.</param>
    /// <param name="cancellationToken">Stops the calls.</param>
    public static async Task<RemediationOutcome> ApplyAsync(
        RemediationPlan plan, IRemediationGateway gateway, Func<DescribedSecurityGroupRule, string?>? changedSinceScan, CancellationToken cancellationToken)
    {
        var revokes = plan.Actions.Where(a => a.Action is RevokeIngress or RevokeEgress).ToList();
        if (revokes.Count == 0)
        {
            throw new ArgumentException($"The plan for {plan.Resource.Id} revokes nothing.", nameof(plan));
        }

        var (region, groupId) = (revokes[0].Parameters[Region], revokes[0].Parameters[GroupId]);
        var planned = revokes.SelectMany(a => SplitIds(a.Parameters.GetValueOrDefault(SecurityGroupRuleIds)).Select(id => (a.Action, Id: id))).ToList();
        var plannedIds = planned.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        var before = await DescribeAsync(gateway, region, groupId, cancellationToken);
        var beforeById = before.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var changed = planned.Where(p => beforeById.ContainsKey(p.Id))
            .Select(p => (p.Id, Why: Changed(beforeById[p.Id], p.Action == RevokeEgress, changedSinceScan)))
            .Where(c => c.Why is not null)
            .ToList();
        if (changed.Count > 0)
        {
            var state = Record(before);
            return new(plan, false, state, state, $"Nothing revoked: {string.Join("; ", changed.Select(c => $"{c.Id} {c.Why}"))} since the scan.");
        }

        var absent = planned.Where(p => !beforeById.ContainsKey(p.Id)).Select(p => p.Id).ToList();
        var revoked = new List<string>();
        string? error = null;
        foreach (var call in planned.Where(p => beforeById.ContainsKey(p.Id)).GroupBy(p => p.Action))
        {
            var ids = call.Select(p => p.Id).ToList();
            try
            {
                var answer = await gateway.InvokeAsync(Target(call.Key, region, groupId, ids), cancellationToken);
                (answer.GetValueOrDefault(AlreadyAbsent) == "true" ? absent : revoked).AddRange(ids);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = $"{call.Key} of {JoinIds(ids)} failed: {ex.Message}";
                break;
            }
        }

        IReadOnlyList<DescribedSecurityGroupRule> after;
        try
        {
            after = await DescribeAsync(gateway, region, groupId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new(plan, false, Record(before), Outcome([], revoked, absent), Join(error, $"re-reading {groupId} failed, so the result is unverified: {ex.Message}"));
        }

        var afterIds = after.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var stillThere = plannedIds.Where(afterIds.Contains).Order(StringComparer.Ordinal).ToList();
        var lost = before.Where(r => !plannedIds.Contains(r.Id) && !afterIds.Contains(r.Id)).Select(r => r.Id).ToList();
        if (stillThere.Count > 0)
        {
            error = Join(error, $"{JoinIds(stillThere)} still in {groupId} after the revoke");
        }

        if (lost.Count > 0)
        {
            error = Join(error, $"{JoinIds(lost)} disappeared from {groupId}, which the plan did not revoke");
        }

        return new(plan, error is null, Record(before), Outcome(after, revoked, absent), error);
    }

    private static string? Changed(DescribedSecurityGroupRule now, bool plannedEgress, Func<DescribedSecurityGroupRule, string?>? changedSinceScan) =>
        now.IsEgress != plannedEgress ? $"is now an {(now.IsEgress ? "egress" : "ingress")} rule" : changedSinceScan?.Invoke(now);

    private static async Task<IReadOnlyList<DescribedSecurityGroupRule>> DescribeAsync(IRemediationGateway gateway, string region, string groupId, CancellationToken cancellationToken) =>
        DecodeRules(await gateway.InvokeAsync(Target(DescribeRules, region, groupId, []), cancellationToken));

    private static RemediationAction Target(string action, string region, string groupId, IReadOnlyList<string> ids)
    {
        var parameters = new Dictionary<string, string> { [Region] = region, [GroupId] = groupId };
        if (ids.Count > 0)
        {
            parameters[SecurityGroupRuleIds] = JoinIds(ids);
        }

        return new(action, parameters);
    }

    /// <summary>The group's rules as recorded before and after: rule id → "ingress tcp/22 from 0.0.0.0/0".</summary>
    private static Dictionary<string, string> Record(IEnumerable<DescribedSecurityGroupRule> rules) =>
        rules.ToDictionary(r => r.Id, r => r.Text, StringComparer.Ordinal);

    private static Dictionary<string, string> Outcome(IEnumerable<DescribedSecurityGroupRule> after, List<string> revoked, List<string> absent)
    {
        var record = Record(after);
        if (revoked.Count > 0)
        {
            record["revoked"] = JoinIds(revoked);
        }

        if (absent.Count > 0)
        {
            record[AlreadyAbsent] = JoinIds(absent);
        }

        return record;
    }

    private static string Join(string? first, string next) => first is null ? next : $"{first}; {next}";
}
