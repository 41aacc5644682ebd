using System.Globalization;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.IAM;

/// <summary>
/// Sets the account password policy to the rule's requirements (UpdateAccountPasswordPolicy) without weakening any
/// setting: every value stricter than required is kept, and every setting is sent, because the call resets the ones it
/// is not given. At apply time the live policy is read again; if it has become stricter than the plan in any way since the
/// scan, nothing is changed.
/// </summary>
public sealed class PasswordPolicyStrongRemediation : IExplainedRemediation
{
    internal const string Update = "iam:UpdateAccountPasswordPolicy";
    internal const string Get = "iam:GetAccountPasswordPolicy";

    /// <summary>IAM is global: the handler calls the partition's IAM endpoint.</summary>
    private const string GlobalRegion = "global";

    public string RuleId => RuleIds.IamAccount3;

    public IReadOnlyList<string> RequiredActions { get; } = [Update, Get];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory) => Decide(finding, inventory).Plan;

    public PlanDecision Decide(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId) || finding.Resource.Type != ResourceTypes.Account)
        {
            return PlanDecision.NotPossible("not a FAIL of the account password policy");
        }

        var account = finding.Resource.AccountId;
        if (inventory.PasswordPolicies.FirstOrDefault(p => p.AccountId == account) is not { } policy)
        {
            return PlanDecision.NotPossible($"the password policy of account {account} was not collected");
        }

        if (!TryRequirements(finding.Evidence, out var length, out var classes, out var reuse, out var maxAge))
        {
            return PlanDecision.NotPossible("the finding does not carry the required policy values");
        }

        var current = PasswordPolicyValues.From(policy);
        var target = current.Strengthened(length, classes, reuse, maxAge);
        var changes = current.Changes(target);
        if (changes.Count == 0)
        {
            return PlanDecision.NotPossible("the policy already meets every requirement");
        }

        return PlanDecision.Ready(new RemediationPlan(RuleId, finding.Resource,
            $"Update the IAM password policy of account {account}: {string.Join(", ", changes)}; every other setting stays as it is.",
            [new RemediationAction(Update, target.ToParameters(GlobalRegion))]));
    }

    public async Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        var update = plan.Actions[0];
        var planned = PasswordPolicyValues.From(update.Parameters);
        var read = new RemediationAction(Get, Only(update.Parameters, "Region"));
        IReadOnlyDictionary<string, string> before = new Dictionary<string, string>();
        IReadOnlyDictionary<string, string> after = new Dictionary<string, string>();
        var step = "reading the policy before the change";
        try
        {
            before = await gateway.InvokeAsync(read, cancellationToken);
            var live = PasswordPolicyValues.From(before);
            if (live.AtLeastAsStrictAs(planned))
            {
                return new RemediationOutcome(plan, true, before, before, null);
            }

            // The plan was made from the scanned policy; where the live one is now stricter, sending the plan would weaken it.
            if (planned.Weakens(live))
            {
                return new RemediationOutcome(plan, false, before, before,
                    "The password policy changed since the scan and is now stricter than the plan in some setting; nothing was changed. Scan again.");
            }

            step = $"calling {Update}";
            await gateway.InvokeAsync(update, cancellationToken);
            step = "re-reading the policy after the change";
            after = await gateway.InvokeAsync(read, cancellationToken);
            return PasswordPolicyValues.From(after).AtLeastAsStrictAs(planned)
                ? new RemediationOutcome(plan, true, before, after, null)
                : new RemediationOutcome(plan, false, before, after, $"Re-verification failed: after {Update}, the policy is not at least as strict as planned.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var code = e.GetType().GetProperty("ErrorCode")?.GetValue(e) as string;
            return new RemediationOutcome(plan, false, before, after, $"Failed while {step}: {(string.IsNullOrEmpty(code) ? e.GetType().Name : code)}: {e.Message}");
        }
    }

    private static bool TryRequirements(IReadOnlyDictionary<string, string> evidence, out int length, out IReadOnlyCollection<string> classes, out int reuse, out int maxAge)
    {
        classes = evidence.TryGetValue(PasswordPolicyStrong.RequiredCharacterClasses, out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        reuse = maxAge = 0;
        return Number(evidence, PasswordPolicyStrong.RequiredMinimumLength, out length)
            && Number(evidence, PasswordPolicyStrong.RequiredReusePrevention, out reuse)
            && Number(evidence, PasswordPolicyStrong.RequiredMaxAge, out maxAge)
            && list is not null;
    }

    private static bool Number(IReadOnlyDictionary<string, string> evidence, string key, out int value)
    {
        value = 0;
        return evidence.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
