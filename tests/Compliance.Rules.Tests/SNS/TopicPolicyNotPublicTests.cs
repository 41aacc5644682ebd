using Compliance.Rules.SNS;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.SNS.SnsFixtures;

namespace Compliance.Rules.Tests.SNS;

public sealed class TopicPolicyNotPublicTests
{
    private readonly TopicPolicyNotPublic _rule = new();

    private static string PolicyWith(string topic, string statement) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [ {{statement.Replace("TOPIC_ARN", TopicArn(topic), StringComparison.Ordinal)}} ]
        }
        """;

    [Fact]
    public void Public_statements_fail_and_the_default_policy_passes()
    {
        var inventory = BaseInventory with
        {
            SnsTopics =
            [
                Topic("pass-default-policy"),
                Topic("pass-eventbridge", policyJson: PolicyWith("pass-eventbridge", """
                    { "Sid": "AllowEventBridge", "Effect": "Allow", "Principal": { "Service": "events.amazonaws.com" }, "Action": "sns:Publish", "Resource": "TOPIC_ARN" }
                    """)),
                Topic("pass-s3-source-arn", policyJson: PolicyWith("pass-s3-source-arn", """
                    { "Sid": "S3Notify", "Effect": "Allow", "Principal": "*", "Action": "SNS:Publish", "Resource": "TOPIC_ARN",
                      "Condition": { "ArnLike": { "aws:SourceArn": "arn:aws:s3:::orders-uploads" }, "StringEquals": { "aws:SourceAccount": "123456789012" } } }
                    """)),
                Topic("pass-org-subscribers", policyJson: PolicyWith("pass-org-subscribers", """
                    { "Sid": "OrgSubscribe", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "SNS:Subscribe", "Resource": "TOPIC_ARN",
                      "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }
                    """)),
                Topic("fail-public-publish", policyJson: PolicyWith("fail-public-publish", """
                    { "Sid": "PublicPublish", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "SNS:Publish", "Resource": "TOPIC_ARN" }
                    """)),
                Topic("fail-wildcard-owner", policyJson: PolicyWith("fail-wildcard-owner", """
                    { "Sid": "AnyOwner", "Effect": "Allow", "Principal": "*", "Action": "SNS:Subscribe", "Resource": "TOPIC_ARN",
                      "Condition": { "StringLike": { "AWS:SourceOwner": "*" } } }
                    """)),
                Topic("fail-secure-transport-only", policyJson: PolicyWith("fail-secure-transport-only", """
                    { "Sid": "TlsOnly", "Effect": "Allow", "Principal": "*", "Action": "SNS:Publish", "Resource": "TOPIC_ARN",
                      "Condition": { "Bool": { "aws:SecureTransport": "true" } } }
                    """)),
            ],
        };

        ExactFailingTopics(_rule, inventory, "fail-public-publish", "fail-wildcard-owner", "fail-secure-transport-only");
    }

    [Fact]
    public void Unreadable_attributes_are_an_error()
    {
        var inventory = BaseInventory with { SnsTopics = [Topic("unknown") with { Attributes = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), TopicArn("unknown")));
    }

    [Fact]
    public void Failure_names_the_statement_and_actions()
    {
        var inventory = BaseInventory with
        {
            SnsTopics =
            [
                Topic("security-alerts", policyJson: PolicyWith("security-alerts", """
                    { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["SNS:Publish", "SNS:Subscribe"], "Resource": "TOPIC_ARN" }
                    """)),
            ],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"SNS topic {TopicArn("security-alerts")} has an access policy statement #1 that allows SNS:Publish,SNS:Subscribe to any principal with no condition restricting the caller.", finding.Message);
        Assert.Equal("#1", finding.Evidence["publicStatements"]);
    }
}
