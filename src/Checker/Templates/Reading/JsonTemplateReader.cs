using System.Text;
using System.Text.Json;
using Compliance.Checker.Json;
using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Reading;

/// <summary>
/// Reads a JSON template with positions. JsonDocument keeps none, so this walks a Utf8JsonReader and turns each
/// token's byte offset into a line and column.
/// </summary>
internal static class JsonTemplateReader
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static TemplateNode Read(byte[] bytes, string displayPath)
    {
        var text = bytes.AsMemory(bytes.AsSpan().StartsWith(Bom) ? Bom.Length : 0);
        var lines = new LineIndex(text);
        var reader = new Utf8JsonReader(text.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 512 });
        try
        {
            if (!reader.Read())
            {
                throw new InputException($"{displayPath}: the file is empty; expected a CloudFormation template.");
            }

            var root = ReadValue(ref reader, lines, displayPath);
            if (reader.Read())
            {
                throw new InputException($"{displayPath}:{lines.At(reader.TokenStartIndex)}: invalid JSON: more content after the template's closing brace.");
            }

            return root;
        }
        catch (JsonException ex)
        {
            var at = ex.LineNumber is { } line ? $":{lines.At((int)line + 1, ex.BytePositionInLine ?? 0)}" : "";
            throw new InputException($"{displayPath}{at}: invalid JSON: {JsonErrors.Reason(ex)}");
        }
    }

    private static TemplateNode ReadValue(ref Utf8JsonReader reader, LineIndex lines, string displayPath)
    {
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var entries = new List<MapEntry>();
                var keys = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var keyPosition = lines.At(reader.TokenStartIndex);
                    var key = reader.GetString()!;
                    if (!keys.Add(key))
                    {
                        throw new InputException($"{displayPath}:{keyPosition}: invalid template: the key \"{key}\" appears twice in the same object.");
                    }

                    reader.Read();
                    entries.Add(new MapEntry(key, keyPosition, ReadValue(ref reader, lines, displayPath)));
                }

                return new MapNode(entries, position);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<TemplateNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines, displayPath));
                }

                return new ListNode(items, position);
            }

            case JsonTokenType.String:
                return new ScalarNode(reader.GetString(), ScalarKind.String, position);
            case JsonTokenType.Number:
                return new ScalarNode(Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number, position);
            case JsonTokenType.True:
                return new ScalarNode("true", ScalarKind.Boolean, position);
            case JsonTokenType.False:
                return new ScalarNode("false", ScalarKind.Boolean, position);
            case JsonTokenType.Null:
                return new ScalarNode(null, ScalarKind.Null, position);
            default:
                throw new InputException($"{displayPath}:{position}: invalid JSON: unexpected {reader.TokenType}.");
        }
    }
}
