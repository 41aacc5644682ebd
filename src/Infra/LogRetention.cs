using Amazon.CDK.AWS.Logs;

namespace Compliance.Infra;

/// <summary>
/// How long every log group of this app keeps its events: one year. The issue asked for 90 days, but PCI DSS 10.5.1
/// keeps audit log history for at least 12 months, and the checker's own Logs.LogGroup.2 fails anything shorter; the
/// guard and what it guards share this one value.
/// </summary>
internal static class LogRetention
{
    public static RetentionDays Days => RetentionDays.ONE_YEAR;
}
