namespace Compliance.Rules.Inventory;

/// <summary>Region-wide account settings (GetEbsEncryptionByDefault, GetEbsDefaultKmsKeyId).</summary>
public sealed record RegionSettings : AwsResource
{
    public override string ResourceType => ResourceTypes.EbsEncryptionByDefault;

    /// <summary>New EBS volumes are encrypted by default; null when unknown.</summary>
    public bool? EbsEncryptionByDefault { get; init; }

    /// <summary>The default key for EBS encryption ("alias/aws/ebs" unless changed).</summary>
    public string? EbsDefaultKmsKeyId { get; init; }
}
