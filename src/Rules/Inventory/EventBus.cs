namespace Compliance.Rules.Inventory;

/// <summary>An EventBridge event bus (ListEventBuses, ListTagsForResource). Id is the bus name ("default" for the account's default bus).</summary>
public sealed record EventBus : AwsResource
{
    public override string ResourceType => ResourceTypes.EventsEventBus;

    /// <summary>The resource-based policy (who may put events on the bus); <see cref="PolicyDocument.Empty"/> when the bus has none.</summary>
    public PolicyDocument? Policy { get; init; }

    /// <summary>True for the account's default bus, which receives the events of AWS services.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsDefault => Id == "default";
}
