using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Compliance.Checker.Json;
using Compliance.Rules;

namespace Compliance.Checker.Snapshots;

/// <summary>
/// How the streaming snapshot read keeps an inventory small: every short string (regions, accounts, tag keys and
/// values, key ARNs, protocols) is read once and shared by every record that repeats it, and string maps (tags)
/// are kept as <see cref="StringMap"/>s. Read from JSON, a 100,000-resource inventory took about twice the memory
/// of the same inventory built in memory, almost all of it repeated text. The pool lives for one read.
/// </summary>
internal static class SnapshotReading
{
    private static readonly AsyncLocal<StringPool?> CurrentPool = new();

    /// <summary>
    /// The snapshot contract as the document check reads it: JsonDocument's defaults admit no comments and no trailing
    /// commas, so the streaming read does not either, and a file is accepted by both or by neither.
    /// </summary>
    public static JsonTypeInfo<Snapshot> TypeInfo { get; } = (JsonTypeInfo<Snapshot>)new JsonSerializerOptions(ComplianceJson.Options)
    {
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        Converters = { new PooledStringConverter(), new StringMapConverter() },
    }.GetTypeInfo(typeof(Snapshot));

    /// <summary>Deserializes with a string pool of its own, dropped when the read ends.</summary>
    public static async ValueTask<Snapshot?> DeserializeAsync(Stream stream, CancellationToken cancellationToken)
    {
        CurrentPool.Value = new StringPool();
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, TypeInfo, cancellationToken);
        }
        finally
        {
            CurrentPool.Value = null;
        }
    }

    private sealed class StringPool
    {
        /// <summary>Longer strings are read as they are: rarely repeated, and a key ARN fits.</summary>
        public const int MaxBytes = 128;

        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The token's string, shared when it was read before; null when the token is not a plain short string.</summary>
        public string? Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || reader.HasValueSequence || reader.ValueIsEscaped
                || reader.ValueSpan.Length > MaxBytes || !Utf8.IsValid(reader.ValueSpan))
            {
                return null;
            }

            Span<char> chars = stackalloc char[MaxBytes];
            var text = chars[..Encoding.UTF8.GetChars(reader.ValueSpan, chars)];
            if (_lookup.TryGetValue(text, out var shared))
            {
                return shared;
            }

            var created = text.ToString();
            _strings.Add(created, created);
            return created;
        }
    }

    private sealed class PooledStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CurrentPool.Value?.Read(ref reader) ?? reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CurrentPool.Value?.Read(ref reader) ?? reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    /// <summary>A string map read as the default converter would (into a Dictionary, a repeated key keeping its last value), then compacted.</summary>
    private sealed class StringMapConverter : JsonConverter<IReadOnlyDictionary<string, string>>
    {
        public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var converter = (JsonConverter<Dictionary<string, string>>)options.GetConverter(typeof(Dictionary<string, string>));
            return StringMap.From(converter.Read(ref reader, typeof(Dictionary<string, string>), options));
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WriteString(key, item);
            }

            writer.WriteEndObject();
        }
    }
}
