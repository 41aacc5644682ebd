using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="AlertTopic"/>.</summary>
public sealed record AlertTopicProps
{
    /// <summary>Environment suffix of the name.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The key of the topic's server-side encryption.</summary>
    public required IKey Key { get; init; }

    /// <summary>An e-mail to subscribe, or null.</summary>
    public string? AlertEmail { get; init; }
}

/// <summary>
/// The alert topic (KMS): the function's summaries, security-group changes and alarms. Its policy allows EventBridge
/// and CloudWatch alarms of this account to publish, and (by <see cref="AllowPublish"/>) the function's role; TLS only.
/// </summary>
public sealed class AlertTopic : Construct
{
    /// <summary>The topic.</summary>
    public Topic Topic { get; }

    public AlertTopic(Construct scope, string id, AlertTopicProps props) : base(scope, id)
    {
        var account = Stack.Of(this).Account;
        Topic = new Topic(this, "Topic", new TopicProps
        {
            TopicName = $"sns-compliance-alerts-{props.EnvironmentName}",
            DisplayName = "Compliance alerts",
            MasterKey = props.Key,
            EnforceSSL = true,
        });

        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EventBridgeAndAlarmsPublish",
            Principals = [new ServicePrincipal("events.amazonaws.com"), new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account } },
        }));

        if (props.AlertEmail is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }
    }

    /// <summary>Lets a role publish: in the topic policy and, by the caller, in the role's own policy.</summary>
    public void AllowPublish(IRole role) => Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
    {
        Sid = "CheckerFunctionPublishes",
        Principals = [new ArnPrincipal(role.RoleArn)],
        Actions = ["sns:Publish"],
        Resources = [Topic.TopicArn],
    }));
}
