using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Compliance.Rules;

namespace Compliance.Checker.Reporting.Formats;

/// <summary>
/// SARIF 2.1.0 for code review. FAIL and ERROR findings become results; a finding from a template carries its
/// file, line and column as a physical location, others name the resource as a logical location.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Format => "sarif";

    public async Task WriteAsync(ScanReport report, TextWriter output, CancellationToken cancellationToken)
    {
        var ruleIndex = report.Rules.Select((r, i) => (r.RuleId, i)).ToDictionary(x => x.RuleId, x => x.i);
        var results = new JsonArray();
        foreach (var f in FindingOrder.Sort(report.Findings).Where(f => f.Status is ComplianceStatus.Fail or ComplianceStatus.Error))
        {
            results.Add(Result(f, ruleIndex[f.RuleId]));
        }

        var sarif = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = report.Tool.Name,
                        ["semanticVersion"] = report.Tool.Version,
                        ["rules"] = new JsonArray(report.Rules.Select(RuleDescriptorNode).ToArray<JsonNode?>()),
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = true,
                    ["startTimeUtc"] = report.StartedAt.UtcDateTime.ToString("O"),
                    ["endTimeUtc"] = report.FinishedAt.UtcDateTime.ToString("O"),
                }),
                ["automationDetails"] = new JsonObject { ["id"] = $"compliance/{report.Source.Kind}/{report.ScanId}" },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        await output.WriteLineAsync(sarif.ToJsonString(new() { WriteIndented = true }).AsMemory(), cancellationToken);
    }

    private static JsonObject RuleDescriptorNode(RuleSummary rule) => new()
    {
        ["id"] = rule.RuleId,
        ["name"] = PascalName(rule.RuleId),
        ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Rationale },
        ["help"] = new JsonObject
        {
            ["text"] = $"{rule.Rationale} See {rule.HelpLink}.",
            ["markdown"] = $"{rule.Rationale}\n\nSee [{rule.RuleId}]({rule.HelpLink}).",
        },
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
        ["properties"] = new JsonObject
        {
            ["security-severity"] = SecuritySeverity(rule.Severity),
            ["severity"] = rule.Severity.ToWireName(),
            ["tags"] = new JsonArray("security", "compliance"),
        },
    };

    private static JsonObject Result(Finding f, int ruleIndex)
    {
        var result = new JsonObject
        {
            ["ruleId"] = f.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["kind"] = "fail",
            ["level"] = f.Status == ComplianceStatus.Error ? "warning" : Level(f.Severity),
            ["message"] = new JsonObject { ["text"] = f.Status == ComplianceStatus.Error ? $"Could not evaluate: {f.Message}" : f.Message },
            ["locations"] = new JsonArray(Location(f)),
            ["partialFingerprints"] = new JsonObject { ["complianceResource/v1"] = Fingerprint(f) },
            ["properties"] = new JsonObject
            {
                ["status"] = f.Status.ToWireName(),
                ["resourceType"] = f.Resource.Type,
                ["region"] = f.Resource.Region,
                ["accountId"] = f.Resource.AccountId,
                ["evidence"] = new JsonObject(f.Evidence.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))),
            },
        };
        return result;
    }

    private static JsonObject Location(Finding f)
    {
        var logical = new JsonArray(new JsonObject
        {
            ["name"] = f.Location?.LogicalId ?? f.Resource.Id,
            ["fullyQualifiedName"] = f.Resource.Arn ?? $"{f.Resource.Type}/{f.Resource.Region}/{f.Resource.Id}",
            ["kind"] = "resource",
        });
        if (f.Location is null)
        {
            return new JsonObject { ["logicalLocations"] = logical };
        }

        return new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = ArtifactUri(f.Location.File) },
                ["region"] = new JsonObject { ["startLine"] = f.Location.Line, ["startColumn"] = f.Location.Column },
            },
            ["logicalLocations"] = logical,
        };
    }

    /// <summary>A relative path as a relative URI reference with forward slashes; a path outside the working directory as a file: URI.</summary>
    private static string ArtifactUri(string file)
    {
        var path = file.Replace('\\', '/');
        return Path.IsPathRooted(file) ? new Uri(file).AbsoluteUri : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };

    private static string PascalName(string ruleId) => string.Concat(ruleId.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Fingerprint(Finding f) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{f.RuleId}|{f.Resource.Type}|{f.Resource.AccountId}|{f.Resource.Region}|{f.Resource.Id}")))[..32];
}
