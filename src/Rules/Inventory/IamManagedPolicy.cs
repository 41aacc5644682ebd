namespace Compliance.Rules.Inventory;

/// <summary>
/// A customer managed IAM policy (GetAccountAuthorizationDetails, filter LocalManagedPolicy). Id is the policy name;
/// Arn its ARN; Region is "global". AWS managed policies are not collected: principals name them by ARN only.
/// </summary>
public sealed record IamManagedPolicy : AwsResource
{
    public override string ResourceType => ResourceTypes.IamManagedPolicy;

    /// <summary>The stable unique id (ANPA...); null when unknown.</summary>
    public string? PolicyId { get; init; }

    public string? Path { get; init; }

    /// <summary>The version in force, e.g. "v3"; null when unknown.</summary>
    public string? DefaultVersionId { get; init; }

    /// <summary>How many users, groups and roles it is attached to; null when unknown.</summary>
    public int? AttachmentCount { get; init; }

    /// <summary>The document of the default version; null when unknown or unparseable.</summary>
    public PolicyDocument? Document { get; init; }
}
