using System.Text.Json.Nodes;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// EventBridge rules, custom event buses and bus policies. A rule without EventBusName is on the default bus, without
/// State it is ENABLED; its id is its name on the default bus and "bus/name" on a custom one, as in its ARN. A bus's
/// policy is its Policy property plus every AWS::Events::EventBusPolicy statement that names it; without either it has
/// none. The account's default bus is not a resource of the template and gets no record.
/// </summary>
public sealed class EventsMapper : IResourceMapper
{
    /// <summary>Patterns as EventBridge shows them: "&gt;=" stays readable.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions PatternJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.EventsRule, ResourceTypes.EventsEventBus, ResourceTypes.EventsEventBusPolicy];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.EventsEventBus, NameProperty = "Name",
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:events:{region}:{account}:event-bus/{name}", ["Name"] = "{name}" },
        },
        new()
        {
            Type = ResourceTypes.EventsRule, NameProperty = "Name",
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:events:{region}:{account}:rule/{name}" },
        },
    ];

    public void Map(MappingContext context)
    {
        var statements = new Dictionary<string, List<PolicyStatement>>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in context.Resources(ResourceTypes.EventsEventBusPolicy))
        {
            var p = declared.Properties;
            var busName = BusName(p.String("EventBusName", absent: "default"));
            if (busName is null)
            {
                context.NotJudged(declared, $"the event bus it applies to cannot be decided ({p.UnknownReason("EventBusName")})");
                continue;
            }

            if (busName == "default")
            {
                continue; // the default bus is not judged (Events.EventBus.1 covers custom buses)
            }

            if (context.Find(ResourceTypes.EventsEventBus, busName) is not { } bus)
            {
                context.NotJudged(declared, $"its event bus {busName} is not declared in this scan");
                continue;
            }

            if (Statement(declared, bus, out var problem) is { } statement)
            {
                statements.TryAdd(bus.Name, []);
                statements[bus.Name].Add(statement);
            }
            else
            {
                unknown.Add(bus.Name);
                context.NotJudged(declared, $"{problem}, so the policy of event bus {bus.LogicalId} is unknown");
            }
        }

        foreach (var bus in context.Resources(ResourceTypes.EventsEventBus))
        {
            var p = bus.Properties;
            var own = p.Policy("Policy", out var problem);
            if (problem is not null)
            {
                context.NotJudged(bus, $"{problem}; its policy is unknown");
            }

            var all = (own?.Statements ?? []).Concat(statements.GetValueOrDefault(bus.Name) ?? []).ToList();
            context.Add(new EventBus
            {
                Id = bus.Name, Region = bus.Region, AccountId = bus.AccountId, Tags = p.Tags(), Arn = bus.Attribute("Arn"),
                Policy = problem is not null || unknown.Contains(bus.Name) ? null : all.Count == 0 ? PolicyDocument.Empty : new PolicyDocument("2012-10-17", all),
            }, bus);
        }

        foreach (var rule in context.Resources(ResourceTypes.EventsRule))
        {
            var p = rule.Properties;
            if (BusName(p.String("EventBusName", absent: "default")) is not { } busName)
            {
                context.NotJudged(rule, $"its event bus cannot be decided ({p.UnknownReason("EventBusName")})");
                continue;
            }

            var id = busName == "default" ? rule.Name : $"{busName}/{rule.Name}";
            context.Add(new EventsRule
            {
                // AWS::Events::Rule has no Tags property (its Tag type is for ECS targets): a rule's tags come from stack tags or TagResource.
                Id = id, Region = rule.Region, AccountId = rule.AccountId, TagsUnknown = true,
                Arn = $"arn:{rule.Partition}:events:{rule.Region}:{rule.AccountId}:rule/{id}",
                Name = rule.Name,
                EventBusName = busName,
                State = p.String("State", absent: "ENABLED"),
                EventPattern = p["EventPattern"] switch
                {
                    null or CfnNull => "",
                    CfnScalar s => s.Value,
                    CfnMap m when m.IsKnown => NumericOperands(m.ToJson()!).ToJsonString(PatternJson),
                    _ => null,
                },
                ScheduleExpression = p.String("ScheduleExpression", absent: ""),
                ManagedBy = "",
                Targets = Targets(p),
            }, rule);
        }
    }

    /// <summary>
    /// The template keeps scalars as text, so a pattern written as an object carries "7" where JSON had 7; the operands of
    /// a "numeric" filter are numbers (EventBridge rejects text there), so they become numbers again.
    /// </summary>
    private static JsonNode NumericOperands(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "numeric" && value is JsonArray operands)
                    {
                        obj[key] = new JsonArray(operands.Select(o => o is JsonValue v && v.TryGetValue<string>(out var text)
                            && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
                            ? JsonValue.Create(number) : o?.DeepClone()).ToArray());
                    }
                    else if (value is not null)
                    {
                        NumericOperands(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    NumericOperands(item);
                }

                break;
        }

        return node;
    }

    /// <summary>A bus named by name or ARN, as its name; null when unknown.</summary>
    private static string? BusName(string? reference) =>
        reference is null ? null
        : AwsArn.Parse(reference) is { Service: "events" } arn && arn.Resource.StartsWith("event-bus/", StringComparison.Ordinal) ? arn.Resource["event-bus/".Length..]
        : reference;

    /// <summary>The targets; null when any of them (or the list) cannot be decided.</summary>
    private static IReadOnlyList<EventsTarget>? Targets(Props p)
    {
        if (p.Maps("Targets") is not { } targets)
        {
            return null;
        }

        var result = new List<EventsTarget>();
        foreach (var target in targets)
        {
            if (target.String("Id") is not { } id || target.String("Arn") is not { } arn || target.String("RoleArn", absent: "") is not { } role
                || target.Map("DeadLetterConfig") is not { } dlq || target.Map("RetryPolicy") is not { } retry)
            {
                return null;
            }

            EventsDeadLetterConfig? deadLetter = null;
            if (target.Has("DeadLetterConfig"))
            {
                if (dlq.Has("Arn") && dlq.String("Arn") is null)
                {
                    return null;
                }

                deadLetter = dlq.String("Arn") is { } queueArn ? new EventsDeadLetterConfig(queueArn) : null;
            }

            EventsRetryPolicy? retryPolicy = null;
            if (target.Has("RetryPolicy"))
            {
                var attempts = retry.Int("MaximumRetryAttempts");
                var age = retry.Int("MaximumEventAgeInSeconds");
                if ((retry.Has("MaximumRetryAttempts") && attempts is null) || (retry.Has("MaximumEventAgeInSeconds") && age is null))
                {
                    return null;
                }

                retryPolicy = new EventsRetryPolicy(attempts, age);
            }

            result.Add(new EventsTarget { Id = id, Arn = arn, RoleArn = role, DeadLetterConfig = deadLetter, RetryPolicy = retryPolicy });
        }

        return result;
    }

    /// <summary>
    /// The statement a bus policy adds: its Statement as written, or the one the older Action/Principal/Condition form
    /// produces (an account principal, or "*" restricted by the condition). Null with the reason when it cannot be decided.
    /// </summary>
    private static PolicyStatement? Statement(DeclaredResource declared, DeclaredResource bus, out string? problem)
    {
        var p = declared.Properties;
        problem = null;
        var sid = p.String("StatementId");
        if (p.Has("Statement"))
        {
            if (p["Statement"] is not { IsKnown: true } written || written.ToJson() is not { } json)
            {
                problem = $"its Statement cannot be decided ({p.UnknownReason("Statement") ?? "not an object"})";
                return null;
            }

            try
            {
                var parsed = PolicyDocumentJsonConverter.Parse(new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(json.DeepClone()) }.ToJsonString());
                var statement = parsed.Statements.Single();
                return statement.Sid is null ? statement with { Sid = sid } : statement;
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                problem = $"its Statement is not a policy statement ({ex.Message})";
                return null;
            }
        }

        var principal = p.String("Principal");
        var action = p.String("Action");
        var condition = p.Map("Condition");
        if (principal is null || action is null || condition is null)
        {
            problem = $"a value of it cannot be decided ({p.UnknownReason("Principal") ?? p.UnknownReason("Action") ?? p.UnknownReason("Condition") ?? "Principal or Action is not written"})";
            return null;
        }

        var conditions = new List<PolicyCondition>();
        if (p.Has("Condition"))
        {
            if (condition.String("Type") is not { } type || condition.String("Key") is not { } key || condition.String("Value") is not { } value)
            {
                problem = $"its Condition cannot be decided ({p.UnknownReason("Condition") ?? "Type, Key or Value is not written"})";
                return null;
            }

            conditions.Add(new PolicyCondition(type, key, [value]));
        }

        return new PolicyStatement
        {
            Sid = sid,
            Effect = "Allow",
            Principal = principal == "*"
                ? new PolicyPrincipal(true, new Dictionary<string, IReadOnlyList<string>>())
                : new PolicyPrincipal(false, new Dictionary<string, IReadOnlyList<string>>
                {
                    ["AWS"] = [principal.Length == 12 && principal.All(char.IsAsciiDigit) ? $"arn:{declared.Partition}:iam::{principal}:root" : principal],
                }),
            Actions = [action],
            Resources = [bus.Attribute("Arn")!],
            Conditions = conditions,
        };
    }
}
