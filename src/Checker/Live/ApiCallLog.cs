using System.Collections.Concurrent;

namespace Compliance.Checker.Live;

/// <summary>Counts of API calls by service and operation, and how many failed; thread-safe.</summary>
public sealed class ApiCallLog
{
    private readonly ConcurrentDictionary<(string Service, string Operation), Counter> _calls = new();

    public void Record(string service, string operation, bool succeeded)
    {
        var counter = _calls.GetOrAdd((service, operation), _ => new Counter());
        Interlocked.Increment(ref counter.Calls);
        if (!succeeded)
        {
            Interlocked.Increment(ref counter.Errors);
        }
    }

    /// <summary>The counts, ordered by service then operation.</summary>
    public IReadOnlyList<ApiCallCount> Snapshot() =>
        _calls.OrderBy(c => c.Key.Service, StringComparer.Ordinal).ThenBy(c => c.Key.Operation, StringComparer.Ordinal)
            .Select(c => new ApiCallCount(c.Key.Service, c.Key.Operation, c.Value.Calls, c.Value.Errors))
            .ToList();

    public int Total => _calls.Values.Sum(c => c.Calls);

    private sealed class Counter
    {
        public int Calls;
        public int Errors;
    }
}

/// <summary>Calls made to one operation, and how many of them failed after retries.</summary>
public sealed record ApiCallCount(string Service, string Operation, int Calls, int Errors);
