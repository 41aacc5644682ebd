namespace Compliance.Rules.Logs;

/// <summary>
/// One class of CloudTrail events that must raise an alarm (one CIS 4.x / Security Hub CloudWatch.N check), given as sample
/// events: a filter covers the class when it matches every sample. The samples are shaped as CloudTrail records them and
/// carry the fields filters usually narrow on (eventSource, userIdentity.type, readOnly), in more than one variant where
/// a filter might wrongly narrow (an IAM user and an assumed role making the same change).
/// </summary>
/// <param name="Key">A short id used in evidence: "rootUsage".</param>
/// <param name="Description">How messages name the class: "root user usage".</param>
/// <param name="SecurityHubControl">The Security Hub control: "CloudWatch.1".</param>
/// <param name="CisControl">The CIS AWS Foundations v3.0 recommendation: "4.3".</param>
/// <param name="Samples">The events that must all be matched, each with a label for messages.</param>
internal sealed record MonitoredEventSet(string Key, string Description, string SecurityHubControl, string CisControl, IReadOnlyList<SampleEvent> Samples);

/// <summary>One sample event: a label ("eventName DeleteTrail") and its fields by dotted path.</summary>
internal sealed record SampleEvent(string Label, IReadOnlyDictionary<string, object?> Fields);

/// <summary>The fourteen event classes of CIS AWS Foundations 4.1-4.14 (Security Hub CloudWatch.1-14).</summary>
internal static class MonitoredEventSets
{
    private const string Account = "111122223333";
    private const string SourceIp = "198.51.100.23";

    public static MonitoredEventSet RootUsage { get; } = new("rootUsage", "root user usage", "CloudWatch.1", "4.3",
    [
        Sample("root API call (iam CreateAccessKey)", Root("AwsApiCall", "iam.amazonaws.com", "CreateAccessKey", readOnly: false)),
        Sample("root console read (ec2 DescribeInstances)", Root("AwsApiCall", "ec2.amazonaws.com", "DescribeInstances", readOnly: true)),
        Sample("root console sign-in", Root("AwsConsoleSignIn", "signin.amazonaws.com", "ConsoleLogin", readOnly: false,
            ("responseElements.ConsoleLogin", "Success"), ("additionalEventData.MFAUsed", "Yes"))),
    ]);

    public static MonitoredEventSet UnauthorizedApiCalls { get; } = new("unauthorizedApiCalls", "unauthorized API calls", "CloudWatch.2", "4.1",
    [
        Sample("errorCode Client.UnauthorizedOperation (ec2 RunInstances)", Call("ec2.amazonaws.com", "RunInstances", "AssumedRole", false,
            ("errorCode", "Client.UnauthorizedOperation"), ("errorMessage", "You are not authorized to perform this operation."))),
        Sample("errorCode AccessDenied (s3 GetBucketPolicy)", Call("s3.amazonaws.com", "GetBucketPolicy", "IAMUser", true,
            ("errorCode", "AccessDenied"), ("errorMessage", "Access Denied"))),
        Sample("errorCode AccessDeniedException (kms Decrypt)", Call("kms.amazonaws.com", "Decrypt", "AssumedRole", true,
            ("errorCode", "AccessDeniedException"), ("errorMessage", "User is not authorized to perform: kms:Decrypt"))),
    ]);

    public static MonitoredEventSet ConsoleSignInWithoutMfa { get; } = new("consoleSignInWithoutMfa", "console sign-in without MFA", "CloudWatch.3", "4.2",
    [
        Sample("successful IAM user console sign-in without MFA", SignIn(("responseElements.ConsoleLogin", "Success"), ("additionalEventData.MFAUsed", "No"))),
    ]);

    public static MonitoredEventSet ConsoleAuthenticationFailures { get; } = new("consoleAuthenticationFailures", "console authentication failures", "CloudWatch.6", "4.6",
    [
        Sample("failed console sign-in", SignIn(("responseElements.ConsoleLogin", "Failure"), ("additionalEventData.MFAUsed", "No"),
            ("errorMessage", "Failed authentication"))),
    ]);

    public static MonitoredEventSet IamPolicyChanges { get; } = Changes("iamPolicyChanges", "IAM policy changes", "CloudWatch.4", "4.4", "iam.amazonaws.com",
        "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy",
        "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
        "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy");

    public static MonitoredEventSet CloudTrailChanges { get; } = Changes("cloudTrailChanges", "CloudTrail configuration changes", "CloudWatch.5", "4.5",
        "cloudtrail.amazonaws.com", "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging");

