namespace Compliance.Rules.Remediation;

/// <summary>
/// The shape every remediation's apply shares: read the state through the gateway; if the fix already holds, change
/// nothing; otherwise perform the plan's actions in order and read the state again. Succeeded only when the re-read
/// state holds. Before and After are the state read, so a second run on a fixed resource shows Before = After.
/// </summary>
internal static class VerifiedChange
{
    private static readonly IReadOnlyDictionary<string, string> Unread = new Dictionary<string, string>();

    /// <param name="plan">The plan; its actions are the changes.</param>
    /// <param name="gateway">Performs every read and change.</param>
    /// <param name="readState">Reads the relevant state through the gateway (one or more read actions).</param>
    /// <param name="holds">True when the state shows the fix in place.</param>
    /// <param name="expectation">What <paramref name="holds"/> checks, for the error when it does not.</param>
    /// <param name="cancellationToken">Cancels the apply; cancellation is not turned into an outcome.</param>
    public static async Task<RemediationOutcome> ApplyAsync(
        RemediationPlan plan,
        IRemediationGateway gateway,
        Func<IRemediationGateway, CancellationToken, Task<IReadOnlyDictionary<string, string>>> readState,
        Func<IReadOnlyDictionary<string, string>, bool> holds,
        string expectation,
        CancellationToken cancellationToken)
    {
        var before = Unread;
        var after = Unread;
        var step = "reading the state before the change";
        try
        {
            before = await readState(gateway, cancellationToken);
            if (holds(before))
            {
                return new RemediationOutcome(plan, true, before, before, null);
            }

            foreach (var action in plan.Actions)
            {
                step = action.Action;
                await gateway.InvokeAsync(action, cancellationToken);
            }

            step = "re-reading the state after the change";
            after = await readState(gateway, cancellationToken);
            return holds(after)
                ? new RemediationOutcome(plan, true, before, after, null)
                : new RemediationOutcome(plan, false, before, after, $"Re-verification failed: after {string.Join(", ", plan.Actions.Select(a => a.Action))}, {expectation} does not hold.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new RemediationOutcome(plan, false, before, after, $"Failed while {Step(step)}: {Describe(e)}");
        }
    }

    /// <summary>One read action whose response, reduced by <paramref name="project"/>, is the state.</summary>
    public static Func<IRemediationGateway, CancellationToken, Task<IReadOnlyDictionary<string, string>>> Read(
        RemediationAction read, Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>? project = null) =>
        async (gateway, cancellationToken) =>
        {
            var response = await gateway.InvokeAsync(read, cancellationToken);
            return project is null ? response : project(response);
        };

    private static string Step(string step) => step.Contains(':', StringComparison.Ordinal) ? $"calling {step}" : step;

    /// <summary>The AWS error code when the exception carries one (AmazonServiceException.ErrorCode), and the message.</summary>
    private static string Describe(Exception e) =>
        e.GetType().GetProperty("ErrorCode")?.GetValue(e) is string { Length: > 0 } code ? $"{code}: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
}
