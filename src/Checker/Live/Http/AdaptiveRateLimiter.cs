namespace Compliance.Checker.Live.Http;

/// <summary>
/// Client-side pacing for one service endpoint: unlimited until the service throttles, then a token rate that
/// halves on each throttle and climbs back by a step on each success (additive increase, multiplicative decrease).
/// </summary>
public sealed class AdaptiveRateLimiter(TimeProvider clock)
{
    private const double MinimumRate = 0.5;
    private const double RecoveryStep = 0.5;
    private readonly Lock _gate = new();
    private double? _ratePerSecond;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    /// <summary>The current limit in requests per second; null while unlimited.</summary>
    public double? RatePerSecond
    {
        get
        {
            lock (_gate)
            {
                return _ratePerSecond;
            }
        }
    }

    /// <summary>Waits for this request's slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_ratePerSecond is not { } rate)
            {
                return Task.CompletedTask;
            }

            var now = clock.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + TimeSpan.FromSeconds(1 / rate);
            wait = slot - now;
        }

        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, clock, cancellationToken);
    }

    /// <summary>The service throttled: halve the rate (starting from a conservative 10 rps).</summary>
    public void OnThrottled()
    {
        lock (_gate)
        {
            _ratePerSecond = Math.Max(MinimumRate, (_ratePerSecond ?? 20) / 2);
        }
    }

    /// <summary>A call succeeded: recover a step; past 50 rps the limit is lifted.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            if (_ratePerSecond is { } rate)
            {
                _ratePerSecond = rate + RecoveryStep >= 50 ? null : rate + RecoveryStep;
            }
        }
    }
}
