using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Compliance.Infra.Checker;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="AccessControl"/>.</summary>
public sealed record AccessControlProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The audit table the application role writes to.</summary>
    public required ITable AuditTable { get; init; }

    /// <summary>The application data key (the audit table's key).</summary>
    public required IKey ApplicationKey { get; init; }

    /// <summary>Account trusted to assume the auditor role; null creates none.</summary>
    public string? AuditorAccount { get; init; }

    /// <summary>External ID of the auditor (validated by <see cref="DeploymentSettings"/>: at least 32 characters).</summary>
    public string? AuditorExternalId { get; init; }

    /// <summary>CIDR the auditor must assume the role from.</summary>
    public string? AuditorCidr { get; init; }

    /// <summary>Regions the region-restriction policy allows; empty means the stack's region.</summary>
    public required IReadOnlyList<string> AllowedRegions { get; init; }
}

/// <summary>
/// IAM of the baseline: an application role (EC2 in the application tier) that may only append to and read the audit
/// table; an optional cross-account auditor role (external ID, source-IP condition, explicit read actions, explicit
/// denies on writes); an MFA-enforcement managed policy and a region-restriction managed policy, both to attach to
/// human users and groups. Roles last at most one hour and carry no AWS managed policy.
/// </summary>
public sealed class AccessControl : Construct
{
    /// <summary>Read actions of the auditor beyond the checker's own collectors: the security services' findings and state.</summary>
    public static IReadOnlyList<string> AuditorExtraReadActions { get; } =
    [
        "cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "cloudtrail:GetTrailStatus",
        "config:DescribeComplianceByConfigRule", "config:DescribeConfigRules", "config:DescribeConfigurationRecorderStatus",
        "config:DescribeConfigurationRecorders", "config:DescribeDeliveryChannels",
        "guardduty:GetDetector", "guardduty:GetFindings", "guardduty:ListDetectors", "guardduty:ListFindings",
        "iam:GetAccountPasswordPolicy", "iam:GetAccountSummary", "iam:GetCredentialReport",
    ];

    /// <summary>Write actions denied to the auditor explicitly, whatever else may ever be attached to it.</summary>
    public static IReadOnlyList<string> AuditorDeniedActions { get; } =
    [
        "cloudtrail:Delete*", "cloudtrail:Put*", "cloudtrail:StopLogging", "cloudtrail:Update*",
        "config:Delete*", "config:Put*", "config:StopConfigurationRecorder",
        "dynamodb:Delete*", "dynamodb:Put*", "dynamodb:Update*",
        "ec2:Associate*", "ec2:Attach*", "ec2:Authorize*", "ec2:Create*", "ec2:Delete*", "ec2:Detach*", "ec2:Disassociate*",
        "ec2:Modify*", "ec2:Replace*", "ec2:Revoke*", "ec2:Run*", "ec2:Start*", "ec2:Stop*", "ec2:Terminate*",
        "guardduty:Create*", "guardduty:Delete*", "guardduty:Update*",
        "iam:Add*", "iam:Attach*", "iam:Create*", "iam:Delete*", "iam:Detach*", "iam:Pass*", "iam:Put*", "iam:Remove*", "iam:Update*",
        "kms:Create*", "kms:Decrypt", "kms:Delete*", "kms:Disable*", "kms:Encrypt", "kms:Put*", "kms:ScheduleKeyDeletion",
        "lambda:Create*", "lambda:Delete*", "lambda:Invoke*", "lambda:Put*", "lambda:Update*",
        "logs:Create*", "logs:Delete*", "logs:Put*",
        "s3:Delete*", "s3:GetObject", "s3:Put*", "s3:Replicate*", "s3:Restore*",
        "secretsmanager:*",
        "sns:Create*", "sns:Delete*", "sns:Publish", "sns:Set*", "sns:Subscribe",
    ];

    /// <summary>What a user may do without MFA: see and manage their own MFA device and password, nothing else.</summary>
    public static IReadOnlyList<string> MfaSelfServiceActions { get; } =
    [
        "iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices",
        "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken",
    ];

    /// <summary>Global services, served from us-east-1 whatever the caller's region: excluded from the region restriction.</summary>
    public static IReadOnlyList<string> GlobalServiceActions { get; } =
    [
        "account:*", "aws-portal:*", "budgets:*", "ce:*", "cloudfront:*", "globalaccelerator:*", "health:*", "iam:*",
        "organizations:*", "route53:*", "route53domains:*", "shield:*", "sts:*", "support:*", "trustedadvisor:*", "waf:*",
    ];

