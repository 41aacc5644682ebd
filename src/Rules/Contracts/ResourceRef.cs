namespace Compliance.Rules;

/// <summary>Names the resource a finding is about.</summary>
/// <param name="Type">CloudFormation / AWS Config resource type, e.g. "AWS::EC2::SecurityGroup"; "AWS::::Account" for account- or region-wide settings.</param>
/// <param name="Id">The resource's own id (group id, bucket name, key id; the account id for account settings).</param>
/// <param name="Arn">The ARN where the resource has one.</param>
/// <param name="Region">The region, or "global" for global resources and settings.</param>
/// <param name="AccountId">The 12-digit account id.</param>
public sealed record ResourceRef(string Type, string Id, string? Arn, string Region, string AccountId);
