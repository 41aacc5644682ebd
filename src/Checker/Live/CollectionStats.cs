namespace Compliance.Checker.Live;

/// <summary>What collection cost: wall time, time per service and region, and API calls by operation.</summary>
public sealed record CollectionStats(double DurationMs, IReadOnlyList<ServiceTiming> Timings, IReadOnlyList<ApiCallCount> ApiCalls)
{
    public int TotalApiCalls => ApiCalls.Sum(c => c.Calls);
}

/// <summary>How long one collector took in one region ("global" for global collectors), and whether it finished.</summary>
public sealed record ServiceTiming(string Service, string Region, double DurationMs, bool Completed);
