namespace Compliance.Rules.Inventory;

/// <summary>An IAM group (GetAccountAuthorizationDetails). Id is the group name; Region is "global".</summary>
public sealed record IamGroup : AwsResource
{
    public override string ResourceType => ResourceTypes.IamGroup;

    /// <summary>The stable unique id (AGPA...); null when unknown.</summary>
    public string? GroupId { get; init; }

    public string? Path { get; init; }

    /// <summary>Policies embedded in the group; [] when none; null when unknown.</summary>
    public IReadOnlyList<InlinePolicy>? InlinePolicies { get; init; }

    /// <summary>ARNs of the managed policies attached to the group; [] when none; null when unknown.</summary>
    public IReadOnlyList<string>? AttachedManagedPolicyArns { get; init; }
}
