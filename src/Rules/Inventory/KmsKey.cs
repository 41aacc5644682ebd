using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>A KMS key (ListKeys, DescribeKey, GetKeyRotationStatus, GetKeyPolicy, ListAliases, ListResourceTags). Id is the key id.</summary>
public sealed record KmsKey : AwsResource
{
    public override string ResourceType => ResourceTypes.KmsKey;

    /// <summary>CUSTOMER or AWS; null when DescribeKey failed.</summary>
    public string? KeyManager { get; init; }

    /// <summary>Enabled, Disabled, PendingDeletion, PendingImport, Unavailable, ...</summary>
    public string? KeyState { get; init; }

    /// <summary>SYMMETRIC_DEFAULT, RSA_2048, HMAC_256, ...</summary>
    public string? KeySpec { get; init; }

    /// <summary>AWS_KMS, EXTERNAL, AWS_CLOUDHSM or EXTERNAL_KEY_STORE.</summary>
    public string? Origin { get; init; }

    /// <summary>When deletion is scheduled.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    /// <summary>
    /// Automatic rotation; null when unknown or not readable. As the KMS API reference states: always true for an AWS
    /// managed key (AWS rotates it yearly), and false for keys that cannot rotate automatically (asymmetric, HMAC,
    /// imported key material, custom key stores).
    /// </summary>
    public bool? RotationEnabled { get; init; }

    /// <summary>The key policy; null when unknown.</summary>
    public PolicyDocument? Policy { get; init; }

    /// <summary>Alias names pointing at the key, e.g. "alias/app-data".</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    [JsonIgnore]
    public bool IsCustomerManaged => KeyManager == "CUSTOMER";
    [JsonIgnore]
    public bool IsAwsManaged => KeyManager == "AWS";
}
