using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live;

/// <summary>Where and how to read a live account.</summary>
public sealed record LiveOptions
{
    /// <summary>Regions to collect; ["all"] means the account's enabled regions; empty means the default region.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>A shared-config profile; null uses the standard credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>One endpoint for every service (LocalStack, moto, a VPC endpoint); S3 switches to path-style addressing.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>The account, when already known (an event names it); otherwise STS GetCallerIdentity tells.</summary>
    public string? AccountId { get; init; }

    /// <summary>How many (service, region) collections run at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How many per-bucket S3 calls run at once.</summary>
    public int BucketConcurrency { get; init; } = 16;

    /// <summary>After this, whatever is not collected becomes a collection error (DeadlineExceeded).</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(10);

    public RetryOptions Retry { get; init; } = new();
}
