using Compliance.Rules.Inventory;
using Compliance.Rules.S3;

namespace Compliance.Rules.CloudTrail;

/// <summary>
/// The bucket a trail delivers to grants no public read or write. The verdict is S3.Bucket.2's (policy, ACL, Block
/// Public Access at bucket and account level, disabled ACLs), applied to trail buckets only.
/// </summary>
public sealed class TrailBucketNotPublic : IComplianceRule
{
    private static readonly BucketNotPublic BucketRule = new();

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudTrailTrail5,
        Title = "The S3 bucket a trail delivers to is not publicly accessible",
        Rationale = "A public log bucket exposes the account's whole activity record to anyone, and public write lets an attacker bury or replace evidence.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.Trail, ResourceTypes.BucketPolicy, ResourceTypes.AccountPublicAccessBlock],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Inferred),
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Inferred),
            new(Frameworks.AwsSecurityHub, "CloudTrail.6", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var target in TrailBucket.Of(context))
        {
            if (target.Bucket is not { } bucket)
            {
                yield return target.NotInInventory(Descriptor, context, "public exposure");
                continue;
            }

            var verdict = BucketRule.Evaluate(new RuleContext(context.Inventory with { Buckets = [bucket] }, BucketRule.Descriptor)).Single();
            var evidence = target.Evidence();
            foreach (var (key, value) in verdict.Evidence)
            {
                evidence[key] = value;
            }

            var prefix = $"Bucket {bucket.DisplayName}";
            var reason = verdict.Message.StartsWith(prefix, StringComparison.Ordinal) ? verdict.Message[prefix.Length..].TrimStart(':', ' ') : verdict.Message;
            var message = verdict.Status == ComplianceStatus.Error ? $"{target.Subject} has an unknown exposure: {reason}" : $"{target.Subject} {reason}";
            yield return Descriptor.Create(verdict.Status, bucket.Ref, message, evidence);
        }
    }
}