    public static MonitoredEventSet KeyDisableOrDeletion { get; } = Changes("keyDisableOrDeletion", "disabling or scheduled deletion of customer managed keys", "CloudWatch.7", "4.7",
        "kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion");

    public static MonitoredEventSet BucketPolicyChanges { get; } = Changes("bucketPolicyChanges", "S3 bucket policy changes", "CloudWatch.8", "4.8",
        "s3.amazonaws.com", "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
        "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication");

    public static MonitoredEventSet ConfigChanges { get; } = Changes("configChanges", "AWS Config configuration changes", "CloudWatch.9", "4.9",
        "config.amazonaws.com", "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder");

    public static MonitoredEventSet SecurityGroupChanges { get; } = Changes("securityGroupChanges", "security group changes", "CloudWatch.10", "4.10",
        "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
        "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup");

    public static MonitoredEventSet NetworkAclChanges { get; } = Changes("networkAclChanges", "network ACL changes", "CloudWatch.11", "4.11",
        "ec2.amazonaws.com", "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry",
        "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation");

    public static MonitoredEventSet NetworkGatewayChanges { get; } = Changes("networkGatewayChanges", "network gateway changes", "CloudWatch.12", "4.12",
        "ec2.amazonaws.com", "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway",
        "DeleteInternetGateway", "DetachInternetGateway");

    public static MonitoredEventSet RouteTableChanges { get; } = Changes("routeTableChanges", "route table changes", "CloudWatch.13", "4.13",
        "ec2.amazonaws.com", "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable",
        "DeleteRoute", "DisassociateRouteTable");

    /// <summary>The ClassicLink events of the CIS list are left out: EC2-Classic is retired and they can no longer occur.</summary>
    public static MonitoredEventSet VpcChanges { get; } = Changes("vpcChanges", "VPC changes", "CloudWatch.14", "4.14",
        "ec2.amazonaws.com", "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection",
        "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection");

    private static SampleEvent Sample(string label, Dictionary<string, object?> fields) => new(label, fields);

    /// <summary>A write API call by an IAM user and by an assumed role, for every event name.</summary>
    private static MonitoredEventSet Changes(string key, string description, string securityHub, string cis, string source, params string[] names) =>
        new(key, description, securityHub, cis,
            [.. names.SelectMany(name => new[]
            {
                Sample($"{name} by an IAM user", Call(source, name, "IAMUser", false)),
                Sample($"{name} by an assumed role", Call(source, name, "AssumedRole", false)),
            })]);

    private static Dictionary<string, object?> Call(string source, string name, string identity, bool readOnly, params (string Path, object? Value)[] extra)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["eventVersion"] = "1.09",
            ["eventType"] = "AwsApiCall",
            ["eventCategory"] = "Management",
            ["managementEvent"] = true,
            ["readOnly"] = readOnly,
            ["eventSource"] = source,
            ["eventName"] = name,
            ["awsRegion"] = "eu-west-1",
            ["sourceIPAddress"] = SourceIp,
            ["userAgent"] = "aws-cli/2.15.0",
            ["recipientAccountId"] = Account,
            ["userIdentity.type"] = identity,
            ["userIdentity.accountId"] = Account,
            ["userIdentity.principalId"] = identity == "IAMUser" ? "AIDAEXAMPLEUSERID" : "AROAEXAMPLEROLEID:session",
            ["userIdentity.arn"] = identity == "IAMUser" ? $"arn:aws:iam::{Account}:user/operator" : $"arn:aws:sts::{Account}:assumed-role/Operator/session",
        };
        foreach (var (path, value) in extra)
        {
            fields[path] = value;
        }

        return fields;
    }

    private static Dictionary<string, object?> Root(string eventType, string source, string name, bool readOnly, params (string Path, object? Value)[] extra)
    {
        var fields = Call(source, name, "Root", readOnly, extra);
        fields["eventType"] = eventType;
        fields["userIdentity.principalId"] = Account;
        fields["userIdentity.arn"] = $"arn:aws:iam::{Account}:root";
        return fields;
    }

    private static Dictionary<string, object?> SignIn(params (string Path, object? Value)[] extra)
    {
        var fields = Call("signin.amazonaws.com", "ConsoleLogin", "IAMUser", false, extra);
        fields["eventType"] = "AwsConsoleSignIn";
        fields["additionalEventData.LoginTo"] = "https://console.aws.amazon.com/console/home";
        fields["additionalEventData.MobileVersion"] = "No";
        return fields;
    }
}
