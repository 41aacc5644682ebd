using System.Text.Json.Nodes;
using Compliance.Rules;

namespace Compliance.Checker.Reporting.Formats;

/// <summary>
/// OCSF 1.3.0 Detection Finding (class 2004) events, one per FAIL, ERROR or EXEMPT finding, as a JSON array
/// (what Amazon Security Lake and SIEMs ingest). PASS and NOT_APPLICABLE are not findings in OCSF's sense.
/// </summary>
public sealed class OcsfReportWriter : IReportWriter
{
    public const string OcsfVersion = "1.3.0";
    public const int DetectionFindingClass = 2004;

    public string Format => "ocsf";

    public async Task WriteAsync(ScanReport report, TextWriter output, CancellationToken cancellationToken)
    {
        var titles = report.Rules.ToDictionary(r => r.RuleId, r => r.Title);
        var time = report.FinishedAt.ToUnixTimeMilliseconds();
        var events = new JsonArray();
        foreach (var f in FindingOrder.Sort(report.Findings).Where(f => f.Status is ComplianceStatus.Fail or ComplianceStatus.Error or ComplianceStatus.Exempt))
        {
            events.Add(Event(f, titles[f.RuleId], report, time));
        }

        await output.WriteLineAsync(events.ToJsonString(new() { WriteIndented = true }).AsMemory(), cancellationToken);
    }

    private static JsonObject Event(Finding f, string title, ScanReport report, long time)
    {
        var (severityId, severity) = f.Severity switch
        {
            Severity.Critical => (5, "Critical"),
            Severity.High => (4, "High"),
            Severity.Medium => (3, "Medium"),
            _ => (2, "Low"),
        };
        var (statusId, status) = f.Status == ComplianceStatus.Exempt ? (3, "Suppressed") : (1, "New");
        return new JsonObject
        {
            ["activity_id"] = 1,
            ["activity_name"] = "Create",
            ["category_uid"] = 2,
            ["category_name"] = "Findings",
            ["class_uid"] = DetectionFindingClass,
            ["class_name"] = "Detection Finding",
            ["type_uid"] = DetectionFindingClass * 100 + 1,
            ["type_name"] = "Detection Finding: Create",
            ["severity_id"] = severityId,
            ["severity"] = severity,
            ["status_id"] = statusId,
            ["status"] = status,
            ["status_detail"] = f.Status == ComplianceStatus.Error ? "ERROR: the rule could not be evaluated" : f.Status.ToWireName(),
            ["time"] = time,
            ["message"] = f.Message,
            ["finding_info"] = new JsonObject
            {
                ["uid"] = $"{report.ScanId}/{f.RuleId}/{f.Resource.AccountId}/{f.Resource.Region}/{f.Resource.Id}",
                ["title"] = title,
                ["desc"] = f.Message,
                ["types"] = new JsonArray("Compliance"),
                ["created_time"] = time,
                ["analytic"] = new JsonObject { ["uid"] = f.RuleId, ["name"] = title, ["type_id"] = 1, ["type"] = "Rule" },
            },
            ["resources"] = new JsonArray(new JsonObject
            {
                ["uid"] = f.Resource.Arn ?? f.Resource.Id,
                ["name"] = f.Resource.Id,
                ["type"] = f.Resource.Type,
                ["region"] = f.Resource.Region,
                ["cloud_partition"] = "aws",
                ["owner"] = new JsonObject { ["account"] = Account(f.Resource.AccountId) },
            }),
            ["cloud"] = new JsonObject { ["provider"] = "AWS", ["region"] = f.Resource.Region, ["account"] = Account(f.Resource.AccountId) },
            ["metadata"] = new JsonObject
            {
                ["version"] = OcsfVersion,
                ["product"] = new JsonObject { ["name"] = "Compliance", ["vendor_name"] = "Compliance", ["uid"] = report.Tool.Name, ["version"] = report.Tool.Version },
                ["event_code"] = f.RuleId,
                ["correlation_uid"] = report.ScanId,
            },
            ["unmapped"] = new JsonObject
            {
                ["compliance_status"] = f.Status.ToWireName(),
                ["evidence"] = new JsonObject(f.Evidence.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))),
            },
        };
    }

    private static JsonObject Account(string accountId) => new() { ["uid"] = accountId, ["type_id"] = 10, ["type"] = "AWS Account" };
}
