using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.KMS;

/// <summary>Readings of a KMS key and its policy that several KMS rules share.</summary>
internal static class KmsKeyFacts
{
    /// <summary>Shown in evidence for a value the inventory does not know.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// True for the states in which the key is scheduled for deletion: PendingDeletion, and PendingReplicaDeletion
    /// (a multi-Region primary key whose deletion waits for its replicas to be deleted).
    /// </summary>
    public static bool IsScheduledForDeletion(string keyState) =>
        keyState is "PendingDeletion" or "PendingReplicaDeletion";

    /// <summary>The DescribeKey settings a KMS rule read, as evidence.</summary>
    public static Dictionary<string, string> Evidence(KmsKey key) => new()
    {
        ["keyManager"] = key.KeyManager ?? Unknown,
        ["keyState"] = key.KeyState ?? Unknown,
    };

    /// <summary>A date as ISO 8601 UTC, e.g. 2025-07-01T00:00:00Z.</summary>
    public static string IsoUtc(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>How a message names a statement: its Sid, else its 1-based position.</summary>
    public static string Label(PolicyStatement statement, int index) =>
        statement.Sid is { Length: > 0 } sid ? $"\"{sid}\"" : $"#{index + 1}";

    /// <summary>
    /// True when <paramref name="principal"/> is the root of <paramref name="accountId"/>: the bare account id or
    /// arn:&lt;partition&gt;:iam::&lt;account&gt;:root. Such a grant delegates access to the account's IAM policies.
    /// </summary>
    public static bool IsAccountRoot(string principal, string accountId)
    {
        if (principal == accountId)
        {
            return true;
        }

        return AwsArn.Parse(principal) is { Service: "iam", Region: "", Resource: "root" } arn
            && arn.Partition.StartsWith("aws", StringComparison.Ordinal)
            && arn.Account == accountId;
    }
}
