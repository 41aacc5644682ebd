using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.KMS;

/// <summary>
/// A customer managed key serves one declared purpose: it carries a purpose tag, no principal (other than the account
/// root) both administers and uses it, and every usage grant is bound to a service or an encryption context.
/// </summary>
public sealed class KeyPurposeScoped : IComplianceRule
{
    /// <summary>
    /// Concrete administrative actions: the expansion of kms:Create*, Put*, Update*, Enable*, Disable*, Delete* plus
    /// deletion scheduling and tagging. kms:CreateGrant is left out: the console's default key-user statement grants it
    /// (for AWS resources) to key users, and it delegates use of the key, not its administration.
    /// </summary>
    private static readonly string[] AdminActions =
    [
        "kms:CreateKey", "kms:CreateAlias", "kms:CreateCustomKeyStore",
        "kms:PutKeyPolicy",
        "kms:UpdateAlias", "kms:UpdateKeyDescription", "kms:UpdatePrimaryRegion", "kms:UpdateCustomKeyStore",
        "kms:EnableKey", "kms:EnableKeyRotation",
        "kms:DisableKey", "kms:DisableKeyRotation",
        "kms:DeleteAlias", "kms:DeleteImportedKeyMaterial", "kms:DeleteCustomKeyStore",
        "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
        "kms:TagResource", "kms:UntagResource",
    ];

    /// <summary>Concrete cryptographic usage actions: Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*.</summary>
    private static readonly string[] UsageActions =
    [
        "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
        "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
    ];

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.KmsKey4,
        Title = "Customer managed keys are purpose-tagged, duty-separated and context-bound",
        Rationale = "A key dedicated to one kind of data, whose administrators cannot decrypt with it and whose users can reach it only through the intended service or encryption context, keeps one leaked credential from exposing everything.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.KmsKey],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks = [new(Frameworks.PciDss40, "3.6.1", MappingConfidence.Proposed)],
        Parameters =
        [
            new("purposeTagKey", "Purpose", "The tag key (case-sensitive, as AWS tag keys are) that declares what a key protects."),
            new("allowedPurposes", "data,logs,secrets", "The accepted values of the purpose tag, compared case-insensitively."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var tagKey = context.Parameter("purposeTagKey");
        var purposes = context.ListParameter("allowedPurposes");
        foreach (var key in context.Inventory.KmsKeys)
        {
            yield return Judge(key, tagKey, purposes);
        }
    }

    private Finding Judge(KmsKey key, string tagKey, IReadOnlyList<string> purposes)
    {
        var evidence = KmsKeyFacts.Evidence(key);
        switch (key.KeyManager)
        {
            case null:
                return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its key manager is unknown, so it cannot be told whether it is a customer managed key.", evidence);
            case "AWS":
                return Descriptor.NotApplicable(key.Ref, $"KMS key {key.DisplayName} is an AWS managed key, whose policy and tags AWS controls.", evidence);
            case not "CUSTOMER":
                return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName} has the unrecognised key manager {key.KeyManager}.", evidence);
        }

        if (key.Policy is null)
        {
            return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its key policy could not be read.", evidence);
        }

        var reasons = new List<string>();

        var purpose = key.Tag(tagKey)?.Trim();
        evidence["purposeTag"] = purpose is null ? "absent" : $"{tagKey}={purpose}";
        evidence["allowedPurposes"] = string.Join(",", purposes);
        if (purpose is null || !purposes.Contains(purpose, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add(purpose is null
                ? $"it has no {tagKey} tag with one of the values {string.Join(", ", purposes)}"
                : $"its {tagKey} tag value {purpose} is not one of {string.Join(", ", purposes)}");
        }

        var allows = key.Policy.Statements.Select((statement, index) => (statement, index)).Where(s => s.statement.IsAllow).ToList();

        var mixed = MixedDutyPrincipals(allows.Select(s => s.statement), key.AccountId);
        if (mixed.Count > 0)
        {
            evidence["adminAndUsagePrincipals"] = string.Join(",", mixed);
            reasons.Add(mixed.Count == 1
                ? $"{mixed[0]} is granted both administrative and usage actions"
                : $"{mixed.Count} principals ({string.Join(", ", mixed)}) are granted both administrative and usage actions");
        }

        var unbound = allows
            .Where(s => GrantsUsage(s.statement) && Principals(s.statement).Any(p => !KmsKeyFacts.IsAccountRoot(p, key.AccountId)) && !IsContextBound(s.statement))
            .Select(s => KmsKeyFacts.Label(s.statement, s.index))
            .ToList();
        if (unbound.Count > 0)
        {
            evidence["unconstrainedUsageStatements"] = string.Join(",", unbound);
            reasons.Add($"{(unbound.Count == 1 ? "statement" : "statements")} {string.Join(", ", unbound)} {(unbound.Count == 1 ? "grants" : "grant")} usage without a kms:ViaService or kms:EncryptionContext condition");
        }

        if (reasons.Count > 0)
        {
            return Descriptor.Fail(key.Ref, $"KMS key {key.DisplayName} is not purpose-scoped: {string.Join("; ", reasons)}.", evidence);
        }

        return Descriptor.Pass(key.Ref, $"KMS key {key.DisplayName} is tagged {tagKey}={purpose}, no principal but the account root both administers and uses it, and every usage grant is bound by kms:ViaService or kms:EncryptionContext.", evidence);
    }

    /// <summary>Principals other than the account root that the Allow statements, taken together, give both duties.</summary>
    private static List<string> MixedDutyPrincipals(IEnumerable<PolicyStatement> allows, string accountId)
    {
        var admin = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var usage = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in allows)
        {
            var principals = Principals(statement).Where(p => !KmsKeyFacts.IsAccountRoot(p, accountId)).ToList();
            if (GrantsAdmin(statement))
            {
                admin.UnionWith(principals);
            }

            if (GrantsUsage(statement))
            {
                usage.UnionWith(principals);
            }
        }

        return admin.Where(usage.Contains).Order(StringComparer.Ordinal).ToList();
    }

