using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Aa = Compliance.Checker.Live.Clients.AccessAnalyzer;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// IAM Access Analyzer analyzers of one region: ListAnalyzers without a type filter (paginated), so one pass brings the
/// external, unused and internal access analyzers alike. A region without analyzers yields no record.
/// </summary>
public sealed class AccessAnalyzerCollector : ICollector
{
    /// <summary>Our service key (no hyphen); the IAM action and signing name are "access-analyzer".</summary>
    private const string ServiceKey = "accessanalyzer";

    public string Service => ServiceKey;
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.AccessAnalyzer];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["accessanalyzer:ListAnalyzers"] = "access-analyzer:ListAnalyzers",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.AccessAnalyzer))
        {
            return;
        }

        var client = Aa.AccessAnalyzerClient.For(context.Session, context.Region);
        var wanted = context.Scope.IdsFor(ResourceTypes.AccessAnalyzer)?.ToHashSet(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListAnalyzers", ResourceTypes.AccessAnalyzer,
                ct => client.ListAnalyzersAsync(new Aa.ListAnalyzersRequest { MaxResults = 100, NextToken = token }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded; the analyzers listed so far are kept
            }

            foreach (var analyzer in page.Analyzers ?? [])
            {
                if (analyzer.Name is { } name && (wanted is null || wanted.Contains(name)))
                {
                    context.Builder.Add(new AccessAnalyzer
                    {
                        Id = name,
                        Region = context.Region,
                        AccountId = context.AccountId,
                        Arn = analyzer.Arn,
                        Tags = analyzer.Tags ?? new Dictionary<string, string>(),
                        Type = analyzer.Type,
                        Status = analyzer.Status,
                    });
                }
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
