namespace Compliance.Checker.Live.Clients.SimpleNotificationService;

/// <summary>
/// Publish input, as the SDK names it. Message: UTF-8, at most 256 KiB (262,144 bytes) together with the attributes.
/// Subject: for email subscribers; UTF-8 without line breaks or control characters, under 100 characters.
/// </summary>
public sealed record PublishRequest
{
    public required string TopicArn { get; init; }
    public required string Message { get; init; }
    public string? Subject { get; init; }

    /// <summary>FIFO topics only (required there): messages of one group are delivered in order.</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>FIFO topics only: a second message with the same id within 5 minutes is accepted but not delivered.</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>By attribute name; sent as MessageAttributes.entry.N in enumeration order.</summary>
    public IReadOnlyDictionary<string, MessageAttributeValue> MessageAttributes { get; init; } = new Dictionary<string, MessageAttributeValue>();
}

/// <summary>
/// One message attribute: DataType "String", "String.Array" or "Number" (a number of up to 38 digits of precision,
/// written as text, e.g. "87.5"). Name, type and value must not be empty.
/// </summary>
public sealed record MessageAttributeValue(string DataType, string StringValue)
{
    public static MessageAttributeValue OfString(string value) => new("String", value);

    public static MessageAttributeValue OfNumber(string value) => new("Number", value);
}

/// <summary>The id SNS gave the message.</summary>
public sealed record PublishResponse(string MessageId);