    private static bool GrantsAdmin(PolicyStatement statement) => AdminActions.Any(statement.MatchesAction);

    private static bool GrantsUsage(PolicyStatement statement) => UsageActions.Any(statement.MatchesAction);

    /// <summary>Who a statement applies to: "*" for a public principal or a NotPrincipal, else every listed principal.</summary>
    private static IEnumerable<string> Principals(PolicyStatement statement)
    {
        if (statement.NotPrincipal is not null)
        {
            return ["*"];
        }

        return statement.Principal switch
        {
            null => [],
            { Everyone: true } => ["*"],
            var principal => principal.ByType.Values.SelectMany(values => values),
        };
    }

    /// <summary>
    /// True when a condition binds the statement to a calling service or an encryption context: a positive test of
    /// kms:ViaService, kms:EncryptionContext:* or kms:EncryptionContextKeys with fixed values, or a Null test requiring
    /// the key to be present. IfExists and negated operators do not bind; ForAllValues binds only together with a
    /// Null test on the same key (it is vacuously true for a request without that key).
    /// </summary>
    private static bool IsContextBound(PolicyStatement statement)
    {
        var requiredPresent = statement.Conditions
            .Where(c => string.Equals(c.Operator, "Null", StringComparison.OrdinalIgnoreCase) && c.Values.Count > 0 && c.Values.All(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        return statement.Conditions.Any(c =>
            IsContextKey(c.Key)
            && (requiredPresent.Contains(c.Key) || IsFixedPositiveTest(c))
            && (!c.Operator.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase) || requiredPresent.Contains(c.Key)));
    }

    private static bool IsContextKey(string key) =>
        string.Equals(key, "kms:ViaService", StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, "kms:EncryptionContextKeys", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("kms:EncryptionContext:", StringComparison.OrdinalIgnoreCase);

    private static bool IsFixedPositiveTest(PolicyCondition condition) =>
        !string.Equals(condition.Operator, "Null", StringComparison.OrdinalIgnoreCase)
        && !condition.Operator.Contains("Not", StringComparison.OrdinalIgnoreCase)
        && !condition.Operator.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase)
        && condition.Values.Count > 0
        && condition.Values.All(v => v.Length > 0 && v != "*");
}
