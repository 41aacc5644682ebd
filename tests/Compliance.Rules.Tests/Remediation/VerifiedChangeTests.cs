using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;

namespace Compliance.Rules.Tests.Remediation;

public sealed class VerifiedChangeTests
{
    private static readonly RemediationAction Read = new("svc:GetThing", new Dictionary<string, string> { ["Region"] = "eu-west-1" });
    private static readonly RemediationAction Change = new("svc:PutThing", new Dictionary<string, string> { ["Region"] = "eu-west-1" });
    private static readonly RemediationPlan Plan = new("X.Y.1", new ResourceRef(ResourceTypes.Bucket, "b", null, "eu-west-1", "123456789012"), "Fix b.", [Change]);

    /// <summary>Answers reads with the next state in turn and records every call; an exception in the script is thrown.</summary>
    private sealed class ScriptedGateway(params object[] readAnswers) : IRemediationGateway
    {
        private readonly Queue<object> _reads = new(readAnswers);
        public List<string> Calls { get; } = [];
        public Exception? ChangeFails { get; init; }

        public Task<IReadOnlyDictionary<string, string>> InvokeAsync(RemediationAction action, CancellationToken cancellationToken)
        {
            Calls.Add(action.Action);
            if (action == Change)
            {
                return ChangeFails is null ? Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()) : throw ChangeFails;
            }

            return _reads.Dequeue() switch
            {
                Exception e => throw e,
                var state => Task.FromResult((IReadOnlyDictionary<string, string>)state),
            };
        }
    }

    private sealed class ServiceException(string code, string message) : Exception(message)
    {
        public string ErrorCode { get; } = code;
    }

    private static Dictionary<string, string> State(string value) => new() { ["Setting"] = value };

    private static Task<RemediationOutcome> Apply(ScriptedGateway gateway) =>
        VerifiedChange.ApplyAsync(Plan, gateway, VerifiedChange.Read(Read), s => s["Setting"] == "on", "Setting on", CancellationToken.None);

    [Fact]
    public async Task Reads_changes_and_re_reads()
    {
        var gateway = new ScriptedGateway(State("off"), State("on"));

        var outcome = await Apply(gateway);

        Assert.Equal(["svc:GetThing", "svc:PutThing", "svc:GetThing"], gateway.Calls);
        Assert.True(outcome.Succeeded);
        Assert.Equal(State("off"), outcome.Before);
        Assert.Equal(State("on"), outcome.After);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task Changes_nothing_when_the_fix_already_holds()
    {
        var gateway = new ScriptedGateway(State("on"));

        var outcome = await Apply(gateway);

        Assert.Equal(["svc:GetThing"], gateway.Calls);
        Assert.True(outcome.Succeeded);
        Assert.Equal(outcome.Before, outcome.After);
    }

    [Fact]
    public async Task A_state_that_does_not_hold_after_the_change_is_a_failure()
    {
        var outcome = await Apply(new ScriptedGateway(State("off"), State("off")));

        Assert.False(outcome.Succeeded);
        Assert.Equal(State("off"), outcome.After);
        Assert.Equal("Re-verification failed: after svc:PutThing, Setting on does not hold.", outcome.Error);
    }

    [Fact]
    public async Task A_failed_change_is_a_failure_with_the_service_error_code()
    {
        var gateway = new ScriptedGateway(State("off")) { ChangeFails = new ServiceException("AccessDenied", "Access Denied") };

        var outcome = await Apply(gateway);

        Assert.False(outcome.Succeeded);
        Assert.Equal(State("off"), outcome.Before);
        Assert.Empty(outcome.After);
        Assert.Equal("Failed while calling svc:PutThing: AccessDenied: Access Denied", outcome.Error);
    }

    [Fact]
    public async Task A_failed_first_read_changes_nothing()
    {
        var gateway = new ScriptedGateway(new InvalidOperationException("no handler"));

        var outcome = await Apply(gateway);

        Assert.Equal(["svc:GetThing"], gateway.Calls);
        Assert.False(outcome.Succeeded);
        Assert.Equal("Failed while reading the state before the change: InvalidOperationException: no handler", outcome.Error);
    }

    [Fact]
    public async Task Cancellation_is_not_swallowed()
    {
        var gateway = new ScriptedGateway(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => Apply(gateway));
    }
}
