using System.Text.Json;

namespace Compliance.Checker.Json;

/// <summary>Turns System.Text.Json errors into "at $.path (line L, column C): reason" without the exception's own noise.</summary>
public static class JsonErrors
{
    /// <summary>" at $.buckets[0].versioning (line 12, column 7)", or "" when the position is unknown.</summary>
    public static string Where(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? null : ex.Path;
        var line = ex.LineNumber is { } l ? $"line {l + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : null;
        return (path, line) switch
        {
            (null, null) => "",
            (null, _) => $" ({line})",
            (_, null) => $" at {path}",
            _ => $" at {path} ({line})",
        };
    }

    /// <summary>The reason, without the " Path: ... | LineNumber: ..." suffix System.Text.Json appends.</summary>
    public static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        message = (cut >= 0 ? message[..cut] : message).Trim();
        message = message.Replace("The JSON value could not be converted to ", "expected a value of type ", StringComparison.Ordinal);
        if (message.Contains("end of data", StringComparison.OrdinalIgnoreCase)
            || message.Contains("reached the end of the", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Expected depth to be zero", StringComparison.Ordinal))
        {
            message = $"the JSON ends too early; the file looks truncated ({message})";
        }

        return message.TrimEnd('.') + ".";
    }
}
