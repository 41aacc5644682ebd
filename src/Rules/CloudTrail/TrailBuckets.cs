using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>
/// The S3 buckets trails deliver to, each once with the trails that use it. A bucket the inventory does not hold (an
/// organization's log-archive account, a bucket the scan could not list) is judged unknown, never compliant or not.
/// </summary>
internal sealed record TrailBucket(string Name, IReadOnlyList<Trail> Trails, Bucket? Bucket)
{
    public static IReadOnlyList<TrailBucket> Of(RuleContext context) =>
        TrailFacts.Distinct(context.Inventory)
            .Where(t => !string.IsNullOrWhiteSpace(t.S3BucketName))
            .GroupBy(t => t.S3BucketName!, StringComparer.Ordinal)
            .Select(g => new TrailBucket(g.Key, g.ToList(), context.Index.Bucket(g.Key)))
            .ToList();

    /// <summary>The finding's subject: the bucket's record, or a reference built from the first trail when the bucket is not in the inventory.</summary>
    public ResourceRef Ref => Bucket?.Ref ?? new ResourceRef(
        ResourceTypes.Bucket, Name, $"arn:{Partition}:s3:::{Name}", Trails[0].Region, Trails[0].AccountId);

    /// <summary>"bucket audit-logs (trail org-audit)".</summary>
    public string Subject => $"Bucket {Bucket?.DisplayName ?? Name}, where {TrailNames} {(Trails.Count == 1 ? "delivers" : "deliver")} log files,";

    public string TrailNames => (Trails.Count == 1 ? "trail " : "trails ") + string.Join(", ", Trails.Select(t => t.Id));

    public Dictionary<string, string> Evidence() => new()
    {
        ["bucketName"] = Name,
        ["trails"] = string.Join(",", Trails.Select(t => t.Arn ?? t.Id)),
    };

    /// <summary>The ERROR for a bucket that is not in the inventory, saying why it may be missing.</summary>
    public Finding NotInInventory(RuleDescriptor rule, RuleContext context, string needed)
    {
        var inventory = context.Inventory;
        var evidence = Evidence();
        evidence["bucketInInventory"] = "false";
        var listingFailed = inventory.CollectionErrors.FirstOrDefault(e => e.ResourceType == ResourceTypes.Bucket && e.ResourceId is null);
        var crossAccount = Trails.Any(t => t.IsOrganizationTrail || !inventory.AccountIds.Contains(t.AccountId));
        var why = context.FromTemplate
            ? "it is not declared in this template (it may live in another stack or account)"
            : listingFailed is not null
                ? $"buckets could not be listed ({listingFailed.Operation}: {listingFailed.ErrorCode})"
                : crossAccount
                    ? "it belongs to an account this scan does not cover (an organization trail's bucket usually lives in the log-archive account)"
                    : "it is not among the buckets this scan could read (it may belong to another account)";
        return rule.Error(Ref, $"Bucket {Name}, where {TrailNames} {(Trails.Count == 1 ? "delivers" : "deliver")} log files, is not in the inventory because {why}, so its {needed} is unknown.", evidence);
    }

    private string Partition => AwsArn.Parse(Trails[0].Arn)?.Partition ?? "aws";
}
