namespace Compliance.Checker.Live.Collection;

/// <summary>Reads one service into the inventory. One implementation per service; it never throws for an AWS error.</summary>
public interface ICollector
{
    /// <summary>Our service key: "ec2", "s3", "logs", ...</summary>
    string Service { get; }

    /// <summary>The inventory types this collector produces.</summary>
    IReadOnlyList<string> Produces { get; }

    /// <summary>
    /// The IAM action each call needs, keyed "service:operation" exactly as passed to <see cref="CollectorContext.CallAsync{T}"/>.
    /// The checker's role is granted these and nothing more; a call not declared here is refused as a defect.
    /// </summary>
    IReadOnlyDictionary<string, string> Permissions { get; }

    /// <summary>Collected once per scan (IAM, S3) rather than once per region.</summary>
    bool IsGlobal { get; }

    /// <summary>
    /// Collects what <see cref="CollectorContext.Scope"/> asks for in <see cref="CollectorContext.Region"/>, through
    /// <see cref="CollectorContext.CallAsync{T}"/> so that every failure is recorded as a collection error.
    /// </summary>
    Task CollectAsync(CollectorContext context, CancellationToken cancellationToken);
}
