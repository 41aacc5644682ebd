using System.Diagnostics;
using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Live;

/// <summary>Progress of one (service, region) collection, for a console display.</summary>
public sealed record CollectionProgress(string Service, string Region, bool Finished);

/// <summary>The inventory of a live account and what it cost to collect.</summary>
public sealed record LiveResult(AwsInventory Inventory, CollectionStats Stats);

/// <summary>
/// Reads a live account: resolves the account and regions, then runs every collector the scope needs, for every
/// region, concurrently under a bound and a deadline. Nothing that fails stops the scan: it becomes a collection error.
/// </summary>
public sealed class LiveSource(AwsSession session, IReadOnlyList<ICollector> collectors)
{
    public async Task<LiveResult> CollectAsync(CollectionScope scope, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(session.Options.Deadline);
        var builder = new InventoryBuilder();
        var home = session.Options.Regions.FirstOrDefault(r => r != "all") ?? DefaultRegion();
        var setup = Context(builder, home, [home], "unknown", scope);

        var account = session.Options.AccountId ?? (await setup.CallAsync("sts", "GetCallerIdentity", ResourceTypes.Account,
            ct => session.Sts(home).GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct), deadline.Token))?.Account;
        var regions = account is null ? [] : await RegionsAsync(Context(builder, home, [home], account, scope), deadline.Token);
        var wanted = collectors.Where(c => c.Produces.Any(scope.Wants)).ToList();

        if (account is null || regions is null)
        {
            // Without an account or a region list nothing can be read: every wanted type is unknown everywhere.
            foreach (var region in session.Options.Regions.Where(r => r != "all").DefaultIfEmpty(home))
            {
                foreach (var type in CollectableTypes(scope))
                {
                    builder.AddError(new CollectionError
                    {
                        Service = "sts", Operation = account is null ? "GetCallerIdentity" : "DescribeRegions", Region = region, AccountId = account,
                        ResourceType = type, ErrorCode = "NotCollected", Message = "Collection could not start: " + (builder.Errors.FirstOrDefault()?.Message ?? "unknown cause"),
                    });
                }
            }

            return Result(builder, [account ?? "unknown"], session.Options.Regions.Where(r => r != "all").DefaultIfEmpty(home).ToList(), [], stopwatch);
        }

        // A type the rules need that no collector produces must read as unknown, never as "there are none".
        foreach (var type in CollectableTypes(scope).Where(t => !collectors.Any(c => c.Produces.Contains(t))))
        {
            foreach (var region in regions)
            {
                builder.AddError(new CollectionError
                {
                    Service = "compliance", Operation = "Collect", Region = region, AccountId = account, ResourceType = type,
                    ErrorCode = "NoCollector", Message = $"This build has no collector for {type}.",
                });
            }
        }

        var timings = new List<ServiceTiming>();
        using var gate = new SemaphoreSlim(Math.Max(1, session.Options.MaxConcurrency));
        var work = wanted.SelectMany(c => c.IsGlobal ? [(Collector: c, Region: regions[0])] : regions.Select(r => (Collector: c, Region: r)).ToArray())
            .Select(item => RunAsync(item.Collector, Context(builder, item.Region, regions, account, scope, item.Collector.Permissions), gate, timings, progress, deadline.Token));
        await Task.WhenAll(work);

        return Result(builder, [account], regions, timings, stopwatch);
    }

    private async Task RunAsync(ICollector collector, CollectorContext context, SemaphoreSlim gate, List<ServiceTiming> timings, IProgress<CollectionProgress>? progress, CancellationToken deadline)
    {
        var label = collector.IsGlobal ? "global" : context.Region;
        var started = false;
        var stopwatch = new Stopwatch();
        try
        {
            await gate.WaitAsync(deadline);
            started = true;
            stopwatch.Start();
            progress?.Report(new CollectionProgress(collector.Service, label, false));
            await collector.CollectAsync(context, deadline);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            foreach (var type in collector.Produces.Where(context.Scope.Wants))
            {
                context.Missing(collector.Service, "*", type, "DeadlineExceeded", $"The scan deadline passed {(started ? "while" : "before")} {collector.Service} was collected in {label}.");
            }
        }
        catch (Exception ex)
        {
            // A defect in a collector must not cost the whole scan, and must not read as PASS: its types become unknown.
            foreach (var type in collector.Produces.Where(context.Scope.Wants))
            {
                context.Missing(collector.Service, "*", type, "CollectorFailed", $"{ex.GetType().Name}: {ex.Message}");
            }
        }
        finally
        {
            if (started)
            {
                gate.Release();
            }

            lock (timings)
            {
                timings.Add(new ServiceTiming(collector.Service, label, stopwatch.Elapsed.TotalMilliseconds, started && !deadline.IsCancellationRequested));
            }

            progress?.Report(new CollectionProgress(collector.Service, label, true));
        }
    }

    /// <summary>The requested regions, or for "all" the account's enabled regions; null when they cannot be listed.</summary>
    private async Task<IReadOnlyList<string>?> RegionsAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var requested = session.Options.Regions;
        if (requested.Count == 0)
        {
            return [context.Region];
        }

        if (!requested.Contains("all"))
        {
            return requested.Distinct().ToList();
        }

        var response = await context.CallAsync("ec2", "DescribeRegions", ResourceTypes.Account,
            ct => session.Ec2(context.Region).DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = false }, ct), cancellationToken);
        return response?.Regions?.Select(r => r.RegionName).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The scope's types that name inventory records (the account pseudo-type has none of its own).</summary>
    private static IEnumerable<string> CollectableTypes(CollectionScope scope) =>
        scope.Types.Where(t => t != ResourceTypes.Account).Order(StringComparer.Ordinal);

    private CollectorContext Context(InventoryBuilder builder, string region, IReadOnlyList<string> regions, string account, CollectionScope scope, IReadOnlyDictionary<string, string>? permissions = null) => new()
    {
        Session = session, Region = region, Regions = regions, AccountId = account, Scope = scope, Builder = builder, Permissions = permissions,
    };

    private LiveResult Result(InventoryBuilder builder, IReadOnlyList<string> accounts, IReadOnlyList<string> regions, List<ServiceTiming> timings, Stopwatch stopwatch) =>
        new(builder.Build(accounts, regions),
            new CollectionStats(stopwatch.Elapsed.TotalMilliseconds,
                timings.OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Region, StringComparer.Ordinal).ToList(),
                session.Calls.Snapshot()));

    private static string DefaultRegion() =>
        Amazon.Runtime.FallbackRegionFactory.GetRegionEndpoint()?.SystemName
        ?? throw new Snapshots.InputException("No region: pass --regions or set AWS_REGION (or a region in the AWS profile).");
}
