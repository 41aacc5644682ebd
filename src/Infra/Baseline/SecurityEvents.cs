using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="SecurityEvents"/>.</summary>
public sealed record SecurityEventsProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The KMS-encrypted security alarm topic every rule notifies.</summary>
    public required ITopic Topic { get; init; }
}

/// <summary>
/// EventBridge rules on the default bus that route security events to the alarm topic as they happen (Events.Rule.1;
/// the event-driven counterpart of the CIS 4.x metric filters): GuardDuty findings of severity 7 and up, Security Hub
/// findings that FAILED with HIGH or CRITICAL severity, Config rules turning NON_COMPLIANT, root console sign-in, and
/// the CloudTrail-recorded changes to IAM policies, KMS keys, CloudTrail, Config, security groups and network ACLs.
/// Each target retries for two hours and then lands in an encrypted dead-letter queue, so a delivery failure is kept,
/// not lost. Root sign-in and IAM calls reach EventBridge in us-east-1 only; the rules exist everywhere and match there.
/// </summary>
public sealed class SecurityEvents : Construct
{
    /// <summary>The rules by purpose.</summary>
    public IReadOnlyDictionary<string, Rule> Rules { get; }

    /// <summary>Events the topic did not accept.</summary>
    public Queue DeadLetters { get; }

    /// <summary>The CloudTrail-recorded API calls routed, by event source.</summary>
    public static IReadOnlyDictionary<string, string[]> ApiCalls { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["iam.amazonaws.com"] =
        [
            "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy",
            "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
            "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
        ],
        ["kms.amazonaws.com"] = ["DisableKey", "ScheduleKeyDeletion"],
        ["cloudtrail.amazonaws.com"] = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
        ["config.amazonaws.com"] = ["StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"],
        ["ec2.amazonaws.com"] =
        [
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
            "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules",
            "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry",
            "ReplaceNetworkAclAssociation",
        ],
    };

    public SecurityEvents(Construct scope, string id, SecurityEventsProps props) : base(scope, id)
    {
        var env = props.EnvironmentName;
        DeadLetters = new Queue(this, "DeadLetters", new QueueProps
        {
            QueueName = $"sqs-security-events-dlq-{env}",
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });
        var target = new SnsTopic(props.Topic, new SnsTopicProps
        {
            DeadLetterQueue = DeadLetters,
            RetryAttempts = 10,
            MaxEventAge = Duration.Hours(2),
        });

        Rule Route(string purpose, string description, EventPattern pattern) => new(this, purpose, new RuleProps
        {
            RuleName = $"events-{purpose}-{env}",
            Description = description,
            EventPattern = pattern,
            Targets = [target],
        });

        Rules = new Dictionary<string, Rule>(StringComparer.Ordinal)
        {
            ["guardduty-findings"] = Route("guardduty-findings", "GuardDuty findings of severity 7 (high) and up.", new EventPattern
            {
                Source = ["aws.guardduty"],
                DetailType = ["GuardDuty Finding"],
                Detail = new Dictionary<string, object> { ["severity"] = new object[] { new Dictionary<string, object> { ["numeric"] = new object[] { ">=", 7 } } } },
            }),
            ["securityhub-findings"] = Route("securityhub-findings", "Security Hub findings that FAILED with HIGH or CRITICAL severity.", new EventPattern
            {
                Source = ["aws.securityhub"],
                DetailType = ["Security Hub Findings - Imported"],
                Detail = new Dictionary<string, object>
                {
                    ["findings"] = new Dictionary<string, object>
                    {
                        ["Compliance"] = new Dictionary<string, object> { ["Status"] = new[] { "FAILED" } },
                        ["Severity"] = new Dictionary<string, object> { ["Label"] = new[] { "HIGH", "CRITICAL" } },
                    },
                },
            }),
            ["config-noncompliant"] = Route("config-noncompliant", "AWS Config rules turning NON_COMPLIANT.", new EventPattern
            {
                Source = ["aws.config"],
                DetailType = ["Config Rules Compliance Change"],
                Detail = new Dictionary<string, object>
                {
                    ["newEvaluationResult"] = new Dictionary<string, object> { ["complianceType"] = new[] { "NON_COMPLIANT" } },
                },
            }),
            ["root-sign-in"] = Route("root-sign-in", "Console sign-in by the root user.", new EventPattern
            {
                DetailType = ["AWS Console Sign In via CloudTrail"],
                Detail = new Dictionary<string, object> { ["userIdentity"] = new Dictionary<string, object> { ["type"] = new[] { "Root" } } },
            }),
            ["security-changes"] = Route("security-changes", "Changes to IAM policies, KMS keys, CloudTrail, Config, security groups and network ACLs.", new EventPattern
            {
                Source = ["aws.iam", "aws.kms", "aws.cloudtrail", "aws.config", "aws.ec2"],
                DetailType = ["AWS API Call via CloudTrail"],
                Detail = new Dictionary<string, object>
                {
                    ["eventSource"] = ApiCalls.Keys.ToArray(),
                    ["eventName"] = ApiCalls.Values.SelectMany(names => names).ToArray(),
                },
            }),
        };
    }
}
