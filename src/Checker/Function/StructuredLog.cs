using System.Text.Json;

namespace Compliance.Checker.Function;

/// <summary>One JSON object per line (CloudWatch Logs Insights reads the fields), each carrying the scan id when there is one.</summary>
public sealed class StructuredLog(TextWriter output, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public string? ScanId { get; set; }

    public void Info(string @event, params (string Key, object? Value)[] fields) => Write("info", @event, fields);

    public void Warn(string @event, params (string Key, object? Value)[] fields) => Write("warn", @event, fields);

    public void Error(string @event, params (string Key, object? Value)[] fields) => Write("error", @event, fields);

    private void Write(string level, string @event, (string Key, object? Value)[] fields)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", clock.GetUtcNow().UtcDateTime.ToString("O"));
            json.WriteString("level", level);
            json.WriteString("event", @event);
            if (ScanId is not null)
            {
                json.WriteString("scanId", ScanId);
            }

            foreach (var (key, value) in fields)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object), Json.ComplianceJson.Options);
            }

            json.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
