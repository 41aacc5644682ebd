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
        Default.HasResourceProperties("AWS::IAM::ManagedPolicy", new Dictionary<string, object>
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
        var policy = JsonSerializer.SerializeToNode(WithAuditor.FindResources("AWS::IAM::ManagedPolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Roles"] = new object[] { new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^AccessAuditor") } },
            }),
        })).Single().Value)!;
        var statements = policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!).ToList();
        var read = statements.Single(s => (string?)s["Sid"] == "ReadSecurityConfiguration");
        Assert.Equal("Allow", (string?)read["Effect"]);
        // Read actions AWS names otherwise: iam:GenerateCredentialReport builds the report GetCredentialReport reads, and
        // API Gateway names its read action by HTTP verb (apigateway:GET).
        Assert.All(CheckerRoleTests.Actions(read), a => Assert.Matches("^([a-z0-9-]+:(Get|List|Describe)[A-Za-z0-9]+|iam:GenerateCredentialReport|apigateway:GET)$", a));
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

    [Fact]
    public void No_stack_has_an_inline_identity_policy()
    {
        foreach (var template in new[] { Default, Synth.Checker() })
        {
            template.ResourceCountIs("AWS::IAM::Policy", 0);
            Assert.Empty(template.FindResources("AWS::IAM::Role", Match.ObjectLike(new Dictionary<string, object>
            {
                ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["Policies"] = Match.AnyValue() }),
            })));
            Assert.NotEmpty(template.FindResources("AWS::IAM::ManagedPolicy", Match.ObjectLike(new Dictionary<string, object>
            {
                ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["Roles"] = Match.AnyValue() }),
            })));
        }
    }

    [Fact]
    public void Every_cdk_nag_exception_is_one_of_the_reviewed_ones_and_carries_its_reason()
    {
        var declared = new[] { ("baseline", Default), ("checker", Synth.Checker()) }
            .SelectMany(t => CheckerStackTests.Json(t.Item2)["Resources"]!.AsObject()
                .Where(r => r.Value!["Metadata"]?["cdk_nag"] is not null)
                .SelectMany(r => r.Value!["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray()
                    .Select(e => (Stack: t.Item1, Type: (string)r.Value!["Type"]!, Rule: (string)e!["id"]!, Reason: (string)e["reason"]!))))
            .ToList();

        Assert.All(declared, e => Assert.True(e.Reason.Length >= 60, $"{e.Rule} on {e.Type}: the reason must say why"));
        var kinds = declared.Select(e => $"{e.Stack} {e.Type} {e.Rule}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "baseline AWS::EC2::Route PCI.DSS.321-VPCNoUnrestrictedRouteToIGW",
            "baseline AWS::EC2::VPC PCI.DSS.321-VPCDefaultSecurityGroupClosed",
            "baseline AWS::S3::Bucket PCI.DSS.321-S3BucketReplicationEnabled",
            "baseline AWS::S3::Bucket PCI.DSS.321-S3DefaultEncryptionKMS",
            "checker AWS::Lambda::Function PCI.DSS.321-LambdaInsideVPC",
            "checker AWS::S3::Bucket PCI.DSS.321-S3BucketReplicationEnabled",
            "checker AWS::S3::Bucket PCI.DSS.321-S3DefaultEncryptionKMS",
        ], kinds);
        Assert.Single(declared, e => e.Stack == "baseline" && e.Rule == "PCI.DSS.321-S3DefaultEncryptionKMS");
    }
}
