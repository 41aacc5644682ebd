using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// What every inventory record shares. Convention for every field of every record: <c>null</c> means the
/// source could not learn the value (unknown), unless the field's own documentation gives null a meaning
/// (where null is how AWS itself says "absent", e.g. a log group's RetentionInDays = never expire).
/// Other settings that AWS reports as absent have an explicit known value: an empty policy, an all-false
/// public access block, "Off" versioning, and "" for a string AWS omits when empty (a description, a public IP).
/// </summary>
public abstract record AwsResource
{
    /// <summary>The resource's own id: group id, bucket name, key id, log group name, topic ARN, ...</summary>
    public required string Id { get; init; }

    /// <summary>The region, or "global" for global resources.</summary>
    public required string Region { get; init; }

    /// <summary>The owning account.</summary>
    public required string AccountId { get; init; }

    /// <summary>The ARN, where the resource has one.</summary>
    public string? Arn { get; init; }

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// True when the source could not read the resource's tags (the tag call failed, or the source does not read tags
    /// for this type): <see cref="Tags"/> is then empty or incomplete and says nothing about which tags exist. A flag
    /// rather than a null <see cref="Tags"/>, so the many readers of tags stay as they are; omitted from JSON when false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TagsUnknown { get; init; }

    /// <summary>The CloudFormation / AWS Config resource type.</summary>
    [JsonIgnore]
    public abstract string ResourceType { get; }

    /// <summary>This resource as a finding's subject.</summary>
    [JsonIgnore]
    public ResourceRef Ref => new(ResourceType, Id, Arn, Region, AccountId);

    /// <summary>A tag's value, or null.</summary>
    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value : null;

    /// <summary>The Name tag when present, for messages: "sg-0abc (web)".</summary>
    [JsonIgnore]
    public string DisplayName => Tag("Name") is { Length: > 0 } name ? $"{Id} ({name})" : Id;
}

/// <summary>Resource type names, as CloudFormation and AWS Config spell them.</summary>
public static class ResourceTypes
{
    public const string Account = "AWS::::Account";
    public const string Vpc = "AWS::EC2::VPC";
    public const string Subnet = "AWS::EC2::Subnet";
    public const string RouteTable = "AWS::EC2::RouteTable";
    public const string SecurityGroup = "AWS::EC2::SecurityGroup";
    public const string NetworkAcl = "AWS::EC2::NetworkAcl";
    public const string NetworkAclEntry = "AWS::EC2::NetworkAclEntry";
    public const string FlowLog = "AWS::EC2::FlowLog";
    public const string VpcEndpoint = "AWS::EC2::VPCEndpoint";
    public const string Volume = "AWS::EC2::Volume";
    public const string Snapshot = "AWS::EC2::Snapshot";
    public const string Instance = "AWS::EC2::Instance";
    public const string EbsEncryptionByDefault = "AWS::EC2::EBSEncryptionByDefault";
    public const string Bucket = "AWS::S3::Bucket";
    public const string BucketPolicy = "AWS::S3::BucketPolicy";
    public const string AccountPublicAccessBlock = "AWS::S3::AccountPublicAccessBlock";
    public const string KmsKey = "AWS::KMS::Key";
    public const string LogGroup = "AWS::Logs::LogGroup";
    public const string GuardDutyDetector = "AWS::GuardDuty::Detector";
    public const string SnsTopic = "AWS::SNS::Topic";
    public const string SnsTopicPolicy = "AWS::SNS::TopicPolicy";
    public const string Secret = "AWS::SecretsManager::Secret";
    public const string SecretRotationSchedule = "AWS::SecretsManager::RotationSchedule";
    public const string DynamoDbTable = "AWS::DynamoDB::Table";
    public const string Trail = "AWS::CloudTrail::Trail";
    public const string ConfigurationRecorder = "AWS::Config::ConfigurationRecorder";
    public const string PasswordPolicy = "AWS::IAM::AccountPasswordPolicy";
    public const string VpcBlockPublicAccessOptions = "AWS::EC2::VPCBlockPublicAccessOptions";
    public const string LogsMetricFilter = "AWS::Logs::MetricFilter";
    public const string CloudWatchAlarm = "AWS::CloudWatch::Alarm";
    public const string ConfigDeliveryChannel = "AWS::Config::DeliveryChannel";
    public const string ConfigRule = "AWS::Config::ConfigRule";
    public const string ConformancePack = "AWS::Config::ConformancePack";
    public const string IamUser = "AWS::IAM::User";
    public const string IamGroup = "AWS::IAM::Group";
    public const string IamRole = "AWS::IAM::Role";
    public const string IamPolicy = "AWS::IAM::Policy";
    public const string IamManagedPolicy = "AWS::IAM::ManagedPolicy";
    public const string AccessAnalyzer = "AWS::AccessAnalyzer::Analyzer";

    /// <summary>
    /// The root user's credentials (no CloudFormation or AWS Config type exists; findings about it are reported on
    /// <see cref="Account"/>, as AWS Config does).
    /// </summary>
    public const string IamRootUser = "AWS::IAM::RootUser";

    /// <summary>
    /// The IAM credential report (no CloudFormation or AWS Config type exists): its rows are carried by
    /// <see cref="IamUser"/> and the root user record, this type names what to collect.
    /// </summary>
    public const string IamCredentialReport = "AWS::IAM::CredentialReport";
    public const string LambdaFunction = "AWS::Lambda::Function";
    public const string LambdaPermission = "AWS::Lambda::Permission";
    public const string LambdaUrl = "AWS::Lambda::Url";
    public const string ApiGatewayRestApi = "AWS::ApiGateway::RestApi";
    public const string ApiGatewayMethod = "AWS::ApiGateway::Method";
    public const string ApiGatewayStage = "AWS::ApiGateway::Stage";
    public const string ApiGatewayUsagePlan = "AWS::ApiGateway::UsagePlan";
    public const string WafWebAclAssociation = "AWS::WAFv2::WebACLAssociation";
    public const string EventsRule = "AWS::Events::Rule";
    public const string EventsEventBus = "AWS::Events::EventBus";
    public const string EventsEventBusPolicy = "AWS::Events::EventBusPolicy";
    public const string BackupPlan = "AWS::Backup::BackupPlan";
    public const string BackupVault = "AWS::Backup::BackupVault";
}
