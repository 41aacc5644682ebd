namespace Compliance.Rules.Inventory;

/// <summary>
/// The six fields of an ARN, arn:partition:service:region:account:resource (the resource keeps any further colons).
/// Callers check the fields they care about; this only splits.
/// </summary>
public sealed record AwsArn(string Partition, string Service, string Region, string Account, string Resource)
{
    /// <summary>The ARN's fields, or null for text that is not an ARN (an alias, a bare id, a name).</summary>
    public static AwsArn? Parse(string? text)
    {
        if (text is null || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text.Split(':', 6);
        return parts.Length == 6 ? new AwsArn(parts[1], parts[2], parts[3], parts[4], parts[5]) : null;
    }
}
