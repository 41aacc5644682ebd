using Amazon.CDK.Assertions;

namespace Compliance.Infra.Tests;

public sealed class BaselineGovernanceTests
{
    private static Template Default => Synth.Baseline();

    [Fact]
    public void GuardDuty_publishes_every_15_minutes_with_s3_protection()
    {
        Default.ResourceCountIs("AWS::GuardDuty::Detector", 1);
        Default.HasResourceProperties("AWS::GuardDuty::Detector", new Dictionary<string, object>
        {
            ["Enable"] = true,
            ["FindingPublishingFrequency"] = "FIFTEEN_MINUTES",
            ["Features"] = new object[] { new Dictionary<string, object> { ["Name"] = "S3_DATA_EVENTS", ["Status"] = "ENABLED" } },
            ["DataSources"] = Match.Absent(),
            ["Tags"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Key"] = "Environment", ["Value"] = "dev" } }),
        });
        Default.HasOutput("GuardDutyDetectorId", new Dictionary<string, object>());
    }

    [Fact]
    public void The_audit_table_is_on_demand_kms_encrypted_with_the_app_key_recoverable_and_protected()
    {
        Default.ResourceCountIs("AWS::DynamoDB::Table", 1);
        Default.HasResource("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Retain",
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["TableName"] = "dynamodb-audit-dev",
                ["BillingMode"] = "PAY_PER_REQUEST",
                ["DeletionProtectionEnabled"] = true,
                ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
                ["SSESpecification"] = new Dictionary<string, object>
                {
                    ["SSEEnabled"] = true,
                    ["SSEType"] = "KMS",
                    ["KMSMasterKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Keysapp"), "Arn" } },
                },
                ["Tags"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Key"] = "Compliance", ["Value"] = "PCI-DSS-3.2.1" } }),
            }),
        });
        Default.HasOutput("AuditTableName", new Dictionary<string, object>());
        Default.HasOutput("AuditTableArn", new Dictionary<string, object>());
    }
}
