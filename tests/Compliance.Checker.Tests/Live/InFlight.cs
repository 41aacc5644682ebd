namespace Compliance.Checker.Tests.Live;

/// <summary>Counts how many requests a fake reply is answering at once (each answer is held briefly so overlaps show).</summary>
internal sealed class InFlight
{
    private int _current;
    private int _max;

    /// <summary>Each held answer blocks a pool thread, so the pool starts with enough threads for a too-wide bound to show.</summary>
    public InFlight()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }

    public int Max => Volatile.Read(ref _max);

    public Func<FakeRequest, HttpResponseMessage> Around(Func<FakeRequest, HttpResponseMessage> reply) => request =>
    {
        var now = Interlocked.Increment(ref _current);
        int seen;
        while ((seen = Volatile.Read(ref _max)) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }

        try
        {
            Thread.Sleep(40);
            return reply(request);
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    };
}
