using System.Text;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Iam = Compliance.Checker.Live.Clients.IdentityManagement;

namespace Compliance.Checker.Live.Collectors;

public sealed partial class IamCollector
{
    /// <summary>How many times GenerateCredentialReport is asked before the report counts as not ready.</summary>
    private const int ReportPolls = 30;

    /// <summary>
    /// The credential report's rows: GenerateCredentialReport until its state is COMPLETE (IAM answers COMPLETE at once
    /// when a report younger than four hours exists), then GetCredentialReport, base64 CSV parsed by header. Null when it
    /// could not be had; that is recorded against the report type, whose readers then judge nothing as known.
    /// </summary>
    private async Task<IReadOnlyList<CredentialReportRow>?> ReadCredentialReportAsync(CollectorContext context, Iam.IAmazonIdentityManagementService client, CancellationToken cancellationToken)
    {
        for (var poll = 1; ; poll++)
        {
            var generated = await context.CallAsync(ServiceKey, "GenerateCredentialReport", ResourceTypes.IamCredentialReport,
                ct => client.GenerateCredentialReportAsync(new Iam.GenerateCredentialReportRequest(), ct), cancellationToken);
            if (generated is null)
            {
                return null;
            }

            if (generated.State == "COMPLETE")
            {
                break;
            }

            if (poll == ReportPolls)
            {
                context.Missing(ServiceKey, "GenerateCredentialReport", ResourceTypes.IamCredentialReport, "ReportNotReady",
                    $"The credential report was still {generated.State ?? "not complete"} after {ReportPolls} requests.");
                return null;
            }

            await Task.Delay(_pollInterval, cancellationToken);
        }

        var report = await context.CallAsync(ServiceKey, "GetCredentialReport", ResourceTypes.IamCredentialReport,
            ct => client.GetCredentialReportAsync(new Iam.GetCredentialReportRequest(), ct), cancellationToken);
        if (report is null)
        {
            return null;
        }

        try
        {
            var generatedAt = report.GeneratedTime is { } time
                ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
                : throw new FormatException("The credential report has no GeneratedTime.");
            return CredentialReportCsv.Parse(Encoding.UTF8.GetString(report.Content.ToArray()), generatedAt);
        }
        catch (FormatException e)
        {
            context.Missing(ServiceKey, "GetCredentialReport", ResourceTypes.IamCredentialReport, "InvalidCredentialReport", e.Message);
            return null;
        }
    }
}
