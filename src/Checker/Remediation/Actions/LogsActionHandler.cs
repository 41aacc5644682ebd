using Compliance.Checker.Live;
using Compliance.Checker.Live.Clients.CloudWatchLogs;
using Compliance.Rules;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>CloudWatch Logs log-group encryption through our CloudWatch Logs client of the region.</summary>
public sealed class LogsActionHandler : IAwsActionHandler
{
    public IReadOnlyList<string> Actions { get; } = ["logs:AssociateKmsKey", "logs:DescribeLogGroups"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var logs = CloudWatchLogsClient.For(session, Region(action));
        switch (action.Action)
        {
            case "logs:AssociateKmsKey":
                await logs.AssociateKmsKeyAsync(new AssociateKmsKeyRequest(Required(action, "LogGroupName"), Required(action, "KmsKeyId")), cancellationToken);
                return new Dictionary<string, string>();

            case "logs:DescribeLogGroups":
                return await DescribeAsync(logs, Required(action, "LogGroupNamePrefix"), cancellationToken);

            default:
                throw new InvalidOperationException($"{nameof(LogsActionHandler)} does not perform {action.Action}.");
        }
    }

    /// <summary>Every log group whose name starts with the prefix, all pages, flattened as LogGroups.n.Member.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> DescribeAsync(CloudWatchLogsClient logs, string prefix, CancellationToken cancellationToken)
    {
        var groups = new List<LogGroup>();
        string? token = null;
        do
        {
            var page = await logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = prefix, NextToken = token }, cancellationToken);
            groups.AddRange(page.LogGroups);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var response = new Dictionary<string, string>();
        AddItems(response, "LogGroups", groups.Select(g => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["LogGroupName"] = g.LogGroupName,
            ["KmsKeyId"] = g.KmsKeyId,
        }));
        return response;
    }
}