    /// <summary>The application role.</summary>
    public Role Application { get; }

    /// <summary>The cross-account auditor role, when an auditor account is configured.</summary>
    public Role? Auditor { get; }

    /// <summary>The MFA-enforcement managed policy.</summary>
    public ManagedPolicy MfaEnforcement { get; }

    /// <summary>The region-restriction managed policy.</summary>
    public ManagedPolicy RegionRestriction { get; }

    public AccessControl(Construct scope, string id, AccessControlProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var env = props.EnvironmentName;

        Application = new Role(this, "Application", new RoleProps
        {
            RoleName = $"iam-application-{env}",
            Description = "Application tier: appends to and reads the audit table.",
            AssumedBy = new ServicePrincipal("ec2.amazonaws.com"),
            MaxSessionDuration = Duration.Hours(1),
        });
        Application.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AuditTableAppendAndRead",
            Actions = ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
            Resources = [props.AuditTable.TableArn],
        }));
        Application.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AppKeyThroughDynamoDbOnly",
            Actions = ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"],
            Resources = [props.ApplicationKey.KeyArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"dynamodb.{stack.Region}.amazonaws.com" },
            },
        }));

        if (props.AuditorAccount is not null)
        {
            Auditor = new Role(this, "Auditor", new RoleProps
            {
                RoleName = $"iam-auditor-{env}",
                Description = $"Cross-account, read-only security auditor from {props.AuditorAccount}.",
                AssumedBy = new AccountPrincipal(props.AuditorAccount).WithConditions(new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["sts:ExternalId"] = props.AuditorExternalId! },
                    ["IpAddress"] = new Dictionary<string, object> { ["aws:SourceIp"] = props.AuditorCidr! },
                }),
                MaxSessionDuration = Duration.Hours(1),
            });
            Auditor.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ReadSecurityConfiguration",
                Actions = [.. CheckerPermissions.ReadOnly.Concat(AuditorExtraReadActions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                // An auditor reads every resource of the account, and most List/Describe actions have no resource type
                // to scope them by: "*" is the narrowest resource these read actions take.
                Resources = ["*"],
            }));
            Auditor.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "DenyWrites",
                Effect = Effect.DENY,
                Actions = [.. AuditorDeniedActions],
                // A deny: "*" covers every resource.
                Resources = ["*"],
            }));
        }

        MfaEnforcement = new ManagedPolicy(this, "MfaEnforcement", new ManagedPolicyProps
        {
            ManagedPolicyName = $"iam-mfa-enforcement-{env}",
            Description = "Without MFA, deny everything but managing one's own MFA device and password.",
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ManageOwnMfaAndPassword",
                    Actions = ["iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ResyncMFADevice"],
                    Resources =
                    [
                        $"arn:{stack.Partition}:iam::{stack.Account}:user/${{aws:username}}",
                        $"arn:{stack.Partition}:iam::{stack.Account}:mfa/${{aws:username}}",
                    ],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ListVirtualMfaDevices",
                    Actions = ["iam:ListVirtualMFADevices"],
                    // ListVirtualMFADevices has no resource type.
                    Resources = ["*"],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "DenyAllExceptMfaSelfServiceWithoutMfa",
                    Effect = Effect.DENY,
                    NotActions = [.. MfaSelfServiceActions],
                    // A deny of everything else: "*" covers every resource.
                    Resources = ["*"],
                    Conditions = new Dictionary<string, object>
                    {
                        // IfExists: long-term access keys carry no aws:MultiFactorAuthPresent at all.
                        ["BoolIfExists"] = new Dictionary<string, object> { ["aws:MultiFactorAuthPresent"] = "false" },
                    },
                }),
            ],
        });

        RegionRestriction = new ManagedPolicy(this, "RegionRestriction", new ManagedPolicyProps
        {
            ManagedPolicyName = $"iam-region-restriction-{env}",
            Description = "Deny regional services outside the allowed regions (global services excepted).",
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "DenyOutsideAllowedRegions",
                    Effect = Effect.DENY,
                    NotActions = [.. GlobalServiceActions],
                    // A deny of everything in other regions: "*" covers every resource.
                    Resources = ["*"],
                    Conditions = new Dictionary<string, object>
                    {
                        ["StringNotEquals"] = new Dictionary<string, object>
                        {
                            ["aws:RequestedRegion"] = props.AllowedRegions.Count > 0 ? props.AllowedRegions.ToArray() : new[] { stack.Region },
                        },
                    },
                }),
            ],
        });
    }
}
