using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Compliance.Infra.Baseline;

namespace Compliance.Infra.Tests;

public sealed class BaselineIamTests
{
    private const string ExternalId = "0123456789abcdef0123456789abcdef";

    private static Template Default => Synth.Baseline();

    private static Template WithAuditor => Synth.Baseline(("auditorAccount", "210987654321"), ("auditorExternalId", ExternalId), ("auditorCidr", "198.51.100.0/24"));

    [Fact]
    public void Every_role_lasts_at_most_an_hour_and_has_no_managed_policy()
    {
        var roles = WithAuditor.FindResources("AWS::IAM::Role").Values.Select(r => JsonSerializer.SerializeToNode(r)!).ToList();
        Assert.Contains(roles, r => (string?)r["Properties"]!["RoleName"] == "iam-application-dev");
        Assert.Contains(roles, r => (string?)r["Properties"]!["RoleName"] == "iam-auditor-dev");
        Assert.All(roles.Where(r => r["Properties"]!["RoleName"] is not null), r =>
        {
            Assert.Equal(3600, r["Properties"]!["MaxSessionDuration"]!.GetValue<int>());
            Assert.Null(r["Properties"]!["ManagedPolicyArns"]);
        });
    }

    [Fact]
    public void The_application_role_only_appends_to_and_reads_the_audit_table()
    {
        Default.HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["Roles"] = new object[] { new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^AccessApplication") } },
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = new object[] { "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query" },
                        ["Resource"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^AuditTable"), "Arn" } },
                    }),
                }),
            }),
        });
        Default.HasOutput("ApplicationRoleArn", new Dictionary<string, object>());
    }

    [Fact]
    public void Without_an_auditor_account_there_is_no_auditor_role()
    {
        Assert.Empty(Default.FindResources("AWS::IAM::Role", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["RoleName"] = "iam-auditor-dev" }),
        })));
    }

    [Fact]
    public void The_auditor_needs_the_external_id_and_the_source_cidr()
    {
        WithAuditor.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["RoleName"] = "iam-auditor-dev",
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = "sts:AssumeRole",
                        ["Effect"] = "Allow",
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["sts:ExternalId"] = ExternalId },
                            ["IpAddress"] = new Dictionary<string, object> { ["aws:SourceIp"] = "198.51.100.0/24" },
                        },
                        ["Principal"] = new Dictionary<string, object> { ["AWS"] = Match.AnyValue() },
                    }),
                },
            }),
        });
        Assert.Contains("210987654321", JsonSerializer.Serialize(WithAuditor.FindResources("AWS::IAM::Role")), StringComparison.Ordinal);
        WithAuditor.HasOutput("AuditorRoleArn", new Dictionary<string, object>());
    }

    [Fact]
    public void The_auditor_reads_with_explicit_actions_and_is_denied_writes()
    {
        var policy = JsonSerializer.SerializeToNode(WithAuditor.FindResources("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Roles"] = new object[] { new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^AccessAuditor") } },
            }),
        })).Single().Value)!;
        var statements = policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!).ToList();
        var read = statements.Single(s => (string?)s["Sid"] == "ReadSecurityConfiguration");
        Assert.Equal("Allow", (string?)read["Effect"]);
        // iam:GenerateCredentialReport is a Read action by another name: it builds the report GetCredentialReport reads.
        Assert.All(CheckerRoleTests.Actions(read), a => Assert.Matches("^([a-z0-9-]+:(Get|List|Describe)[A-Za-z0-9]+|iam:GenerateCredentialReport)$", a));
        Assert.Contains("guardduty:ListFindings", CheckerRoleTests.Actions(read));
        var deny = statements.Single(s => (string?)s["Sid"] == "DenyWrites");
        Assert.Equal("Deny", (string?)deny["Effect"]);
        Assert.Contains("iam:Create*", CheckerRoleTests.Actions(deny));
        Assert.Contains("s3:Put*", CheckerRoleTests.Actions(deny));
        Assert.DoesNotContain("SecurityAudit", JsonSerializer.Serialize(WithAuditor.FindResources("AWS::IAM::Role")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_mfa_policy_denies_all_but_mfa_self_service_without_mfa()
    {
        Default.HasResourceProperties("AWS::IAM::ManagedPolicy", new Dictionary<string, object>
        {
            ["ManagedPolicyName"] = "iam-mfa-enforcement-dev",
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["NotAction"] = AccessControl.MfaSelfServiceActions.ToArray(),
                        ["Resource"] = "*",
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["BoolIfExists"] = new Dictionary<string, object> { ["aws:MultiFactorAuthPresent"] = "false" },
                        },
                    }),
                }),
            }),
        });
        Default.HasOutput("MfaEnforcementPolicyArn", new Dictionary<string, object>());
    }

    [Fact]
    public void The_region_policy_denies_regional_services_outside_the_allowed_regions()
    {
        Synth.Baseline(("allowedRegions", "eu-west-1,eu-central-1")).HasResourceProperties("AWS::IAM::ManagedPolicy", new Dictionary<string, object>
        {
            ["ManagedPolicyName"] = "iam-region-restriction-dev",
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["NotAction"] = Match.ArrayWith(new object[] { "iam:*", "organizations:*", "sts:*" }),
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["StringNotEquals"] = new Dictionary<string, object> { ["aws:RequestedRegion"] = new object[] { "eu-west-1", "eu-central-1" } },
                        },
                    }),
                },
            }),
        });
        var node = JsonSerializer.SerializeToNode(Default.FindResources("AWS::IAM::ManagedPolicy"))!.ToJsonString();
        Assert.Matches("\"aws:RequestedRegion\":\\[?\"eu-west-1\"\\]?", node);
        Default.HasOutput("RegionRestrictionPolicyArn", new Dictionary<string, object>());
    }

    [Fact]
    public void A_star_resource_is_commented_in_code_only_on_reads_without_resource_types_and_on_denies()
    {
        var allows = CheckerRoleTests.AllStatements(CheckerStackTests.Json(WithAuditor))
            .Where(s => (string?)s["Effect"] == "Allow" && s["Resource"] is JsonValue v && v.GetValue<string>() == "*"
                && s["Principal"] is null)
            .Select(s => (string?)s["Sid"] ?? string.Join(',', CheckerRoleTests.Actions(s))).ToList();
        // GetRandomPassword (the secret's rotation, granted by CDK) has no resource type either.
        Assert.Equal(["ListVirtualMfaDevices", "ReadSecurityConfiguration", "secretsmanager:GetRandomPassword"], allows.Order(StringComparer.Ordinal));
    }
}
