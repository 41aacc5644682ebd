using System.Text.Json;

namespace Compliance.Checker.Function;

/// <summary>
/// Turns an invocation payload into a <see cref="FunctionRequest"/>: the EventBridge envelope (scheduled event or
/// "AWS API Call via CloudTrail"), a bare CloudTrail record, or an on-demand request. Never throws.
/// </summary>
public static class EventParser
{
    public static readonly IReadOnlySet<string> SecurityGroupEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
        "RevokeSecurityGroupEgress", "CreateSecurityGroup", "ModifySecurityGroupRules",
    };

    public static FunctionRequest Parse(ReadOnlySpan<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return new FunctionRequest.Invalid($"The event is not valid JSON: {ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new FunctionRequest.Invalid($"The event must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}.");
            }

            if (Text(root, "detail-type") is { } detailType)
            {
                return Envelope(root, detailType);
            }

            if (Text(root, "eventSource") is not null && Text(root, "eventName") is not null)
            {
                return CloudTrail(root, Text(root, "recipientAccountId"), Text(root, "awsRegion"));
            }

            if (Text(root, "action") is { } action)
            {
                return action == "scan" ? OnDemand(root) : new FunctionRequest.Invalid($"Unknown action '{action}'; the only action is \"scan\".");
            }

            return new FunctionRequest.Invalid("Unrecognised event: expected an EventBridge event (detail-type), a CloudTrail record (eventSource, eventName) or an on-demand request ({\"action\": \"scan\"}).");
        }
    }

    private static FunctionRequest Envelope(JsonElement root, string detailType)
    {
        var account = Text(root, "account");
        var region = Text(root, "region");
        switch (detailType)
        {
            case "Scheduled Event":
                return new FunctionRequest.Scheduled(account, region, Text(root, "id"));
            case "AWS API Call via CloudTrail":
                if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
                {
                    return new FunctionRequest.Invalid("A CloudTrail event without a detail object.");
                }

                return CloudTrail(detail, account ?? Text(detail, "recipientAccountId"), region ?? Text(detail, "awsRegion"));
            default:
                return new FunctionRequest.Invalid($"Unsupported EventBridge detail-type '{detailType}'.");
        }
    }

    private static FunctionRequest CloudTrail(JsonElement record, string? account, string? region)
    {
        var name = Text(record, "eventName") ?? "";
        if (Text(record, "eventSource") != "ec2.amazonaws.com" || !SecurityGroupEvents.Contains(name))
        {
            return new FunctionRequest.Invalid($"Unsupported CloudTrail event {Text(record, "eventSource")} {name}; only the security-group API calls are handled.");
        }

        if (Text(record, "errorCode") is { } errorCode)
        {
            return new FunctionRequest.Ignored($"{name} failed ({errorCode}); nothing changed, nothing to scan.");
        }

        if (account is null || region is null)
        {
            return new FunctionRequest.Invalid($"The {name} event names no account or region.");
        }

        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var ruleIds = new SortedSet<string>(StringComparer.Ordinal);
        record.TryGetProperty("requestParameters", out var request);
        record.TryGetProperty("responseElements", out var response);

        Add(ids, Text(request, "groupId"));
        Add(ids, Text(response, "groupId"));
        Add(ids, Text(Path(request, "ModifySecurityGroupRulesRequest"), "GroupId"));
        foreach (var rule in Items(Path(response, "securityGroupRuleSet")).Concat(Items(Path(response, "revokedSecurityGroupRuleSet"))))
        {
            Add(ids, Text(rule, "groupId"));
            Add(ruleIds, Text(rule, "securityGroupRuleId"));
        }

        foreach (var rule in Items(Path(request, "ModifySecurityGroupRulesRequest", "SecurityGroupRule")))
        {
            Add(ruleIds, Text(rule, "SecurityGroupRuleId"));
        }

        if (ids.Count == 0)
        {
            Add(names, Text(request, "groupName"));
        }

        return ids.Count == 0 && names.Count == 0
            ? new FunctionRequest.Invalid($"The {name} event names no security group (no groupId in requestParameters or responseElements, no groupName).")
            : new FunctionRequest.SecurityGroupChange(account, region, name, Text(record, "eventID"), [.. ids], [.. names], [.. ruleIds]);
    }

    private static FunctionRequest OnDemand(JsonElement root)
    {
        RemediationMode? mode;
        switch (Text(root, "remediation"))
        {
            case null: mode = null; break;
            case "off": mode = RemediationMode.Off; break;
            case "dry-run": mode = RemediationMode.DryRun; break;
            case "enforce": mode = RemediationMode.Enforce; break;
            case var other: return new FunctionRequest.Invalid($"remediation '{other}' is not off, dry-run or enforce.");
        }

        return new FunctionRequest.OnDemand(Strings(root, "rules"), Strings(root, "exclude"), Strings(root, "regions"), mode, Strings(root, "securityGroupIds"));
    }

    /// <summary>A string member; numbers become their text (CloudTrail writes ports and ids either way); null when absent.</summary>
    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static JsonElement Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return default;
            }
        }

        return element;
    }

    /// <summary>CloudTrail's EC2 lists: {"items": [...]}, a bare array, or a single object.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array => items.EnumerateArray(),
        JsonValueKind.Array => element.EnumerateArray(),
        JsonValueKind.Object => [element],
        _ => [],
    };

    private static IReadOnlyList<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static void Add(ISet<string> set, string? value)
    {
        if (value is not null)
        {
            set.Add(value);
        }
    }
}
