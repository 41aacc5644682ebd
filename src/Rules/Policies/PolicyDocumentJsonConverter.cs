using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// Reads and writes <see cref="PolicyDocument"/> in the IAM JSON grammar. A JSON string holding a policy
/// (as GetBucketPolicy and GetKeyPolicy return it) is accepted too.
/// </summary>
public sealed class PolicyDocumentJsonConverter : JsonConverter<PolicyDocument>
{
    public override PolicyDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            node = string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text);
        }

        return Parse(node as JsonObject ?? throw new JsonException("Expected a policy document (a JSON object with a Statement list)."));
    }

    /// <summary>Parses a policy from its JSON text.</summary>
    /// <exception cref="JsonException">The text is not a policy document.</exception>
    public static PolicyDocument Parse(string json) =>
        Parse(JsonNode.Parse(json) as JsonObject ?? throw new JsonException("Expected a policy document (a JSON object)."));

    private static PolicyDocument Parse(JsonObject root)
    {
        var version = Property(root, "Version")?.GetValue<string>();
        var statementNode = Property(root, "Statement");
        var statements = statementNode switch
        {
            null => [],
            JsonArray array => array.Select(s => ParseStatement(s as JsonObject ?? throw new JsonException("Each Statement must be an object."))).ToList(),
            JsonObject single => [ParseStatement(single)],
            _ => throw new JsonException("Statement must be an object or a list of objects."),
        };
        return new PolicyDocument(version, statements);
    }

    private static PolicyStatement ParseStatement(JsonObject s) => new()
    {
        Sid = Property(s, "Sid")?.ToString(),
        Effect = Property(s, "Effect")?.ToString() ?? throw new JsonException("A statement has no Effect."),
        Principal = ParsePrincipal(Property(s, "Principal")),
        NotPrincipal = ParsePrincipal(Property(s, "NotPrincipal")),
        Actions = Strings(Property(s, "Action")),
        NotActions = Strings(Property(s, "NotAction")),
        Resources = Strings(Property(s, "Resource")),
        NotResources = Strings(Property(s, "NotResource")),
        Conditions = ParseConditions(Property(s, "Condition")),
    };

    private static PolicyPrincipal? ParsePrincipal(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.ToString() == "*" => new PolicyPrincipal(true, new Dictionary<string, IReadOnlyList<string>>()),
        JsonObject o => new PolicyPrincipal(false, o.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)Strings(p.Value), StringComparer.OrdinalIgnoreCase)),
        _ => throw new JsonException("Principal must be \"*\" or an object of principal types."),
    };

    private static List<PolicyCondition> ParseConditions(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject operators)
        {
            throw new JsonException("Condition must be an object of operators.");
        }

        var conditions = new List<PolicyCondition>();
        foreach (var (op, keys) in operators)
        {
            if (keys is not JsonObject keyObject)
            {
                throw new JsonException($"Condition operator {op} must map keys to values.");
            }

            conditions.AddRange(keyObject.Select(k => new PolicyCondition(op, k.Key, Strings(k.Value))));
        }

        return conditions;
    }

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(Scalar).ToList(),
        _ => [Scalar(node)],
    };

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "false",
        JsonValue v => v.ToString(),
        _ => throw new JsonException("Expected a string, number or boolean."),
    };

    private static JsonNode? Property(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public override void Write(Utf8JsonWriter writer, PolicyDocument value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Version is not null)
        {
            writer.WriteString("Version", value.Version);
        }

        writer.WriteStartArray("Statement");
        foreach (var s in value.Statements)
        {
            WriteStatement(writer, s);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStatement(Utf8JsonWriter writer, PolicyStatement s)
    {
        writer.WriteStartObject();
        if (s.Sid is not null)
        {
            writer.WriteString("Sid", s.Sid);
        }

        writer.WriteString("Effect", s.Effect);
        WritePrincipal(writer, "Principal", s.Principal);
        WritePrincipal(writer, "NotPrincipal", s.NotPrincipal);
        WriteList(writer, "Action", s.Actions);
        WriteList(writer, "NotAction", s.NotActions);
        WriteList(writer, "Resource", s.Resources);
        WriteList(writer, "NotResource", s.NotResources);
        if (s.Conditions.Count > 0)
        {
            writer.WriteStartObject("Condition");
            foreach (var byOperator in s.Conditions.GroupBy(c => c.Operator))
            {
                writer.WriteStartObject(byOperator.Key);
                foreach (var c in byOperator)
                {
                    WriteList(writer, c.Key, c.Values, always: true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WritePrincipal(Utf8JsonWriter writer, string name, PolicyPrincipal? principal)
    {
        if (principal is null)
        {
            return;
        }

        if (principal.Everyone)
        {
            writer.WriteString(name, "*");
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (type, values) in principal.ByType)
        {
            WriteList(writer, type, values, always: true);
        }

        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values, bool always = false)
    {
        if (values.Count == 0 && !always)
        {
            return;
        }

        if (values.Count == 1)
        {
            writer.WriteString(name, values[0]);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }
}
