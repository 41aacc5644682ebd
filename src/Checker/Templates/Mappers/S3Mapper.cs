using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Buckets and bucket policies. What a bucket does not write takes S3's defaults for new buckets: SSE-S3 (AES256)
/// encryption, all four Block Public Access settings on, ACLs disabled (BucketOwnerEnforced), versioning off, no
/// logging, lifecycle or Object Lock. A BucketPolicy folds into the bucket it names; no policy is the empty policy.
/// </summary>
public sealed class S3Mapper : IResourceMapper
{
    private static readonly PublicAccessBlock NewBucketDefault = new(true, true, true, true);

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.Bucket, ResourceTypes.BucketPolicy];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.Bucket, NameProperty = "BucketName",
            Attributes = new Dictionary<string, string>
            {
                ["Arn"] = "arn:{partition}:s3:::{name}",
                ["DomainName"] = "{name}.s3.{urlSuffix}",
                ["RegionalDomainName"] = "{name}.s3.{region}.{urlSuffix}",
                ["DualStackDomainName"] = "{name}.s3.dualstack.{region}.{urlSuffix}",
            },
        },
    ];

    public void Map(MappingContext context)
    {
        var policies = new Dictionary<string, List<PolicyStatement>>(StringComparer.Ordinal);
        var unknownPolicies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in context.Resources(ResourceTypes.BucketPolicy))
        {
            var p = declared.Properties;
            if (context.Find(ResourceTypes.Bucket, p.String("Bucket")) is not { } bucket)
            {
                context.NotJudged(declared, $"its bucket {p.String("Bucket") ?? "(unknown)"} is not declared in this scan");
                continue;
            }

            if (p.Policy("PolicyDocument", out var problem) is { } policy)
            {
                if (!policies.TryGetValue(bucket.Name, out var statements))
                {
                    policies[bucket.Name] = statements = [];
                }

                statements.AddRange(policy.Statements);
            }
            else
            {
                unknownPolicies.Add(bucket.Name);
                context.NotJudged(declared, $"{problem ?? "it has no PolicyDocument"}, so the policy of bucket {bucket.LogicalId} is unknown");
            }
        }

        foreach (var bucket in context.Resources(ResourceTypes.Bucket))
        {
            var p = bucket.Properties;
            context.Add(new Bucket
            {
                Id = bucket.Name, Region = bucket.Region, AccountId = bucket.AccountId, Tags = p.Tags(),
                Arn = $"arn:{bucket.Partition}:s3:::{bucket.Name}",
                Encryption = Encryption(p),
                PublicAccessBlock = AccessBlock(p),
                Versioning = p.Map("VersioningConfiguration") is { } versioning
                    ? versioning.String("Status", absent: "Off") is { } status ? new BucketVersioning(status, false) : null
                    : null,
                Policy = unknownPolicies.Contains(bucket.Name) ? null
                    : policies.TryGetValue(bucket.Name, out var statements) ? new PolicyDocument("2012-10-17", statements) : PolicyDocument.Empty,
                AclGrants = S3Settings.CannedAcl(p.String("AccessControl", absent: "Private")),
                ObjectOwnership = S3Settings.Ownership(p),
                Logging = S3Settings.Logging(p, bucket.Name),
                LifecycleRules = S3Settings.Lifecycle(p),
                ObjectLock = S3Settings.ObjectLock(p),
            }, bucket);
        }
    }

    private static BucketEncryption? Encryption(Props p)
    {
        if (!p.Has("BucketEncryption"))
        {
            return new BucketEncryption("AES256", null, false);
        }

        var rule = p.Map("BucketEncryption")?.Maps("ServerSideEncryptionConfiguration")?.FirstOrDefault();
        var byDefault = rule?.Map("ServerSideEncryptionByDefault");
        if (rule is null || byDefault is null || byDefault.String("SSEAlgorithm") is not { } algorithm
            || (byDefault.Has("KMSMasterKeyID") && byDefault.String("KMSMasterKeyID") is null)
            || rule.Bool("BucketKeyEnabled", absent: false) is not { } bucketKey)
        {
            return null;
        }

        return new BucketEncryption(algorithm, byDefault.String("KMSMasterKeyID"), bucketKey);
    }

    private static PublicAccessBlock? AccessBlock(Props p)
    {
        if (!p.Has("PublicAccessBlockConfiguration"))
        {
            return NewBucketDefault;
        }

        var block = p.Map("PublicAccessBlockConfiguration");
        var flags = new[] { "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" }
            .Select(name => block?.Bool(name, absent: false)).ToList();
        return flags.Any(f => f is null) ? null : new PublicAccessBlock(flags[0]!.Value, flags[1]!.Value, flags[2]!.Value, flags[3]!.Value);
    }
}
