using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.S3;

/// <summary>
/// No public read or write through the bucket policy or ACL, judged as S3 enforces it: Block Public Access
/// at bucket or account level, and disabled ACLs, neutralise what they cover.
/// </summary>
public sealed class BucketNotPublic : IComplianceRule
{
    internal static readonly string[] ReadActions = ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"];
    internal static readonly string[] WriteActions = ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:PutBucketPolicy", "s3:PutBucketAcl"];

    internal const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    internal const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private static readonly HashSet<string> PublicGroups = new(StringComparer.OrdinalIgnoreCase) { AllUsers, AuthenticatedUsers };
    private static readonly HashSet<string> AclReadPermissions = new(StringComparer.OrdinalIgnoreCase) { "READ", "READ_ACP", "FULL_CONTROL" };
    private static readonly HashSet<string> AclWritePermissions = new(StringComparer.OrdinalIgnoreCase) { "WRITE", "WRITE_ACP", "FULL_CONTROL" };

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket2,
        Title = "Buckets grant no public read or write through policy or ACL",
        Rationale = "A bucket that anyone on the internet can read or write leaks or corrupts its data; S3 honours such grants unless Block Public Access or disabled ACLs override them.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.BucketPolicy, ResourceTypes.AccountPublicAccessBlock],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "S3.2", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "S3.3", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_PUBLIC_READ_PROHIBITED", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", MappingConfidence.Published),
        ],
    };

    private enum Exposure { None, Neutralised, Unknown, Exposed }

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var bucket in context.Inventory.Buckets)
        {
            yield return Judge(bucket, EffectivePublicAccess.Of(bucket, context.Inventory));
        }
    }

    private Finding Judge(Bucket bucket, EffectivePublicAccess access)
    {
        var evidence = new Dictionary<string, string>();
        access.AddEvidence(evidence);
        evidence["effectiveRestrictPublicBuckets"] = Text(access.RestrictPublicBuckets);
        evidence["effectiveIgnorePublicAcls"] = Text(access.IgnorePublicAcls);
        evidence["objectOwnership"] = bucket.ObjectOwnership ?? "unknown";

        var (policyExposure, policyWhat, policyWhy) = JudgePolicy(bucket, access, evidence);
        var (aclExposure, aclWhat, aclWhy) = JudgeAcl(bucket, access, evidence);

        if (policyExposure == Exposure.Exposed || aclExposure == Exposure.Exposed)
        {
            var exposed = new[] { (policyExposure, policyWhat), (aclExposure, aclWhat) }.Where(p => p.Item1 == Exposure.Exposed).Select(p => p.Item2);
            return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} allows {string.Join(" and ", exposed)}.", evidence);
        }

        if (policyExposure == Exposure.Unknown || aclExposure == Exposure.Unknown)
        {
            var unknown = new[] { (policyExposure, policyWhy), (aclExposure, aclWhy) }.Where(p => p.Item1 == Exposure.Unknown).Select(p => p.Item2);
            return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: {string.Join("; ", unknown)}.", evidence);
        }

        var neutralised = new[] { (policyExposure, policyWhy), (aclExposure, aclWhy) }.Where(p => p.Item1 == Exposure.Neutralised).Select(p => p.Item2).ToList();
        if (neutralised.Count > 0)
        {
            evidence["neutralised"] = string.Join("; ", neutralised);
            return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} is not publicly readable or writable because S3 overrides its public grants: {string.Join("; ", neutralised)}.", evidence);
        }

        return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} grants no public read or write access through its bucket policy or ACL.", evidence);
    }

    private static (Exposure, string What, string Why) JudgePolicy(Bucket bucket, EffectivePublicAccess access, Dictionary<string, string> evidence)
    {
        var restricted = access.RestrictPublicBuckets;
        var restrictedBy = Level(access.BucketBlock?.RestrictPublicBuckets, access.AccountBlock?.RestrictPublicBuckets);
        if (bucket.Policy is null)
        {
            evidence["bucketPolicy"] = "unknown";
            return restricted == true
                ? (Exposure.Neutralised, "", $"the bucket policy could not be read, but RestrictPublicBuckets is on at {restrictedBy} level")
                : (Exposure.Unknown, "", "the bucket policy could not be read and RestrictPublicBuckets is not known to be on");
        }

        var offending = bucket.Policy.Statements
            .Select((statement, index) => (statement, label: statement.Sid is { Length: > 0 } sid ? sid : $"#{index + 1}"))
            .Where(s => s.statement.IsPublicAllow())
            .Select(s => (s.label, read: ReadActions.Where(s.statement.MatchesAction).ToList(), write: WriteActions.Where(s.statement.MatchesAction).ToList()))
            .Where(s => s.read.Count + s.write.Count > 0)
            .ToList();
        if (offending.Count == 0)
        {
            return (Exposure.None, "", "");
        }

        var read = offending.SelectMany(o => o.read).Distinct().ToList();
        var write = offending.SelectMany(o => o.write).Distinct().ToList();
        evidence["publicPolicyStatements"] = string.Join(",", offending.Select(o => o.label));
        evidence["publicPolicyActions"] = string.Join(",", read.Concat(write));
        var kind = Kind(read.Count > 0, write.Count > 0);
        var statements = offending.Count == 1 ? $"statement {offending[0].label}" : $"statements {string.Join(", ", offending.Select(o => o.label))}";
        var what = $"public {kind} through bucket policy {statements} ({string.Join(", ", read.Concat(write))})";
        return restricted switch
        {
            true => (Exposure.Neutralised, what, $"the policy grants public {kind}, but RestrictPublicBuckets is on at {restrictedBy} level"),
            false => (Exposure.Exposed, what, ""),
            null => (Exposure.Unknown, what, $"its bucket policy grants public {kind} and whether RestrictPublicBuckets overrides it is unknown"),
        };
    }

    private static (Exposure, string What, string Why) JudgeAcl(Bucket bucket, EffectivePublicAccess access, Dictionary<string, string> evidence)
    {
        var aclsDisabled = string.Equals(bucket.ObjectOwnership, "BucketOwnerEnforced", StringComparison.Ordinal);
        var ignored = access.IgnorePublicAcls;
        string? overrideReason = aclsDisabled
            ? "ACLs are disabled (ObjectOwnership BucketOwnerEnforced)"
            : ignored == true ? $"IgnorePublicAcls is on at {Level(access.BucketBlock?.IgnorePublicAcls, access.AccountBlock?.IgnorePublicAcls)} level" : null;
        bool? neutralised = overrideReason is not null ? true : ignored == false && bucket.ObjectOwnership is not null ? false : null;

        if (bucket.AclGrants is null)
        {
            evidence["aclGrants"] = "unknown";
            return neutralised == true
                ? (Exposure.Neutralised, "", $"the ACL could not be read, but {overrideReason}")
                : (Exposure.Unknown, "", "the bucket ACL could not be read and public ACLs are not known to be ignored");
        }

        var offending = bucket.AclGrants.Where(g => PublicGroups.Contains(g.Grantee) && (AclReadPermissions.Contains(g.Permission) || AclWritePermissions.Contains(g.Permission))).ToList();
        if (offending.Count == 0)
        {
            return (Exposure.None, "", "");
        }

        evidence["publicAclGrants"] = string.Join(",", offending.Select(g => $"{GroupName(g.Grantee)}:{g.Permission}"));
        var kind = Kind(offending.Any(g => AclReadPermissions.Contains(g.Permission)), offending.Any(g => AclWritePermissions.Contains(g.Permission)));
        var what = $"public {kind} through ACL grants {string.Join(", ", offending.Select(g => $"{g.Permission} to {GroupName(g.Grantee)}"))}";
        return neutralised switch
        {
            true => (Exposure.Neutralised, what, $"the ACL grants public {kind}, but {overrideReason}"),
            false => (Exposure.Exposed, what, ""),
            null => (Exposure.Unknown, what, $"its ACL grants public {kind} and whether S3 ignores public ACLs (IgnorePublicAcls, ObjectOwnership) is unknown"),
        };
    }

    private static string Kind(bool read, bool write) => read && write ? "read and write" : read ? "read" : "write";

    private static string GroupName(string grantee) => grantee[(grantee.LastIndexOf('/') + 1)..];

    private static string Level(bool? bucket, bool? account) =>
        bucket == true && account == true ? "bucket and account" : bucket == true ? "bucket" : "account";

    private static string Text(bool? value) => value switch { true => "true", false => "false", null => "unknown" };
}
