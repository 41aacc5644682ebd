using Compliance.Checker.Remediation.Suppressions;
using Compliance.Checker.Reporting;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Engine;

/// <summary>
/// One scan from inventory to report: the path every trigger shares (CLI, and later the Lambda handler). Between
/// evaluation and the report, accepted risks apply: suppressions and the resources' compliance:exempt tags.
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
        IReadOnlyList<Suppression>? suppressions = null)
    {
        var started = clock.GetUtcNow();
        var findings = SuppressionFilter.Apply(_evaluator.Evaluate(inventory, rules, kind, parameters), inventory, suppressions ?? [], started);
        return ReportBuilder.Build(NewScanId(started), started, clock.GetUtcNow(), source, inventory, rules, findings, collection);
    }

    /// <summary>Sortable and unique: "20261122T142853Z-1a2b3c4d".</summary>
    private static string NewScanId(DateTimeOffset at) => $"{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}";
}
