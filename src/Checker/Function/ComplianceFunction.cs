using System.Text.Json;
using Amazon.EC2.Model;
using Compliance.Checker.Engine;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Json;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Reporting;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Function;

/// <summary>
/// The Lambda function (managed dotnet10 runtime, Stream in, Stream out; no Lambda package is needed). Scheduled events
/// scan the configured scope; security-group changes scan the groups they touched; on-demand requests scan what they
/// ask for. Bad input yields an error result and one log line; nothing is remediated then; nothing is ever thrown.
/// </summary>
public sealed class ComplianceFunction
{
    /// <summary>The largest payload read; EventBridge events are far smaller.</summary>
    public const int MaxInputBytes = 1024 * 1024;

    private readonly FunctionDependencies _deps;

    /// <summary>Composes the function from environment variables; an invalid one stops the start with its name.</summary>
    public ComplianceFunction() : this(FunctionComposition.FromEnvironment())
    {
    }

    public ComplianceFunction(FunctionDependencies dependencies) => _deps = dependencies;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var log = new StructuredLog(_deps.Log, _deps.Clock);
        FunctionResult result;
        try
        {
            result = await HandleAsync(await ReadAsync(input), log);
        }
        catch (Exception ex)
        {
            log.Error("internal_error", ("exception", ex.GetType().FullName), ("message", ex.Message));
            result = FunctionResult.Rejected($"internal error ({ex.GetType().Name}: {ex.Message})");
        }

        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, result, ComplianceJson.TypeInfo<FunctionResult>());
        output.Position = 0;
        return output;
    }

    private async Task<FunctionResult> HandleAsync(byte[]? payload, StructuredLog log)
    {
        var request = payload is null
            ? new FunctionRequest.Invalid($"The event is larger than {MaxInputBytes} bytes.")
            : EventParser.Parse(payload);
        switch (request)
        {
            case FunctionRequest.Invalid invalid:
                log.Error("invalid_event", ("reason", invalid.Reason));
                return FunctionResult.Rejected(invalid.Reason);
            case FunctionRequest.Ignored ignored:
                log.Info("event_ignored", ("reason", ignored.Reason));
                return FunctionResult.Ignoring(ignored.Reason);
        }

        var plan = ScanPlan.For(request, _deps.Configuration, _deps.Rules);
        if (plan.Error is { } error)
        {
            log.Error("invalid_request", ("reason", error));
            return FunctionResult.Rejected(error);
        }

        log.Info("scan_started", ("trigger", plan.Trigger), ("regions", plan.Options.Regions), ("rules", plan.Rules.Count), ("remediation", plan.Remediation.ToString()));
        using var session = _deps.Sessions(plan.Options);
        using var deadline = new CancellationTokenSource(_deps.Configuration.Deadline);
        var scope = await ScopeAsync(plan, request, session, log, deadline.Token);
        if (scope is null)
        {
            return FunctionResult.Rejected("The security group named in the event could not be resolved to an id; see the log.");
        }

        var (suppressions, suppressionError) = await SuppressionsAsync(session, log, deadline.Token);
        var mode = suppressionError is null ? plan.Remediation : RemediationMode.Off; // never act without knowing the exemptions

        var collected = await new LiveSource(session, _deps.Collectors).CollectAsync(scope, progress: null, deadline.Token);
        var report = new Scanner(_deps.Clock).Scan(collected.Inventory, plan.Rules, new ScanSource("live", plan.Trigger), SourceKind.Live, collection: collected.Stats, suppressions: suppressions);
        log.ScanId = report.ScanId;
        log.Info("scan_finished", ("score", report.Score), ("counts", report.Summary.ByStatus), ("collectionErrors", report.CollectionErrors.Count), ("apiCalls", collected.Stats.TotalApiCalls));

        var remediation = await _deps.Remediation.RunAsync(report, collected.Inventory, mode, session, deadline.Token);
        report = report with { Remediation = remediation };
        foreach (var record in remediation.Records.Where(r => r.Outcome != Remediation.RemediationStatus.Skipped))
        {
            log.Info("remediation", ("rule", record.RuleId), ("resource", record.Resource.Id), ("outcome", record.Outcome.ToString()), ("detail", record.Detail));
        }

        var sinks = new List<SinkResult>();
        string? location = null;
        foreach (var sink in _deps.Sinks(session))
        {
            var delivered = await sink.DeliverAsync(report, remediation, location, CancellationToken.None);
            location ??= sink.Name == "s3" ? delivered.Location : null; // set when the dated report was stored, even if latest.json was not
            sinks.Add(delivered);
            if (!delivered.Delivered && !delivered.Skipped)
            {
                log.Error("sink_failed", ("sink", delivered.Sink), ("detail", delivered.Detail));
            }
        }

        return new FunctionResult
        {
            Status = "ok",
            Reason = suppressionError is null ? null : $"remediation was turned off for this run: {suppressionError}",
            Trigger = plan.Trigger,
            ScanId = report.ScanId,
            Score = report.Score,
            Counts = report.Summary.ByStatus,
            Incomplete = report.Incomplete,
            ReportLocation = location,
            Sinks = sinks,
            Remediation = new RemediationSummary(
                ScanPlan.ModeName(remediation.Mode),
                remediation.Count(Remediation.RemediationStatus.Planned),
                remediation.Count(Remediation.RemediationStatus.Applied),
                remediation.Count(Remediation.RemediationStatus.Failed),
                remediation.Count(Remediation.RemediationStatus.Skipped)),
        };
    }

    /// <summary>The configured suppressions; when they cannot be read, none, with the reason (and remediation must not run).</summary>
    private async Task<(IReadOnlyList<Remediation.Suppressions.Suppression> Suppressions, string? Error)> SuppressionsAsync(AwsSession session, StructuredLog log, CancellationToken cancellationToken)
    {
        if (_deps.Configuration.Suppressions is not { } source)
        {
            return ([], null);
        }

        try
        {
            var region = _deps.Configuration.Region ?? session.Options.Regions.FirstOrDefault() ?? "us-east-1";
            var (text, name) = await SuppressionsSource.ReadAsync(source, session, region, cancellationToken);
            var suppressions = Remediation.Suppressions.SuppressionFile.Parse(text, name);
            log.Info("suppressions_loaded", ("source", name), ("count", suppressions.Count));
            return (suppressions, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Remediation.Suppressions.SuppressionFileException)
        {
            log.Error("suppressions_unreadable", ("source", source), ("message", ex.Message));
            return ([], ex.Message);
        }
    }

    /// <summary>The collection scope; for a group named only by name, its id is looked up first (null when that fails).</summary>
    private static async Task<CollectionScope?> ScopeAsync(ScanPlan plan, FunctionRequest request, AwsSession session, StructuredLog log, CancellationToken cancellationToken)
    {
        if (request is not FunctionRequest.SecurityGroupChange change)
        {
            return plan.Scope;
        }

        var ids = change.GroupIds.ToList();
        if (change.GroupNames.Count > 0)
        {
            try
            {
                var found = await session.Ec2(change.Region).DescribeSecurityGroupsAsync(
                    new DescribeSecurityGroupsRequest { Filters = [new Filter { Name = "group-name", Values = [.. change.GroupNames] }] }, cancellationToken);
                ids.AddRange((found.SecurityGroups ?? []).Select(g => g.GroupId));
                session.Calls.Record("ec2", "DescribeSecurityGroups", succeeded: true);
            }
            catch (Exception ex) when (CollectorContext.Classify(ex, cancellationToken) is { } failure)
            {
                session.Calls.Record("ec2", "DescribeSecurityGroups", succeeded: false);
                log.Error("group_name_unresolved", ("names", change.GroupNames), ("errorCode", failure.Code), ("message", failure.Message));
                return null;
            }
        }

        return CollectionScope.ForResources(plan.Rules, ResourceTypes.SecurityGroup, ids.Distinct().ToList());
    }

    private static async Task<byte[]?> ReadAsync(Stream input)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxInputBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
