using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.S3;

/// <summary>
/// Least-privilege bucket access: no public Allow, no sensitive actions for other accounts, ACLs disabled,
/// and cardholder-data buckets reachable only through a VPC endpoint.
/// </summary>
public sealed class BucketPolicyLeastPrivilege : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket8,
        Title = "Bucket access is least privilege: no public or cross-account admin, no ACLs",
        Rationale = "Allows to everyone or to other accounts' principals over policy and ACL changes let outsiders take control of the bucket; ACLs bypass the policy; cardholder data should only be reachable through the VPC endpoint.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.BucketPolicy],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "S3.6", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "S3.12", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_BLACKLISTED_ACTIONS_PROHIBITED", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_POLICY_GRANTEE_CHECK", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_ACL_PROHIBITED", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("blacklistedActions", "s3:DeleteBucketPolicy,s3:PutBucketAcl,s3:PutBucketPolicy,s3:PutEncryptionConfiguration,s3:PutObjectAcl",
                "Actions no principal of another account may be allowed (Security Hub S3.6)."),
            new("chdClassifications", "cardholder,restricted",
                "DataClassification tag values that mark a bucket as holding cardholder data (as does PCIScope=true)."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var blacklisted = context.ListParameter("blacklistedActions");
        var chdClassifications = context.ListParameter("chdClassifications");
        foreach (var bucket in context.Inventory.Buckets)
        {
            var evidence = new Dictionary<string, string>
            {
                ["objectOwnership"] = bucket.ObjectOwnership ?? "unknown",
            };
            var failures = new List<string>();
            var unknown = new List<string>();

            var chd = HoldsCardholderData(bucket, chdClassifications);
            evidence["cardholderData"] = chd ? "true" : "false";

            if (bucket.Policy is not { } policy)
            {
                evidence["bucketPolicy"] = "unknown";
                unknown.Add("its bucket policy could not be read");
            }
            else
            {
                var labelled = policy.Statements.Select((s, i) => (s, label: s.Sid is { Length: > 0 } sid ? sid : $"#{i + 1}")).ToList();

                var publicAllows = labelled.Where(p => p.s.IsPublicAllow()).Select(p => p.label).ToList();
                if (publicAllows.Count > 0)
                {
                    evidence["publicAllowStatements"] = string.Join(",", publicAllows);
                    failures.Add($"statement {string.Join(", ", publicAllows)} allows a public principal");
                }

                var crossAccount = labelled
                    .Where(p => p.s.IsAllow && p.s.Principal is not null)
                    .Select(p => (p.label,
                        accounts: p.s.Principal!.Of("AWS").Select(S3Names.PrincipalAccount).OfType<string>().Where(a => a != bucket.AccountId).Distinct().ToList(),
                        actions: blacklisted.Where(p.s.MatchesAction).ToList()))
                    .Where(p => p.accounts.Count > 0 && p.actions.Count > 0)
                    .ToList();
                if (crossAccount.Count > 0)
                {
                    evidence["crossAccountStatements"] = string.Join(",", crossAccount.Select(c => c.label));
                    evidence["crossAccountPrincipals"] = string.Join(",", crossAccount.SelectMany(c => c.accounts).Distinct());
                    evidence["crossAccountActions"] = string.Join(",", crossAccount.SelectMany(c => c.actions).Distinct());
                    var first = crossAccount[0];
                    failures.Add($"statement {first.label} allows account {string.Join(", ", first.accounts)} {string.Join(", ", first.actions)}");
                }

                if (chd)
                {
                    var vpceDeny = labelled.FirstOrDefault(p => RestrictsToVpc(p.s));
                    evidence["vpcRestrictionStatement"] = vpceDeny.s is null ? "absent" : vpceDeny.label;
                    if (vpceDeny.s is null)
                    {
                        failures.Add("it holds cardholder data but no Deny statement restricts access to aws:SourceVpce or aws:SourceVpc");
                    }
                }
            }

            if (bucket.ObjectOwnership is null)
            {
                unknown.Add("its object ownership setting could not be read");
            }
            else if (bucket.ObjectOwnership != "BucketOwnerEnforced")
            {
                failures.Add($"ACLs are enabled (ObjectOwnership {bucket.ObjectOwnership})");
            }

            if (failures.Count > 0)
            {
                if (unknown.Count > 0)
                {
                    evidence["unknown"] = string.Join("; ", unknown);
                }

                evidence["failures"] = string.Join("; ", failures);
                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} is not least privilege: {string.Join("; ", failures)}.", evidence);
            }
            else if (unknown.Count > 0)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: {string.Join(" and ", unknown)}.", evidence);
            }
            else
            {
                var vpc = chd ? ", and as a cardholder-data bucket is restricted to a VPC endpoint" : "";
                yield return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} has no public or cross-account sensitive Allow and ACLs disabled{vpc}.", evidence);
            }
        }
    }

    /// <summary>Tagged PCIScope=true, or DataClassification one of the cardholder classifications (case-insensitive).</summary>
    internal static bool HoldsCardholderData(Bucket bucket, IReadOnlyList<string> chdClassifications) =>
        string.Equals(bucket.Tag("PCIScope")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
        || (bucket.Tag("DataClassification")?.Trim() is { } classification && chdClassifications.Contains(classification, StringComparer.OrdinalIgnoreCase));

    /// <summary>A Deny that applies unless the request comes through the given VPC endpoint or VPC.</summary>
    private static bool RestrictsToVpc(PolicyStatement statement) =>
        statement.IsDeny
        && statement.Conditions.Any(c =>
            (string.Equals(c.Key, "aws:SourceVpce", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Key, "aws:SourceVpc", StringComparison.OrdinalIgnoreCase))
            && (string.Equals(c.Operator, "StringNotEquals", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Operator, "StringNotEqualsIfExists", StringComparison.OrdinalIgnoreCase))
            && c.Values.Count > 0
            && c.Values.All(v => v.Length > 0 && v != "*"));
}
