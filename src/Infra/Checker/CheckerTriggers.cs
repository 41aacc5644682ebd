using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="CheckerTriggers"/>.</summary>
public sealed record CheckerTriggersProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The function invoked.</summary>
    public required IFunction Function { get; init; }

    /// <summary>The topic told about security-group changes.</summary>
    public required ITopic Topic { get; init; }

    /// <summary>Where EventBridge puts events it could not deliver.</summary>
    public required IQueue DeadLetterQueue { get; init; }
}

/// <summary>
/// The nightly schedule (02:00 UTC) and the rule on security-group API calls recorded by CloudTrail: both invoke the
/// function; the change rule also notifies the topic.
/// </summary>
public sealed class CheckerTriggers : Construct
{
    /// <summary>The nightly scan: every day at 02:00 UTC.</summary>
    public const string NightlyCron = "cron(0 2 * * ? *)";

    /// <summary>The six security-group calls the function scans after (README, "The Lambda service").</summary>
    public static IReadOnlyList<string> SecurityGroupEvents { get; } =
    [
        "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
        "RevokeSecurityGroupEgress", "CreateSecurityGroup", "ModifySecurityGroupRules",
    ];

    /// <summary>The schedule rule.</summary>
    public Rule Schedule { get; }

    /// <summary>The security-group change rule.</summary>
    public Rule SecurityGroupChanges { get; }

    public CheckerTriggers(Construct scope, string id, CheckerTriggersProps props) : base(scope, id)
    {
        var target = new LambdaFunction(props.Function, new LambdaFunctionProps { DeadLetterQueue = props.DeadLetterQueue, RetryAttempts = 4 });

        Schedule = new Rule(this, "Nightly", new RuleProps
        {
            RuleName = $"events-compliance-nightly-{props.EnvironmentName}",
            Description = "Nightly full compliance scan.",
            Schedule = Amazon.CDK.AWS.Events.Schedule.Expression(NightlyCron),
            Targets = [target],
        });

        SecurityGroupChanges = new Rule(this, "SecurityGroupChanges", new RuleProps
        {
            RuleName = $"events-compliance-sg-changes-{props.EnvironmentName}",
            Description = "Targeted scan after a security-group change (needs CloudTrail management events).",
            EventPattern = new EventPattern
            {
                Source = ["aws.ec2"],
                DetailType = ["AWS API Call via CloudTrail"],
                Detail = new Dictionary<string, object>
                {
                    ["eventSource"] = new[] { "ec2.amazonaws.com" },
                    ["eventName"] = SecurityGroupEvents.ToArray(),
                },
            },
            Targets = [target, new SnsTopic(props.Topic, new SnsTopicProps { DeadLetterQueue = props.DeadLetterQueue })],
        });
    }
}
