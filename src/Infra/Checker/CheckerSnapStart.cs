using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>
/// Lambda SnapStart for the checker (context <c>snapStart</c>, default false). With it, Lambda snapshots the initialised
/// function when a version is published and resumes new execution environments from that snapshot instead of starting
/// .NET and composing the function again; SnapStart applies to published versions only, so the function gets a version
/// and an alias (<see cref="AliasName"/>), and the schedule and the security-group rule invoke the alias. Off, the
/// triggers invoke the function ($LATEST) as before. See docs/performance.md, "Cold start".
/// </summary>
public static class CheckerSnapStart
{
    /// <summary>The alias the triggers invoke when SnapStart is on.</summary>
    public const string AliasName = "live";

    /// <summary>The setting for <see cref="FunctionProps.SnapStart"/>: on published versions, or none.</summary>
    public static SnapStartConf? Configuration(bool enabled) => enabled ? SnapStartConf.ON_PUBLISHED_VERSIONS : null;

    /// <summary>What the triggers invoke: an alias of the current version when SnapStart is on, else the function itself.</summary>
    public static IFunction InvokeTarget(Construct scope, Function function, bool enabled) => enabled
        ? new Alias(scope, "LiveAlias", new AliasProps
        {
            AliasName = AliasName,
            Version = function.CurrentVersion,
            Description = "The published version the triggers invoke; SnapStart resumes it from its snapshot.",
        })
        : function;
}
