using System.Text.Json.Nodes;

namespace Compliance.Rules.Events;

/// <summary>
/// One kind of security event a region must route, described by representative events (as EventBridge delivers them).
/// A category is covered when every one of its events matches some routing rule.
/// </summary>
/// <param name="Id">The parameter value naming the category, e.g. "iam-changes".</param>
/// <param name="Description">What it covers, for messages.</param>
/// <param name="Events">The events, each with a short label ("DeleteSecurityGroup").</param>
internal sealed record SecurityEventCategory(string Id, string Description, IReadOnlyList<(string Label, JsonObject Event)> Events);

/// <summary>
/// The categories Events.Rule.1 knows. The CloudTrail API calls are those the CIS AWS Foundations Benchmark v3.0 section 4
/// metric filters watch (4.3 root use, 4.4 IAM policy changes, 4.5 CloudTrail changes, 4.7 KMS key disabling or deletion,
/// 4.9 Config changes, 4.10 security group changes, 4.11 NACL changes), plus ModifySecurityGroupRules.
/// </summary>
internal static class SecurityEventCategories
{
    public static IReadOnlyList<SecurityEventCategory> All { get; } =
    [
        new("guardduty-findings", "GuardDuty findings",
        [
            ("high-severity finding", Finding("aws.guardduty", "GuardDuty Finding", """{"severity": 7.5, "type": "UnauthorizedAccess:EC2/SSHBruteForce"}""")),
            ("critical-severity finding", Finding("aws.guardduty", "GuardDuty Finding", """{"severity": 9.5, "type": "AttackSequence:IAM/CompromisedCredentials"}""")),
        ]),
        new("securityhub-findings", "Security Hub findings that FAILED with HIGH or CRITICAL severity",
        [
            ("FAILED HIGH finding", Finding("aws.securityhub", "Security Hub Findings - Imported", SecurityHub("HIGH"))),
            ("FAILED CRITICAL finding", Finding("aws.securityhub", "Security Hub Findings - Imported", SecurityHub("CRITICAL"))),
        ]),
        new("config-compliance", "AWS Config rule compliance changes to NON_COMPLIANT",
        [
            ("NON_COMPLIANT change", Finding("aws.config", "Config Rules Compliance Change",
                """{"messageType": "ComplianceChangeNotification", "configRuleName": "s3-bucket-public-read-prohibited", "resourceType": "AWS::S3::Bucket", "newEvaluationResult": {"complianceType": "NON_COMPLIANT"}, "oldEvaluationResult": {"complianceType": "COMPLIANT"}}""")),
        ]),
        new("root-sign-in", "root user console sign-in",
        [
            ("root ConsoleLogin", Finding("aws.signin", "AWS Console Sign In via CloudTrail",
                """{"eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "userIdentity": {"type": "Root", "arn": "arn:aws:iam::123456789012:root"}, "responseElements": {"ConsoleLogin": "Success"}, "eventType": "AwsConsoleSignIn"}""")),
        ]),
        Api("iam-changes", "IAM policy changes", "aws.iam", "iam.amazonaws.com",
            "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy",
            "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
            "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy"),
        Api("kms-changes", "KMS key disabling or scheduled deletion", "aws.kms", "kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion"),
        Api("cloudtrail-changes", "CloudTrail configuration changes", "aws.cloudtrail", "cloudtrail.amazonaws.com",
            "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"),
        Api("config-changes", "AWS Config configuration changes", "aws.config", "config.amazonaws.com",
            "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"),
        Api("security-group-changes", "security group changes", "aws.ec2", "ec2.amazonaws.com",
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
            "CreateSecurityGroup", "DeleteSecurityGroup", "ModifySecurityGroupRules"),
        Api("nacl-changes", "network ACL changes", "aws.ec2", "ec2.amazonaws.com",
            "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry",
            "ReplaceNetworkAclAssociation"),
    ];

    /// <summary>The category with this id; throws a clear error for an unknown one (a parameter typo must not pass silently).</summary>
    public static SecurityEventCategory Get(string id) =>
        All.FirstOrDefault(c => c.Id == id)
        ?? throw new FormatException($"Unknown security event category '{id}'; known: {string.Join(", ", All.Select(c => c.Id))}.");

    private static JsonObject Finding(string source, string detailType, string detail) => new()
    {
        ["version"] = "0",
        ["id"] = "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
        ["source"] = source,
        ["detail-type"] = detailType,
        ["account"] = "123456789012",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray(),
        ["detail"] = JsonNode.Parse(detail),
    };

    private static string SecurityHub(string severity) =>
        $$$"""{"findings": [{"ProductName": "Security Hub", "RecordState": "ACTIVE", "Compliance": {"Status": "FAILED"}, "Severity": {"Label": "{{{severity}}}"}, "Workflow": {"Status": "NEW"}}]}""";

    /// <summary>A category of CloudTrail-recorded write API calls of one service.</summary>
    private static SecurityEventCategory Api(string id, string description, string source, string eventSource, params string[] eventNames) =>
        new(id, description, eventNames.Select(name => (name, Finding(source, "AWS API Call via CloudTrail",
            $$$"""{"eventVersion": "1.09", "eventSource": "{{{eventSource}}}", "eventName": "{{{name}}}", "eventType": "AwsApiCall", "eventCategory": "Management", "managementEvent": true, "readOnly": false, "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::123456789012:assumed-role/Admin/alice"}}"""))).ToList());
}
