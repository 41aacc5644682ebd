using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Compliance.Rules.Events;

/// <summary>The pattern of a rule is not one EventBridge would accept, or uses a matcher this evaluator does not know.</summary>
internal sealed class EventPatternException(string message) : Exception(message);

/// <summary>
/// An EventBridge event pattern, parsed as JSON and evaluated as EventBridge does: every field of the pattern must match;
/// a field's array of matchers matches when any matcher does; an array value in the event matches when any element does;
/// nested objects descend (into every element of an array of objects); "$or" takes alternatives. Matchers: literal strings,
/// numbers, booleans and null, and the content filters prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric,
/// exists and cidr. Fields the event lacks match only {"exists": false}.
/// </summary>
internal sealed class EventPattern
{
    private readonly JsonObject _root;

    private EventPattern(JsonObject root) => _root = root;

    /// <summary>Parses a pattern; throws <see cref="EventPatternException"/> when it is not a JSON object of the pattern grammar.</summary>
    public static EventPattern Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new EventPatternException($"not JSON ({ex.Message})");
        }

        var pattern = node as JsonObject ?? throw new EventPatternException("not a JSON object");
        Validate(pattern);
        return new EventPattern(pattern);
    }

    /// <summary>True when the event matches.</summary>
    public bool Matches(JsonObject @event) => MatchesObject(_root, @event);

    private static void Validate(JsonObject pattern)
    {
        foreach (var (key, value) in pattern)
        {
            switch (value)
            {
                case JsonObject nested:
                    Validate(nested);
                    break;
                case JsonArray alternatives when key == "$or":
                    foreach (var alternative in alternatives)
                    {
                        Validate(alternative as JsonObject ?? throw new EventPatternException("$or takes objects"));
                    }

                    break;
                case JsonArray matchers:
                    foreach (var matcher in matchers.OfType<JsonObject>())
                    {
                        if (matcher.Count != 1 || !KnownMatchers.Contains(matcher.First().Key) || !WellFormed(matcher.First()))
                        {
                            throw new EventPatternException($"unsupported matcher {matcher.ToJsonString()} on '{key}'");
                        }
                    }

                    break;
                default:
                    throw new EventPatternException($"'{key}' must be an object or an array");
            }
        }
    }

    /// <summary>The operand shapes EventBridge accepts for the matchers whose shape this evaluator relies on.</summary>
    private static bool WellFormed(KeyValuePair<string, JsonNode?> matcher) => matcher switch
    {
        { Key: "exists", Value: JsonValue v } => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        { Key: "numeric", Value: JsonArray conditions } => conditions.Count % 2 == 0 && conditions.Count > 0,
        { Key: "anything-but", Value: JsonObject filter } => filter.Count == 1 && filter.First().Key is "prefix" or "suffix" or "equals-ignore-case" or "wildcard",
        { Key: "exists" or "numeric" } => false,
        _ => true,
    };

    private static readonly HashSet<string> KnownMatchers = new(StringComparer.Ordinal)
    {
        "prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "exists", "cidr",
    };

    private static bool MatchesObject(JsonObject pattern, JsonObject? @event)
    {
        foreach (var (key, expected) in pattern)
        {
            if (key == "$or")
            {
                if (!((JsonArray)expected!).OfType<JsonObject>().Any(alternative => MatchesObject(alternative, @event)))
                {
                    return false;
                }

                continue;
            }

            var present = @event is not null && @event.TryGetPropertyValue(key, out _);
            var actual = present ? @event![key] : null;
            var matched = expected switch
            {
                JsonObject nested => actual switch
                {
                    JsonObject child => MatchesObject(nested, child),
                    JsonArray items => items.OfType<JsonObject>().Any(child => MatchesObject(nested, child)),
                    _ => MatchesObject(nested, null),
                },
                JsonArray matchers => MatchesField(matchers, present, actual),
                _ => false,
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesField(JsonArray matchers, bool present, JsonNode? actual)
    {
        var values = actual is JsonArray array ? array.ToList() : [actual];
        foreach (var matcher in matchers)
        {
            if (matcher is JsonObject filter && filter.First() is { Key: "exists" } exists)
            {
                if (exists.Value?.GetValue<bool>() == present)
                {
                    return true;
                }

                continue;
            }

            if (present && values.Any(value => matcher is JsonObject content ? MatchesContent(content.First(), value) : Equal(matcher, value)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesContent(KeyValuePair<string, JsonNode?> filter, JsonNode? value)
    {
        var text = Text(value);
        return filter.Key switch
        {
            "prefix" => text is not null && StringTest(filter.Value, text, (t, p, c) => t.StartsWith(p, c)),
            "suffix" => text is not null && StringTest(filter.Value, text, (t, s, c) => t.EndsWith(s, c)),
            "equals-ignore-case" => text is not null && Strings(filter.Value).Any(s => string.Equals(s, text, StringComparison.OrdinalIgnoreCase)),
            "wildcard" => text is not null && Strings(filter.Value).Any(w => Wildcard(w, text)),
            "anything-but" => value is not null && !AnythingButExcludes(filter.Value, value, text),
            "numeric" => Number(value) is { } number && Numeric(filter.Value as JsonArray, number),
            "cidr" => text is not null && IPAddress.TryParse(text, out var address) && IPNetwork.TryParse(Text(filter.Value) ?? "", out var network) && network.Contains(address),
            _ => false,
        };
    }

    /// <summary>prefix / suffix take a string, or {"equals-ignore-case": string}.</summary>
    private static bool StringTest(JsonNode? operand, string text, Func<string, string, StringComparison, bool> test) =>
        operand is JsonObject { Count: 1 } ignoreCase && ignoreCase.First().Key == "equals-ignore-case"
            ? Text(ignoreCase.First().Value) is { } folded && test(text, folded, StringComparison.OrdinalIgnoreCase)
            : Text(operand) is { } exact && test(text, exact, StringComparison.Ordinal);

    /// <summary>True when anything-but's operand rules the value out.</summary>
    private static bool AnythingButExcludes(JsonNode? operand, JsonNode value, string? text) => operand switch
    {
        JsonArray excluded => excluded.Any(e => Equal(e, value)),
        JsonObject { Count: 1 } filter when filter.First().Key is "prefix" or "suffix" or "equals-ignore-case" or "wildcard" => MatchesContent(filter.First(), value),
        _ => Equal(operand, value),
    };

    private static bool Numeric(JsonArray? conditions, double number)
    {
        if (conditions is null || conditions.Count % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < conditions.Count; i += 2)
        {
            if (Text(conditions[i]) is not { } op || Number(conditions[i + 1]) is not { } bound)
            {
                return false;
            }

            var holds = op switch
            {
                "=" => number == bound,
                "<" => number < bound,
                "<=" => number <= bound,
                ">" => number > bound,
                ">=" => number >= bound,
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Equal(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        if (expected is not JsonValue e || actual is not JsonValue a)
        {
            return false;
        }

        return (e.GetValueKind(), a.GetValueKind()) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => e.GetValue<string>() == a.GetValue<string>(),
            (JsonValueKind.Number, JsonValueKind.Number) => Number(e) == Number(a),
            (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => e.GetValueKind() == a.GetValueKind(),
            _ => false,
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray items => items.Select(Text).OfType<string>(),
        _ => Text(node) is { } single ? [single] : [],
    };

    private static bool Wildcard(string pattern, string text) =>
        Regex.IsMatch(text, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
