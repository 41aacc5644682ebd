using System.Reflection;

namespace Compliance.Checker.Live.Collection;

/// <summary>Every collector in this assembly, one per service, discovered like rules are.</summary>
public static class CollectorCatalog
{
    public static IReadOnlyList<ICollector> All { get; } = typeof(CollectorCatalog).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICollector).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (ICollector)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>
    /// Every IAM action a full live scan needs, sorted: the collectors' declared calls plus ec2:DescribeRegions
    /// (for --regions all). sts:GetCallerIdentity needs no permission.
    /// </summary>
    public static IReadOnlyList<string> ReadOnlyActions() =>
        All.SelectMany(c => c.Permissions.Values).Append("ec2:DescribeRegions").Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The collector that produces a type, or null.</summary>
    public static ICollector? Producing(string resourceType) => All.FirstOrDefault(c => c.Produces.Contains(resourceType));
}
