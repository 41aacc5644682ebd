using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// A string that holds JSON text (an event pattern): read from a JSON string as it is, or from an object or array
/// (as a hand-written snapshot may give it) as its compact text; always written as a string.
/// </summary>
public sealed class JsonTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return JsonSerializer.Serialize(document.RootElement);
                }

            default:
                throw new JsonException($"Expected JSON text as a string, an object or an array, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
