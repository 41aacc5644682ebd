using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.SNS;

/// <summary>Topics as ListTopics/GetTopicAttributes return them. A topic's Id is its ARN, so assertions go by topic name.</summary>
internal static class SnsFixtures
{
    /// <summary>The access policy SNS gives a new topic (console and CreateTopic), with its capitalised AWS:SourceOwner key.</summary>
    public static string DefaultTopicPolicy(string topicArn) => $$"""
        {
          "Version": "2008-10-17",
          "Id": "__default_policy_ID",
          "Statement": [
            {
              "Sid": "__default_statement_ID",
              "Effect": "Allow",
              "Principal": { "AWS": "*" },
              "Action": [
                "SNS:GetTopicAttributes",
                "SNS:SetTopicAttributes",
                "SNS:AddPermission",
                "SNS:RemovePermission",
                "SNS:DeleteTopic",
                "SNS:Subscribe",
                "SNS:ListSubscriptionsByTopic",
                "SNS:Publish"
              ],
              "Resource": "{{topicArn}}",
              "Condition": { "StringEquals": { "AWS:SourceOwner": "123456789012" } }
            }
          ]
        }
        """;

    public static string TopicArn(string name, string region = Region) => $"arn:aws:sns:{region}:{Account}:{name}";

    public static SnsTopic Topic(string name, string? kmsMasterKeyId = null, string? policyJson = null, string region = Region)
    {
        var arn = TopicArn(name, region);
        return new SnsTopic
        {
            Id = arn,
            Arn = arn,
            Region = region,
            AccountId = Account,
            Attributes = new SnsTopicAttributes(kmsMasterKeyId, PolicyDocumentJsonConverter.Parse(policyJson ?? DefaultTopicPolicy(arn))),
        };
    }

    /// <summary>
    /// Asserts exactly the topics named <paramref name="failing"/> FAIL and every topic named pass-* PASSes
    /// (RuleAssert.ExactFailing, plus the pass-* check by topic name, since topic ids are ARNs).
    /// </summary>
    public static void ExactFailingTopics(IComplianceRule rule, AwsInventory inventory, params string[] failing)
    {
        var findings = ExactFailing(rule, inventory, failing.Select(name => TopicArn(name)).ToArray());
        var notPassing = findings
            .Where(f => f.Resource.Id.Split(':')[^1].StartsWith("pass-", StringComparison.Ordinal) && f.Status != ComplianceStatus.Pass)
            .Select(f => $"{f.Resource.Id}: {f.Status} {f.Message}")
            .ToList();
        Assert.Empty(notPassing);
        Assert.Contains(findings, f => f.Status == ComplianceStatus.Pass);
    }
}
