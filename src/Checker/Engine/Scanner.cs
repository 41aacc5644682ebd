using Compliance.Checker.Remediation.Suppressions;
using Compliance.Checker.Reporting;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Engine;

/// <summary>
/// One scan from inventory to report: the path every trigger shares (CLI, and later the Lambda handler). Between
/// evaluation and the report, accepted risks apply: suppressions and the resources' compliance:exempt tags. A template
/// scan passes where each resource is declared, and its findings carry that location.
/// </summary>
public sealed class Scanner(TimeProvider clock)
{
    private readonly Evaluator _evaluator = new();

    public Scanner() : this(TimeProvider.System)
    {
    }

    public ScanReport Scan(
        AwsInventory inventory,
        IReadOnlyList<IComplianceRule> rules,
        ScanSource source,
        SourceKind kind,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameters = null,
        Live.CollectionStats? collection = null,
        IReadOnlyList<Suppression>? suppressions = null,
        IReadOnlyDictionary<(string Type, string Id), SourceLocation>? locations = null)
    {
        var started = clock.GetUtcNow();
        var evaluated = _evaluator.Evaluate(inventory, rules, kind, parameters);
        if (locations is not null)
        {
            evaluated = FindingLocations.Attach(evaluated, rules, locations);
        }

        var findings = SuppressionFilter.Apply(evaluated, inventory, suppressions ?? [], started);
        return ReportBuilder.Build(NewScanId(started), started, clock.GetUtcNow(), source, inventory, rules, findings, collection);
    }

    /// <summary>Sortable and unique: "20261122T142853Z-1a2b3c4d".</summary>
    private static string NewScanId(DateTimeOffset at) => $"{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}";
}
