using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Checker.Live.Clients.SecretsManager;

/// <summary>
/// awsJson timestamps: epoch seconds as a JSON number, possibly fractional (1523477145.729). An ISO-8601 string is
/// accepted too; null stays null.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTime?>
{
    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => DateTime.UnixEpoch.AddTicks(reader.TryGetDecimal(out var seconds)
            ? (long)decimal.Round(seconds * TimeSpan.TicksPerSecond)
            : (long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond)),
        JsonTokenType.String when reader.GetString() is { Length: > 0 } text =>
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        JsonTokenType.String => null,
        _ => throw new JsonException($"Expected a timestamp, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteNumberValue((time.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
