using Compliance.Rules.Inventory;
using Compliance.Rules.S3;

namespace Compliance.Rules.CloudTrail;

/// <summary>
/// Every cardholder-data and audit bucket has its S3 object-level read and write data events logged by a logging trail
/// of its account that covers the bucket's Region.
/// </summary>
public sealed class S3ObjectDataEventsLogged : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudTrailTrail7,
        Title = "Object-level read and write data events are logged for CHD and audit buckets",
        Rationale = "Management events do not show who read or changed which object; object-level data events are the only record of access to cardholder data and to the audit evidence itself.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.Trail],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Published),
            new(Frameworks.CisAws30, "3.8", MappingConfidence.Published),
            new(Frameworks.CisAws30, "3.9", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "S3.22", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "S3.23", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CLOUDTRAIL_ALL_WRITE_S3_DATA_EVENT_CHECK", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CLOUDTRAIL_ALL_READ_S3_DATA_EVENT_CHECK", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("chdClassifications", "cardholder,restricted", "DataClassification tag values that mark a cardholder-data bucket (PCIScope=true marks one too), as S3.Bucket.8 reads them."),
            new("auditPurposes", "audit", "Purpose tag values that mark an audit bucket."),
            new("allBuckets", "false", "When true, every bucket must have its data events logged (Security Hub S3.22/S3.23 scope)."),
        ],
    };

    private enum Coverage { Logged, Unknown, Missing }

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var inventory = context.Inventory;
        var chd = context.ListParameter("chdClassifications");
        var audit = context.ListParameter("auditPurposes");
        var all = bool.Parse(context.Parameter("allBuckets"));
        var trails = TrailFacts.Distinct(inventory);
        var listingFailed = inventory.CollectionErrors.FirstOrDefault(e => e.ResourceType == ResourceTypes.Trail && e.ResourceId is null);

        foreach (var bucket in inventory.Buckets)
        {
            var why = Why(bucket, chd, audit, all);
            if (why is null)
            {
                continue;
            }

            var evidence = new Dictionary<string, string> { ["selectedBecause"] = why };
            var judged = trails.Where(t => t.AccountId == bucket.AccountId && (t.IsMultiRegionTrail || t.Region == bucket.Region))
                .Select(t => Judge(t, bucket)).ToList();
            if (judged.Count == 0 && context.FromTemplate)
            {
                // The trail that logs the bucket may be an organization trail or live in another stack.
                yield return Descriptor.NotApplicable(bucket.Ref,
                    $"Bucket {bucket.DisplayName} ({why}): a CloudTrail trail covering {bucket.Region} is not declared in this template; judged on the live account.", evidence);
                continue;
            }

            foreach (var (trail, read, write, note) in judged)
            {
                evidence[$"trail.{trail.Id}"] = $"read={read}; write={write}{note}";
            }

            var readBy = judged.FirstOrDefault(j => j.Read == Coverage.Logged).Trail;
            var writeBy = judged.FirstOrDefault(j => j.Write == Coverage.Logged).Trail;
            var subject = $"Bucket {bucket.DisplayName} ({why})";
            if (readBy is not null && writeBy is not null)
            {
                var by = readBy == writeBy ? $"trail {readBy.Id}" : $"trails {readBy.Id} (read) and {writeBy.Id} (write)";
                yield return Descriptor.Pass(bucket.Ref, $"{subject} has its object-level read and write data events logged by {by}.", evidence);
                continue;
            }

            var missing = new List<string>();
            var unknown = false;
            if (readBy is null)
            {
                unknown |= judged.Any(j => j.Read == Coverage.Unknown);
                missing.AddRange(judged.Any(j => j.Read == Coverage.Unknown) ? [] : ["read"]);
            }

            if (writeBy is null)
            {
                unknown |= judged.Any(j => j.Write == Coverage.Unknown);
                missing.AddRange(judged.Any(j => j.Write == Coverage.Unknown) ? [] : ["write"]);
            }

            var orgTrail = trails.Any(t => t.IsOrganizationTrail && t.AccountId != bucket.AccountId);
            if (missing.Count > 0 && !orgTrail && listingFailed is null)
            {
                var scope = judged.Count == 0 ? $"no trail of account {bucket.AccountId} covers {bucket.Region}" : "no logging trail's event selectors cover every object of the bucket";
                yield return Descriptor.Fail(bucket.Ref, $"{subject} does not have its object-level {Wording.Prose(missing)} data events logged: {scope}.", evidence);
            }
            else
            {
                var reason = unknown
                    ? "a trail that may log them has unknown event selectors or logging status"
                    : orgTrail
                        ? "only an organization trail of another account could log them, and the inventory does not show its membership"
                        : $"trails could not be listed ({listingFailed!.Operation}: {listingFailed.ErrorCode})";
                yield return Descriptor.Error(bucket.Ref, $"{subject}: whether its object-level data events are logged is unknown because {reason}.", evidence);
            }
        }
    }

    private static (Trail Trail, Coverage Read, Coverage Write, string Note) Judge(Trail trail, Bucket bucket)
    {
        if (trail.IsLogging == false)
        {
            return (trail, Coverage.Missing, Coverage.Missing, "; not logging");
        }

        if (trail.EventSelectors is null || trail.IsLogging is null)
        {
            return (trail, Coverage.Unknown, Coverage.Unknown, trail.EventSelectors is null ? "; selectors unknown" : "; logging status unknown");
        }

        var partition = AwsArn.Parse(trail.Arn)?.Partition ?? AwsArn.Parse(bucket.Arn)?.Partition ?? "aws";
        var (read, write) = S3DataEventCoverage.Of(trail.EventSelectors, partition, bucket.Id);
        return (trail, read ? Coverage.Logged : Coverage.Missing, write ? Coverage.Logged : Coverage.Missing, "");
    }

    /// <summary>Why the bucket must have its data events logged, or null when it need not.</summary>
    private static string? Why(Bucket bucket, IReadOnlyList<string> chd, IReadOnlyList<string> audit, bool all)
    {
        if (BucketPolicyLeastPrivilege.HoldsCardholderData(bucket, chd))
        {
            return "cardholder data";
        }

        var purpose = bucket.Tags.FirstOrDefault(t => string.Equals(t.Key, "Purpose", StringComparison.OrdinalIgnoreCase)).Value;
        if (purpose is not null && audit.Contains(purpose.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return $"tag Purpose={purpose}";
        }

        return all ? "every bucket is in scope" : null;
    }
}
