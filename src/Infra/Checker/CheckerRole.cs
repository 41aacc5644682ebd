using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="CheckerRole"/>.</summary>
public sealed record CheckerRoleProps
{
    /// <summary>Environment suffix of the name.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The checker key (reports, topic, suppressions).</summary>
    public required IKey Key { get; init; }

    /// <summary>The report bucket.</summary>
    public required IBucket ReportBucket { get; init; }

    /// <summary>The alert topic.</summary>
    public required ITopic Topic { get; init; }

    /// <summary>The function's log group.</summary>
    public required ILogGroup LogGroup { get; init; }

    /// <summary>Rule ids whose remediation may run; only their actions are granted.</summary>
    public required IReadOnlyList<string> RemediationAllow { get; init; }

    /// <summary>COMPLIANCE_SUPPRESSIONS (s3://bucket/key or an SSM parameter name), or null.</summary>
    public string? Suppressions { get; init; }
}

/// <summary>
/// The function's role: exactly the read-only actions the collectors declare, the sinks' and suppressions' actions on
/// this stack's bucket, topic and key, and the write actions of the allow-listed remediations only, each on the
/// narrowest resource AWS allows (<see cref="ActionScopes"/>). No managed policy, no "*" action.
/// </summary>
public sealed class CheckerRole : Construct
{
    /// <summary>The role.</summary>
    public Role Role { get; }

    public CheckerRole(Construct scope, string id, CheckerRoleProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = $"role-compliance-checker-{props.EnvironmentName}",
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Compliance checker function: read-only scan, report, summary, allow-listed remediations.",
            MaxSessionDuration = Duration.Hours(1),
        });

        // Logs: only the function's own log group (no AWSLambdaBasicExecutionRole, whose CreateLogGroup is on "*").
        Add("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [props.LogGroup.LogGroupArn, $"{props.LogGroup.LogGroupArn}:log-stream:*"]);

        AddScoped("Scan", CheckerPermissions.ReadOnly, stack);

        // Sinks: PutObject under reports/ of this bucket; the topic; the key for both (S3ReportSink, SnsSummarySink).
        Add("WriteReports", [.. CheckerPermissions.ReportSink.Where(a => a.StartsWith("s3:", StringComparison.Ordinal))], [props.ReportBucket.ArnForObjects($"{ReportBucket.ReportPrefix}*")]);
        Add("PublishSummary", [.. CheckerPermissions.SummarySink.Where(a => a.StartsWith("sns:", StringComparison.Ordinal))], [props.Topic.TopicArn]);
        var keyActions = CheckerPermissions.ReportSink.Concat(CheckerPermissions.SummarySink).Where(a => a.StartsWith("kms:", StringComparison.Ordinal));
        Add("UseCheckerKey", [.. keyActions.Distinct().Order(StringComparer.Ordinal)], [props.Key.KeyArn]);

        if (props.Suppressions is { } source)
        {
            // SuppressionsSource: s3:GetObject on that one object, or ssm:GetParameter on that one parameter.
            // kms:Decrypt is granted on the checker key above; a SecureString under another key needs that key's policy.
            if (source.StartsWith("s3://", StringComparison.Ordinal))
            {
                Add("ReadSuppressions", ["s3:GetObject"], [$"arn:{stack.Partition}:s3:::{source["s3://".Length..]}"]);
            }
            else
            {
                Add("ReadSuppressions", ["ssm:GetParameter"], [$"arn:{stack.Partition}:ssm:{stack.Region}:{stack.Account}:parameter/{source.TrimStart('/')}"]);
            }
        }

        var remediation = CheckerPermissions.Remediation(props.RemediationAllow);
        if (remediation.Count > 0)
        {
            AddScoped("Remediate", remediation, stack);
        }
    }

    /// <summary>One statement per distinct resource scope (and condition) of the actions.</summary>
    private void AddScoped(string sidPrefix, IReadOnlyList<string> actions, Stack stack)
    {
        var groups = actions
            .GroupBy(a => (Resources: string.Join('|', ActionScopes.For(a, stack.Partition, stack.Account)), Condition: ActionScopes.ConditionsFor(a) is null ? "" : a))
            .OrderBy(g => g.Key.Resources == "*" ? 0 : 1).ThenBy(g => g.Key.Resources, StringComparer.Ordinal);
        var index = 0;
        foreach (var group in groups)
        {
            var resources = group.Key.Resources.Split('|');
            // "*" only for the actions ActionScopes.WildcardOnly lists: AWS defines no resource type for them.
            var statement = new PolicyStatement(new PolicyStatementProps
            {
                Sid = $"{sidPrefix}{index++}",
                Actions = [.. group.Order(StringComparer.Ordinal)],
                Resources = resources,
            });
            if (ActionScopes.ConditionsFor(group.First()) is { } conditions)
            {
                statement.AddConditions(conditions.ToDictionary(kv => kv.Key, kv => kv.Value));
            }

            Role.AddToPolicy(statement);
        }
    }

    private void Add(string sid, string[] actions, string[] resources) =>
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources }));
}
