using Compliance.Rules.Inventory;
using Compliance.Rules.SNS;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.SNS.SnsFixtures;

namespace Compliance.Rules.Tests.SNS;

public sealed class TopicRequiresSecureTransportTests
{
    private readonly TopicRequiresSecureTransport _rule = new();

    /// <summary>The default policy plus one extra statement, as a topic policy with an HTTPS-only deny is usually written.</summary>
    private static string WithStatement(string topic, string statement) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "Owner", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "SNS:Publish", "Resource": "{{TopicArn(topic)}}" },
            {{statement.Replace("TOPIC_ARN", TopicArn(topic), StringComparison.Ordinal)}}
          ]
        }
        """;

    private static SnsTopic With(string name, string statement) => Topic(name, policyJson: WithStatement(name, statement));

    [Fact]
    public void Only_an_unconditional_tls_deny_of_publish_to_everyone_passes()
    {
        var inventory = BaseInventory with
        {
            SnsTopics =
            [
                With("pass-publish", """
                    { "Sid": "AllowPublishThroughSSLOnly", "Effect": "Deny", "Principal": "*", "Action": "SNS:Publish", "Resource": "TOPIC_ARN",
                      "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
                    """),
                With("pass-all-actions", """
                    { "Sid": "HttpsOnly", "Effect": "Deny", "Principal": { "AWS": "*" }, "Action": "sns:*", "Resource": "TOPIC_ARN",
                      "Condition": { "Bool": { "aws:SecureTransport": false } } }
                    """),
                With("pass-if-exists", """
                    { "Effect": "Deny", "Principal": "*", "NotAction": "sns:GetTopicAttributes", "Resource": "*",
                      "Condition": { "BoolIfExists": { "aws:SecureTransport": "false" } } }
                    """),
                Topic("fail-default-policy"),
                With("fail-subscribe-only", """
                    { "Effect": "Deny", "Principal": "*", "Action": "SNS:Subscribe", "Resource": "TOPIC_ARN", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
                    """),
                With("fail-one-account", """
                    { "Effect": "Deny", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "SNS:Publish", "Resource": "TOPIC_ARN",
                      "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
                    """),
                With("fail-narrowed", """
                    { "Effect": "Deny", "Principal": "*", "Action": "SNS:Publish", "Resource": "TOPIC_ARN",
                      "Condition": { "Bool": { "aws:SecureTransport": "false" }, "StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } } }
                    """),
                With("fail-other-topic", """
                    { "Effect": "Deny", "Principal": "*", "Action": "SNS:Publish", "Resource": "arn:aws:sns:eu-west-1:123456789012:another",
                      "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
                    """),
                With("fail-not-principal", """
                    { "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::123456789012:role/legacy" }, "Action": "SNS:Publish", "Resource": "TOPIC_ARN",
                      "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
                    """),
                With("fail-true", """
                    { "Effect": "Deny", "Principal": "*", "Action": "SNS:Publish", "Resource": "TOPIC_ARN", "Condition": { "Bool": { "aws:SecureTransport": "true" } } }
                    """),
            ],
        };

        ExactFailingTopics(_rule, inventory,
            "fail-default-policy", "fail-subscribe-only", "fail-one-account", "fail-narrowed", "fail-other-topic", "fail-not-principal", "fail-true");
    }

    [Fact]
    public void Names_the_statement_that_passes_and_says_what_is_missing_when_it_fails()
    {
        var findings = Evaluate(_rule, BaseInventory with
        {
            SnsTopics =
            [
                With("pass-publish", """{ "Effect": "Deny", "Principal": "*", "Action": "SNS:Publish", "Resource": "TOPIC_ARN", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }"""),
                Topic("fail-default-policy"),
            ],
        });

        var pass = Assert.Single(findings, f => f.Status == ComplianceStatus.Pass);
        Assert.Equal("#2", pass.Evidence["secureTransportDeny"]);
        var fail = Assert.Single(findings, f => f.Status == ComplianceStatus.Fail);
        Assert.Equal($"SNS topic {TopicArn("fail-default-policy")} has no access policy statement that denies sns:Publish to all principals when aws:SecureTransport is false.", fail.Message);
        Assert.Equal("1", fail.Evidence["policyStatements"]);
    }

    [Fact]
    public void An_unreadable_policy_is_an_error()
    {
        var unknown = Topic("unknown") with { Attributes = null };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { SnsTopics = [unknown] }));

        Assert.Equal(ComplianceStatus.Error, finding.Status);
    }
}
