using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.S3;

/// <summary>The bucket policy denies every request that is not sent over TLS (aws:SecureTransport false).</summary>
public sealed class BucketRequiresSecureTransport : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket4,
        Title = "Bucket policy denies requests not sent over TLS",
        Rationale = "S3 accepts plain HTTP unless the bucket policy denies it, and data or credentials sent in the clear can be read or altered in transit.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.BucketPolicy],
        Frameworks =
        [
            new(Frameworks.PciDss40, "4.2.1", MappingConfidence.Published),
            new(Frameworks.CisAws30, "2.1.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "S3.5", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_SSL_REQUESTS_ONLY", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var bucket in context.Inventory.Buckets)
        {
            if (bucket.Policy is not { } policy)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: its bucket policy could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["policyStatements"] = policy.Statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var tls = policy.Statements.FirstOrDefault(s => DeniesOldTls(s, bucket));
            evidence["tlsVersionDeny"] = tls is null ? "absent" : $"{policy.Label(tls)} (s3:TlsVersion < {string.Join(",", tls.ConditionsOn("s3:TlsVersion").SelectMany(c => c.Values))})";

            if (policy.Statements.Count == 0)
            {
                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} has no bucket policy, so requests over plain HTTP are not denied.", evidence);
                continue;
            }

            var deny = policy.Statements.FirstOrDefault(s => DeniesInsecureTransport(s, bucket));
            if (deny is null)
            {
                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} has no bucket policy statement that denies all principals s3:GetObject and s3:PutObject on its objects when aws:SecureTransport is false.", evidence);
                continue;
            }

            evidence["secureTransportDeny"] = policy.Label(deny);
            yield return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} denies requests without TLS through bucket policy statement {policy.Label(deny)}.", evidence);
        }
    }

    /// <summary>
    /// A Deny to everyone of s3:GetObject and s3:PutObject on every object of the bucket (arn:aws:s3:::name/*; a deny
    /// on the bare bucket ARN does not reach object requests), whose only conditions
    /// test aws:SecureTransport false (any other condition would narrow the deny to some requests).
    /// </summary>
    internal static bool DeniesInsecureTransport(PolicyStatement statement, Bucket bucket) =>
        DeniesEveryoneOnBucket(statement, bucket) && statement.AppliesExactlyWithoutSecureTransport();

    private static bool DeniesOldTls(PolicyStatement statement, Bucket bucket) =>
        DeniesEveryoneOnBucket(statement, bucket)
        && statement.ConditionsOn("s3:TlsVersion").Any(c => c.Operator.StartsWith("NumericLessThan", StringComparison.OrdinalIgnoreCase));

    private static bool DeniesEveryoneOnBucket(PolicyStatement statement, Bucket bucket) =>
        statement.IsDenyToEveryone()
        && statement.MatchesAction("s3:GetObject")
        && statement.MatchesAction("s3:PutObject")
        && statement.MatchesResource(S3Names.ObjectsArn(bucket));
}
