using Compliance.Checker.Templates;
using Compliance.Rules;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>The sample templates: the non-compliant one fails every rule family a template can show, the compliant one none.</summary>
public sealed class SampleTemplateTests
{
    private static TemplateInventory Sample(string name) =>
        TemplateSource.Load(Path.Combine(Fixtures.RepositoryRoot, "samples", "templates", name), new TemplateOptions());

    [Fact]
    public void The_noncompliant_sample_fails_exactly_these_rules()
    {
        var findings = Scan(Sample("noncompliant.yaml"));

        var failing = findings.Where(f => f.Status == ComplianceStatus.Fail).Select(f => f.RuleId).ToHashSet();
        Assert.Equal(
            new HashSet<string>
            {
                "ApiGateway.Method.1", "ApiGateway.Method.2", "ApiGateway.RestApi.1",
                "ApiGateway.Stage.1", "ApiGateway.Stage.2", "ApiGateway.Stage.3", "ApiGateway.Stage.4",
                "CloudTrail.Trail.1", "CloudTrail.Trail.2", "CloudTrail.Trail.3", "CloudTrail.Trail.4", "CloudTrail.Trail.6", "CloudTrail.Trail.7",
                "CloudWatch.Alarm.1", "Config.ConfigRule.1", "Config.ConfigurationRecorder.1", "Config.DeliveryChannel.1",
                "DynamoDB.Table.1", "DynamoDB.Table.2",
                "EC2.Instance.1", "EC2.Instance.2", "EC2.NetworkAcl.1", "EC2.NetworkAcl.2", "EC2.NetworkAcl.3", "EC2.RouteTable.1",
                "EC2.SecurityGroup.1", "EC2.SecurityGroup.2", "EC2.SecurityGroup.3", "EC2.SecurityGroup.4", "EC2.SecurityGroup.5",
                "EC2.Subnet.1", "EC2.VPC.1", "EC2.VPC.2", "EC2.VPCEndpoint.1", "EC2.Volume.1", "GuardDuty.Detector.1",
                "KMS.Key.1", "KMS.Key.3", "KMS.Key.4", "Logs.LogGroup.1", "Logs.LogGroup.2",
                "Logs.MetricFilter.1", "Logs.MetricFilter.2", "Logs.MetricFilter.3", "Logs.MetricFilter.4",
                "S3.Bucket.1", "S3.Bucket.3", "S3.Bucket.4", "S3.Bucket.5", "S3.Bucket.6", "S3.Bucket.7", "S3.Bucket.8", "S3.Bucket.9",
                "SNS.Topic.1", "SNS.Topic.2", "SecretsManager.Secret.1",
                "DynamoDB.Table.5", "IAM.Policy.1", "IAM.Policy.2", "IAM.Policy.3", "IAM.Role.1", "IAM.Role.2", "IAM.User.3",

                // Lambda, EventBridge and the issue-7 rules of GuardDuty, DynamoDB, EC2, SNS, Secrets Manager and tagging.
                "DynamoDB.Table.3", "EC2.Account.1", "EC2.Subnet.2", "Events.EventBus.1", "Events.Rule.1",
                "GuardDuty.Detector.2", "GuardDuty.Detector.3",
                "Lambda.Function.1", "Lambda.Function.2", "Lambda.Function.3", "Lambda.Function.4", "Lambda.Function.5", "Lambda.Function.6",
                "SNS.Topic.3", "SecretsManager.Secret.3", "Tagging.Resource.1",
            },
            failing);

        // The public bucket's policy is public, but whether the account-level block neutralises it is live state.
        Assert.Equal(ComplianceStatus.Error, Status(findings, "S3.Bucket.2", "payments-exports-dev-123456789012"));
        // So is whether the trail writing into it exposes its log files (CloudTrail.Trail.5 cannot fail from a template).
        Assert.Equal(ComplianceStatus.Error, Status(findings, "CloudTrail.Trail.5", "payments-exports-dev-123456789012"));
        Assert.All(findings.Where(f => f.RuleId is "S3.Account.1" or "EC2.Account.2" or "KMS.Key.2" or "EC2.Snapshot.1" or "IAM.Account.3"),
            f => Assert.Equal(ComplianceStatus.NotApplicable, f.Status));
        Assert.All(findings.Where(f => f.RuleId is "DynamoDB.Table.4" or "GuardDuty.Detector.4" or "SecretsManager.Secret.2" or "SecretsManager.Secret.4"),
            f => Assert.Equal(ComplianceStatus.NotApplicable, f.Status));

        // The root user and the credential report are live state; the template declares no Access Analyzer.
        Assert.All(findings.Where(f => f.RuleId is "IAM.Account.1" or "IAM.Account.2" or "IAM.Account.4" or "IAM.User.1" or "IAM.User.2"),
            f => Assert.Equal(ComplianceStatus.NotApplicable, f.Status));
    }

    [Theory]
    [InlineData("EC2.SecurityGroup.2", "AppSecurityGroup", 110, 3)]
    [InlineData("EC2.SecurityGroup.3", "AppSecurityGroup", 110, 3)]
    [InlineData("EC2.SecurityGroup.1", "Vpc", 32, 3)]
    [InlineData("EC2.NetworkAcl.1", "AppAcl", 82, 3)]
    [InlineData("S3.Bucket.1", "ExportsBucket", 182, 3)]
    [InlineData("KMS.Key.3", "DataKey", 224, 3)]
    [InlineData("SNS.Topic.2", "AlertsTopic", 251, 3)]
    [InlineData("CloudTrail.Trail.1", "Trail", 299, 3)]
    [InlineData("IAM.User.3", "Operator", 321, 3)]
    [InlineData("IAM.Role.1", "SupportRole", 341, 3)]
    [InlineData("DynamoDB.Table.5", "AuditTable", 383, 3)]
    public void Noncompliant_findings_point_at_the_declaring_resource(string ruleId, string logicalId, int line, int column)
    {
        var finding = Assert.Single(Scan(Sample("noncompliant.yaml"), ruleId), f => f.Status == ComplianceStatus.Fail);

        Assert.NotNull(finding.Location);
        Assert.EndsWith("samples/templates/noncompliant.yaml", finding.Location.File);
        Assert.Equal((logicalId, line, column), (finding.Location.LogicalId, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_resource_whose_condition_is_false_is_not_in_the_noncompliant_inventory()
    {
        var template = Sample("noncompliant.yaml");

        Assert.DoesNotContain(template.Inventory.SnsTopics, t => t.Id.EndsWith(":payments-prod-only", StringComparison.Ordinal));
        Assert.Single(template.Inventory.SnsTopics);
    }

    [Fact]
    public void The_compliant_sample_has_no_fail_and_no_error()
    {
        var report = Report(Sample("compliant.yaml"));

        Assert.Empty(report.Findings.Where(f => f.Status is ComplianceStatus.Fail or ComplianceStatus.Error).Select(f => $"{f.RuleId} {f.Resource.Id}: {f.Message}"));
        Assert.Equal(100.0, report.Score);
    }
}
