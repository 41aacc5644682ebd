using Compliance.Checker.Live;
using Compliance.Checker.Remediation.Actions;
using Compliance.Rules;

namespace Compliance.Checker.Remediation;

/// <summary>The checker's side of remediation: routes each described action to the handler of its service.</summary>
public sealed class AwsRemediationGateway(AwsSession session) : IRemediationGateway
{
    private static readonly IReadOnlyDictionary<string, IAwsActionHandler> Handlers = typeof(AwsRemediationGateway).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAwsActionHandler).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IAwsActionHandler)Activator.CreateInstance(t)!)
        .SelectMany(h => h.Actions.Select(a => (Action: a, Handler: h)))
        .ToDictionary(x => x.Action, x => x.Handler, StringComparer.Ordinal);

    /// <summary>
    /// Permissions AWS checks while performing another call, so no handler performs them: creating a flow log to S3
    /// (logs:CreateLogDelivery/DeleteLogDelivery) and enabling GuardDuty for the first time (its service-linked role).
    /// Remediations still declare them so the deployed role is granted them.
    /// </summary>
    public static IReadOnlySet<string> ImpliedActions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "iam:CreateServiceLinkedRole",
    };

    /// <summary>Every action some handler can perform.</summary>
    public static IReadOnlyCollection<string> SupportedActions => Handlers.Keys.ToList();

    public Task<IReadOnlyDictionary<string, string>> InvokeAsync(RemediationAction action, CancellationToken cancellationToken) =>
        Handlers.TryGetValue(action.Action, out var handler)
            ? handler.InvokeAsync(session, action, cancellationToken)
            : throw new InvalidOperationException($"No handler performs {action.Action}.");
}
