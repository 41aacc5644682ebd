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
    public const string Ec2Account1 = "EC2.Account.1";
    public const string Ec2Subnet2 = "EC2.Subnet.2";

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
    public const string LogsMetricFilter1 = "Logs.MetricFilter.1";
    public const string LogsMetricFilter2 = "Logs.MetricFilter.2";
    public const string LogsMetricFilter3 = "Logs.MetricFilter.3";
    public const string LogsMetricFilter4 = "Logs.MetricFilter.4";

    public const string CloudWatchAlarm1 = "CloudWatch.Alarm.1";

    public const string GuardDutyDetector1 = "GuardDuty.Detector.1";
    public const string GuardDutyDetector2 = "GuardDuty.Detector.2";
    public const string GuardDutyDetector3 = "GuardDuty.Detector.3";
    public const string GuardDutyDetector4 = "GuardDuty.Detector.4";

    public const string SnsTopic1 = "SNS.Topic.1";
    public const string SnsTopic2 = "SNS.Topic.2";
    public const string SnsTopic3 = "SNS.Topic.3";

    public const string SecretsManagerSecret1 = "SecretsManager.Secret.1";
    public const string SecretsManagerSecret2 = "SecretsManager.Secret.2";
    public const string SecretsManagerSecret3 = "SecretsManager.Secret.3";
    public const string SecretsManagerSecret4 = "SecretsManager.Secret.4";

    public const string DynamoDbTable1 = "DynamoDB.Table.1";
    public const string DynamoDbTable2 = "DynamoDB.Table.2";
    public const string DynamoDbTable3 = "DynamoDB.Table.3";
    public const string DynamoDbTable4 = "DynamoDB.Table.4";
    public const string DynamoDbTable5 = "DynamoDB.Table.5";

    public const string CloudTrailTrail1 = "CloudTrail.Trail.1";
    public const string CloudTrailTrail2 = "CloudTrail.Trail.2";
    public const string CloudTrailTrail3 = "CloudTrail.Trail.3";
    public const string CloudTrailTrail4 = "CloudTrail.Trail.4";
    public const string CloudTrailTrail5 = "CloudTrail.Trail.5";
    public const string CloudTrailTrail6 = "CloudTrail.Trail.6";
    public const string CloudTrailTrail7 = "CloudTrail.Trail.7";

    public const string ConfigConfigurationRecorder1 = "Config.ConfigurationRecorder.1";
    public const string ConfigDeliveryChannel1 = "Config.DeliveryChannel.1";
    public const string ConfigConfigRule1 = "Config.ConfigRule.1";

    public const string IamAccount1 = "IAM.Account.1";
    public const string IamAccount2 = "IAM.Account.2";
    public const string IamAccount3 = "IAM.Account.3";
    public const string IamAccount4 = "IAM.Account.4";
    public const string IamUser1 = "IAM.User.1";
    public const string IamUser2 = "IAM.User.2";
    public const string IamUser3 = "IAM.User.3";
    public const string IamPolicy1 = "IAM.Policy.1";
    public const string IamPolicy2 = "IAM.Policy.2";
    public const string IamPolicy3 = "IAM.Policy.3";
    public const string IamRole1 = "IAM.Role.1";
    public const string IamRole2 = "IAM.Role.2";

    public const string LambdaFunction1 = "Lambda.Function.1";
    public const string LambdaFunction2 = "Lambda.Function.2";
    public const string LambdaFunction3 = "Lambda.Function.3";
    public const string LambdaFunction4 = "Lambda.Function.4";
    public const string LambdaFunction5 = "Lambda.Function.5";
    public const string LambdaFunction6 = "Lambda.Function.6";

    public const string ApiGatewayRestApi1 = "ApiGateway.RestApi.1";
    public const string ApiGatewayMethod1 = "ApiGateway.Method.1";
    public const string ApiGatewayMethod2 = "ApiGateway.Method.2";
    public const string ApiGatewayStage1 = "ApiGateway.Stage.1";
    public const string ApiGatewayStage2 = "ApiGateway.Stage.2";
    public const string ApiGatewayStage3 = "ApiGateway.Stage.3";
    public const string ApiGatewayStage4 = "ApiGateway.Stage.4";

    public const string EventsRule1 = "Events.Rule.1";
    public const string EventsEventBus1 = "Events.EventBus.1";

    public const string TaggingResource1 = "Tagging.Resource.1";

    /// <summary>Ids that were shipped and retired; they must never be given to a new rule.</summary>
    public static IReadOnlyList<string> Retired { get; } = [];
}
