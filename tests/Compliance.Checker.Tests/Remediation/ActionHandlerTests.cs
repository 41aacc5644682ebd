using Compliance.Checker.Remediation;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.DynamoDB;
using Compliance.Rules.EC2;
using Compliance.Rules.GuardDuty;
using Compliance.Rules.IAM;
using Compliance.Rules.KMS;
using Compliance.Rules.Logs;
using Compliance.Rules.S3;
using Compliance.Rules.SNS;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>The handlers as a set: every action these remediations call has exactly one handler, and handlers only switch protections on.</summary>
public sealed class ActionHandlerTests
{
    /// <summary>Permissions AWS checks on the caller during another call, never called through the gateway themselves.</summary>
    private static readonly IReadOnlySet<string> ImpliedPermissions = AwsRemediationGateway.ImpliedActions;

    public static TheoryData<string> Remediations => new(
        nameof(BucketPublicAccessBlockedRemediation), nameof(BucketEncryptedWithCustomerKeyRemediation), nameof(BucketVersioningEnabledRemediation),
        nameof(KeyRotationEnabledRemediation), nameof(AccountEbsEncryptionByDefaultRemediation), nameof(VpcFlowLogsEnabledRemediation),
        nameof(LogGroupEncryptedWithCustomerKeyRemediation), nameof(GuardDutyEnabledCentralizedRemediation),
        nameof(PasswordPolicyStrongRemediation), nameof(TopicEncryptedWithCustomerKeyRemediation), nameof(TablePointInTimeRecoveryRemediation),
        nameof(TableDeletionProtectionRemediation));

    private static IRemediation Create(string name) =>
        (IRemediation)Activator.CreateInstance(typeof(RuleIds).Assembly.GetTypes().Single(t => t.Name == name))!;

    [Theory]
    [MemberData(nameof(Remediations))]
    public void Every_required_action_is_a_gateway_action_or_a_permission_aws_checks_on_the_caller(string name)
    {
        var remediation = Create(name);

        Assert.NotEmpty(remediation.RequiredActions);
        Assert.Equal(remediation.RequiredActions.Count, remediation.RequiredActions.Distinct().Count());
        Assert.All(remediation.RequiredActions, a => Assert.True(
            AwsRemediationGateway.SupportedActions.Contains(a) || ImpliedPermissions.Contains(a), $"{name}: no handler performs {a}"));
        Assert.Contains(remediation.RequiredActions, a => a.Split(':')[1].StartsWith("Get", StringComparison.Ordinal) || a.Split(':')[1].StartsWith("Describe", StringComparison.Ordinal) || a.Split(':')[1].StartsWith("List", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("s3:PutBucketPublicAccessBlock", "BlockPublicPolicy")]
    [InlineData("guardduty:UpdateDetector", "Enable")]
    [InlineData("guardduty:CreateDetector", "Enable")]
    [InlineData("dynamodb:UpdateTable", "DeletionProtectionEnabled")]
    [InlineData("dynamodb:UpdateContinuousBackups", "PointInTimeRecoveryEnabled")]
    public async Task A_request_to_switch_a_protection_off_is_refused_before_any_call(string action, string flag)
    {
        var parameters = new Dictionary<string, string>
        {
            ["Region"] = "eu-west-1", ["Bucket"] = "amzn-s3-demo-bucket", ["DetectorId"] = "12abc34d567e8fa901bc2d34eexample",
            ["TableName"] = "orders", ["DeletionProtectionEnabled"] = "true", ["PointInTimeRecoveryEnabled"] = "true",
            ["BlockPublicAcls"] = "true", ["IgnorePublicAcls"] = "true", ["BlockPublicPolicy"] = "true", ["RestrictPublicBuckets"] = "true", ["Enable"] = "true",
        };
        parameters[flag] = "false";
        var aws = new FakeAws();
        using var session = aws.Session(S3Fake.Options());

        await Assert.ThrowsAsync<ArgumentException>(() => new AwsRemediationGateway(session).InvokeAsync(new RemediationAction(action, parameters), CancellationToken.None));

        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task A_missing_parameter_names_itself()
    {
        using var session = new FakeAws().Session();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new AwsRemediationGateway(session).InvokeAsync(
            new RemediationAction("kms:EnableKeyRotation", new Dictionary<string, string> { ["Region"] = "eu-west-1" }), CancellationToken.None));

        Assert.StartsWith("kms:EnableKeyRotation needs the parameter KeyId.", error.Message, StringComparison.Ordinal);
    }
}
