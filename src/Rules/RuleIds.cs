namespace Compliance.Rules;

/// <summary>
/// Every rule id, in one place. An id is never reused: a retired rule's constant moves to <see cref="Retired"/>.
/// Scheme: <c>Namespace.ResourceType.N</c> (see docs/rules/README.md).
/// </summary>
public static class RuleIds
{
    public const string Ec2Vpc1 = "EC2.VPC.1";
    public const string Ec2Vpc2 = "EC2.VPC.2";
    public const string Ec2VpcEndpoint1 = "EC2.VPCEndpoint.1";
    public const string Ec2RouteTable1 = "EC2.RouteTable.1";
    public const string Ec2Subnet1 = "EC2.Subnet.1";
    public const string Ec2SecurityGroup1 = "EC2.SecurityGroup.1";
    public const string Ec2SecurityGroup2 = "EC2.SecurityGroup.2";
    public const string Ec2SecurityGroup3 = "EC2.SecurityGroup.3";
    public const string Ec2SecurityGroup4 = "EC2.SecurityGroup.4";
    public const string Ec2SecurityGroup5 = "EC2.SecurityGroup.5";
    public const string Ec2NetworkAcl1 = "EC2.NetworkAcl.1";
    public const string Ec2NetworkAcl2 = "EC2.NetworkAcl.2";
    public const string Ec2NetworkAcl3 = "EC2.NetworkAcl.3";
    public const string Ec2Volume1 = "EC2.Volume.1";
    public const string Ec2Account2 = "EC2.Account.2";
    public const string Ec2Snapshot1 = "EC2.Snapshot.1";
    public const string Ec2Instance1 = "EC2.Instance.1";
    public const string Ec2Instance2 = "EC2.Instance.2";

    public const string S3Account1 = "S3.Account.1";
    public const string S3Bucket1 = "S3.Bucket.1";
    public const string S3Bucket2 = "S3.Bucket.2";
    public const string S3Bucket3 = "S3.Bucket.3";
    public const string S3Bucket4 = "S3.Bucket.4";
    public const string S3Bucket5 = "S3.Bucket.5";
    public const string S3Bucket6 = "S3.Bucket.6";
    public const string S3Bucket7 = "S3.Bucket.7";
    public const string S3Bucket8 = "S3.Bucket.8";
    public const string S3Bucket9 = "S3.Bucket.9";

    public const string KmsKey1 = "KMS.Key.1";
    public const string KmsKey2 = "KMS.Key.2";
    public const string KmsKey3 = "KMS.Key.3";
    public const string KmsKey4 = "KMS.Key.4";

    public const string LogsLogGroup1 = "Logs.LogGroup.1";
    public const string LogsLogGroup2 = "Logs.LogGroup.2";

    public const string GuardDutyDetector1 = "GuardDuty.Detector.1";

    public const string SnsTopic1 = "SNS.Topic.1";
    public const string SnsTopic2 = "SNS.Topic.2";

    public const string SecretsManagerSecret1 = "SecretsManager.Secret.1";

    public const string DynamoDbTable1 = "DynamoDB.Table.1";
    public const string DynamoDbTable2 = "DynamoDB.Table.2";

    public const string CloudTrailTrail1 = "CloudTrail.Trail.1";

    public const string ConfigConfigurationRecorder1 = "Config.ConfigurationRecorder.1";

    public const string IamAccount3 = "IAM.Account.3";

    /// <summary>Ids that were shipped and retired; they must never be given to a new rule.</summary>
    public static IReadOnlyList<string> Retired { get; } = [];
}
