using Compliance.Checker.Templates;
using Compliance.Rules;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>IAM users, groups, roles, managed and inline policies, Access Analyzer, and DynamoDB Time to Live.</summary>
public sealed class IamMappingTests
{
    private const string Account = "123456789012";

    /// <summary>A Lambda function's role as CDK writes it: an AWS managed policy by Fn::Join, its DefaultPolicy turned into a managed policy.</summary>
    private const string CdkRole = """
        Resources:
          HandlerServiceRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Action: sts:AssumeRole
                    Effect: Allow
                    Principal: { Service: lambda.amazonaws.com }
                Version: "2012-10-17"
              ManagedPolicyArns:
                - !Join ["", ["arn:", !Ref AWS::Partition, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]
          HandlerServiceRoleDefaultPolicy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Action: [dynamodb:PutItem, dynamodb:GetItem]
                    Effect: Allow
                    Resource: !GetAtt AuditTable.Arn
                Version: "2012-10-17"
              Description: ""
              Path: /
              Roles: [!Ref HandlerServiceRole]
          ExtraPolicy:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: extra
              PolicyDocument:
                Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: "*" }]
              Roles: [!Ref HandlerServiceRole]
          AuditTable:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: payments-audit
              KeySchema: [{ AttributeName: pk, KeyType: HASH }]
              AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
        """;

    [Fact]
    public void A_cdk_role_maps_its_trust_defaults_and_the_policies_attached_to_it()
    {
        var template = Load(CdkRole);

        var role = Assert.Single(template.Inventory.IamRoles);
        var policy = Assert.Single(template.Inventory.IamManagedPolicies);
        Assert.Equal(("HandlerServiceRole", "global", $"arn:aws:iam::{Account}:role/HandlerServiceRole"), (role.Id, role.Region, role.Arn));
        Assert.Equal(("/", 3600, ""), (role.Path, role.MaxSessionDuration!.Value, role.PermissionsBoundaryArn));
        Assert.Equal("lambda.amazonaws.com", Assert.Single(Assert.Single(role.AssumeRolePolicy!.Statements).Principal!.Of("Service")));
        Assert.Equal($"arn:aws:iam::{Account}:policy/HandlerServiceRoleDefaultPolicy", policy.Arn);
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", policy.Arn!], role.AttachedManagedPolicyArns!);
        Assert.Equal(("extra", "sqs:SendMessage"), (Assert.Single(role.InlinePolicies!).PolicyName, role.InlinePolicies![0].Document!.Statements[0].Actions[0]));
        Assert.Equal(("HandlerServiceRoleDefaultPolicy", "/", 1), (policy.Id, policy.Path, policy.AttachmentCount!.Value));
        Assert.Equal($"arn:aws:dynamodb:us-east-1:{Account}:table/payments-audit", Assert.Single(policy.Document!.Statements[0].Resources));

        // Live state stays unknown.
        Assert.Equal((null, null, null, null), (role.RoleId, role.CreateDate, policy.PolicyId, policy.DefaultVersionId));
    }

    [Fact]
    public void A_cdk_role_is_judged_end_to_end_and_inline_policy_findings_point_at_their_declaration()
    {
        var findings = Scan(Load(CdkRole), RuleIds.IamRole1, RuleIds.IamRole2, RuleIds.IamPolicy1, RuleIds.IamPolicy2, RuleIds.DynamoDbTable5);

        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.IamRole1, "HandlerServiceRole"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.IamRole2, "HandlerServiceRole")); // the inline AWS::IAM::Policy
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.IamPolicy1, "HandlerServiceRoleDefaultPolicy"));
        var inline = Assert.Single(findings, f => f.RuleId == RuleIds.IamPolicy1 && f.Resource.Id == "role/HandlerServiceRole/extra");
        Assert.Equal(("ExtraPolicy", 25), (inline.Location!.LogicalId, inline.Location.Line));
        var table = Assert.Single(findings, f => f.RuleId == RuleIds.DynamoDbTable5);
        Assert.Equal(ComplianceStatus.Pass, table.Status);
        Assert.Contains("role HandlerServiceRole", table.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_and_names_shape_arns_and_every_reference_resolves_to_them()
    {
        var template = Load("""
            Resources:
              Boundary:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  ManagedPolicyName: boundary
                  Path: /guard/
                  PolicyDocument: { Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "*" }] }
              App:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: app
                  Path: /service/
                  MaxSessionDuration: 43200
                  PermissionsBoundary: !Ref Boundary
                  ManagedPolicyArns: [!GetAtt Boundary.PolicyArn]
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Action: sts:AssumeRole, Principal: { AWS: "*" } }]
            Outputs:
              RoleArn: { Value: !GetAtt App.Arn }
            """);

        var role = Assert.Single(template.Inventory.IamRoles);
        Assert.Equal(("app", "arn:aws:iam::123456789012:role/service/app", "/service/"), (role.Id, role.Arn, role.Path));
        Assert.Equal("arn:aws:iam::123456789012:policy/guard/boundary", role.PermissionsBoundaryArn);
        Assert.Equal(["arn:aws:iam::123456789012:policy/guard/boundary"], role.AttachedManagedPolicyArns!);
        Assert.Equal(role.PermissionsBoundaryArn, Assert.Single(template.Inventory.IamManagedPolicies).Arn);
        Assert.Equal(1, template.Inventory.IamManagedPolicies[0].AttachmentCount);
        Assert.Equal("arn:aws:iam::111122223333:role/service/app", Output("""
            Resources:
              App: { Type: AWS::IAM::Role, Properties: { RoleName: app, Path: /service/ } }
            Outputs:
              Arn: { Value: !GetAtt App.Arn }
            """, "Arn").Text);

        var findings = Scan(template, RuleIds.IamRole1, RuleIds.IamRole2);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.IamRole1, "app"));
        var trust = Assert.Single(findings, f => f.RuleId == RuleIds.IamRole2);
        Assert.Equal(ComplianceStatus.Fail, trust.Status);
        Assert.Contains("admits every principal ('*')", trust.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_collect_inline_and_managed_policies_groups_login_profiles_and_access_keys()
    {
        var template = Load("""
            Resources:
              Operators:
                Type: AWS::IAM::Group
                Properties:
                  GroupName: operators
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
                  Policies:
                    - PolicyName: decrypt
                      PolicyDocument: { Statement: [{ Effect: Allow, Action: kms:Decrypt, Resource: "*" }] }
              Auditors: { Type: AWS::IAM::Group }
              Alice:
                Type: AWS::IAM::User
                Properties:
                  UserName: alice
                  Groups: [!Ref Operators]
                  LoginProfile: { Password: "{{resolve:secretsmanager:alice}}", PasswordResetRequired: true }
                  Policies:
                    - PolicyName: admin
                      PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
                  Tags: [{ Key: Team, Value: ops }]
              Bob: { Type: AWS::IAM::User }
              BobJoinsAuditors:
                Type: AWS::IAM::UserToGroupAddition
                Properties: { GroupName: !Ref Auditors, Users: [!Ref Bob] }
              BobKey: { Type: AWS::IAM::AccessKey, Properties: { UserName: !Ref Bob } }
              BobOldKey: { Type: AWS::IAM::AccessKey, Properties: { UserName: !Ref Bob, Status: Inactive } }
              BobManaged:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Users: [!Ref Bob]
                  PolicyDocument: { Statement: [{ Effect: Allow, Action: "s3:*", Resource: "*" }] }
            """);

        var users = template.Inventory.IamUsers.ToDictionary(u => u.Id);
        var alice = users["alice"];
        Assert.Equal(("arn:aws:iam::123456789012:user/alice", "ops"), (alice.Arn, alice.Tag("Team")));
        Assert.Equal(["operators"], alice.Groups!);
        Assert.Equal("admin", Assert.Single(alice.InlinePolicies!).PolicyName);
        Assert.Empty(alice.AttachedManagedPolicyArns!);
        Assert.Equal((true, false, 0), (alice.Credentials!.PasswordEnabled, alice.Credentials.MfaActive, alice.Credentials.AccessKeys.Count));
        var bob = users["Bob"];
        Assert.Equal(["Auditors"], bob.Groups!);
        Assert.Equal(["arn:aws:iam::123456789012:policy/BobManaged"], bob.AttachedManagedPolicyArns!);
        Assert.False(bob.Credentials!.PasswordEnabled);
        Assert.Equal([(1, true), (2, false)], bob.Credentials.AccessKeys.Select(k => (k.Slot, k.Active)));
        Assert.All(bob.Credentials.AccessKeys, k => Assert.Equal((null, null), (k.LastRotated, k.LastUsedDate)));
        var groups = template.Inventory.IamGroups.ToDictionary(g => g.Id);
        Assert.Equal(("arn:aws:iam::123456789012:group/operators", "decrypt"), (groups["operators"].Arn, Assert.Single(groups["operators"].InlinePolicies!).PolicyName));

        var findings = Scan(template);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.IamUser3, "alice"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.IamUser3, "Bob"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.IamPolicy1, "user/alice/admin"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.IamPolicy2, "BobManaged"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.IamPolicy1, "BobManaged"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.IamPolicy3, "group/operators/decrypt"));
        var admin = Assert.Single(findings, f => f.Resource.Id == "user/alice/admin" && f.RuleId == RuleIds.IamPolicy1);
        Assert.Equal(("Alice", 11), (admin.Location!.LogicalId, admin.Location.Line));

        // The credential report rules judge live state only.
        Assert.All(findings.Where(f => f.RuleId is RuleIds.IamUser1 or RuleIds.IamUser2 or RuleIds.IamAccount1 or RuleIds.IamAccount2 or RuleIds.IamAccount3),
            f => Assert.Equal(ComplianceStatus.NotApplicable, f.Status));
    }

    [Fact]
    public void Values_the_template_cannot_decide_stay_unknown_and_the_rules_say_error()
    {
        var template = Load("""
            Parameters:
              Duration: { Type: Number }
            Resources:
              Imported:
                Type: AWS::IAM::Role
                Properties:
                  MaxSessionDuration: !Ref Duration
                  AssumeRolePolicyDocument: !ImportValue shared-trust
                  ManagedPolicyArns: [!ImportValue shared-policy-arn]
                  Policies: !If [Unknowable, [], []]
                  PermissionsBoundary: !ImportValue shared-boundary
            Conditions:
              Unknowable: !Equals [!Ref Duration, 1]
            """);

        var role = Assert.Single(template.Inventory.IamRoles);
        Assert.Equal((null, null, null, null, null), (role.MaxSessionDuration, role.AssumeRolePolicy, role.AttachedManagedPolicyArns, role.InlinePolicies, role.PermissionsBoundaryArn));
        Assert.Contains(template.Warnings, w => w.Contains("the trust policy of Imported is unknown", StringComparison.Ordinal));
        var findings = Scan(template, RuleIds.IamRole1, RuleIds.IamRole2, RuleIds.IamPolicy1);
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.IamRole1, "Imported"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.IamRole2, "Imported"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.IamPolicy1, "Imported"));
    }

    [Fact]
    public void Policies_naming_principals_outside_the_scan_are_warnings_and_single_policy_types_attach()
    {
        var template = Load("""
            Resources:
              Worker:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Action: sts:AssumeRole, Principal: { Service: ecs-tasks.amazonaws.com } }] }
              WorkerQueue:
                Type: AWS::IAM::RolePolicy
                Properties:
                  RoleName: !Ref Worker
                  PolicyName: queue
                  PolicyDocument: { Statement: [{ Effect: Allow, Action: sqs:ReceiveMessage, Resource: "*" }] }
              Legacy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: legacy
                  Roles: [existing-role]
                  PolicyDocument: { Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
            """);

        var role = Assert.Single(template.Inventory.IamRoles);
        Assert.Equal("queue", Assert.Single(role.InlinePolicies!).PolicyName);
        Assert.Contains(template.Warnings, w => w.Contains("AWS::IAM::Policy Legacy is not judged: its role existing-role is not declared in this scan", StringComparison.Ordinal));
        Assert.DoesNotContain(template.NotMapped.Keys, t => t.StartsWith("AWS::IAM::", StringComparison.Ordinal));
        var trust = Assert.Single(Scan(template, RuleIds.IamRole2));
        Assert.Contains("admits the service ecs-tasks.amazonaws.com without an aws:SourceAccount", trust.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_analyzers_are_judged_where_declared_and_not_applicable_elsewhere()
    {
        var declared = Load("""
            Resources:
              Analyzer:
                Type: AWS::AccessAnalyzer::Analyzer
                Properties: { AnalyzerName: account-analyzer, Type: ACCOUNT }
              Unused: { Type: AWS::AccessAnalyzer::Analyzer, Properties: { Type: ACCOUNT_UNUSED_ACCESS } }
            Outputs:
              Arn: { Value: !Ref Analyzer }
            """);
        var unusedOnly = Load("""
            Resources:
              Unused: { Type: AWS::AccessAnalyzer::Analyzer, Properties: { Type: ACCOUNT_UNUSED_ACCESS } }
            """);
        var none = Load("""
            Resources:
              Logs: { Type: AWS::Logs::LogGroup }
            """);
        var untyped = Load("""
            Parameters:
              AnalyzerType: { Type: String }
            Resources:
              Analyzer: { Type: AWS::AccessAnalyzer::Analyzer, Properties: { Type: !Ref AnalyzerType } }
            """);

        var analyzer = declared.Inventory.AccessAnalyzers.Single(a => a.Id == "account-analyzer");
        Assert.Equal(("us-east-1", "ACCOUNT", "ACTIVE"), (analyzer.Region, analyzer.Type, analyzer.Status));
        Assert.Equal("arn:aws:access-analyzer:us-east-1:123456789012:analyzer/account-analyzer", analyzer.Arn);
        var pass = Assert.Single(Scan(declared, RuleIds.IamAccount4));
        Assert.Equal((ComplianceStatus.Pass, "Analyzer"), (pass.Status, pass.Location!.LogicalId));
        Assert.Equal(ComplianceStatus.NotApplicable, Assert.Single(Scan(unusedOnly, RuleIds.IamAccount4)).Status);
        var absent = Assert.Single(Scan(none, RuleIds.IamAccount4));
        Assert.Equal(ComplianceStatus.NotApplicable, absent.Status);
        Assert.Contains("not declared in this template; judged on the live account", absent.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(untyped.Inventory.AccessAnalyzers).Type);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Scan(untyped, RuleIds.IamAccount4)).Status);
    }

    [Fact]
    public void Table_time_to_live_maps_and_an_audit_table_fails_for_a_writer_that_may_delete_or_an_enabled_ttl()
    {
        var template = Load("""
            Resources:
              Plain: { Type: AWS::DynamoDB::Table }
              Expiring:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: sessions-audit
                  TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }
              Ledger:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: ledger-audit
                  TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: false }
              Writer:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Action: sts:AssumeRole, Principal: { Service: lambda.amazonaws.com } }] }
              WriterPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Roles: [!Ref Writer]
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: [dynamodb:PutItem, dynamodb:DeleteItem], Resource: !GetAtt Ledger.Arn }]
            """);

        var tables = template.Inventory.DynamoDbTables.ToDictionary(t => t.Id);
        Assert.Equal(("DISABLED", null), (tables["Plain"].TimeToLive!.Status, tables["Plain"].TimeToLive!.AttributeName));
        Assert.Equal(("ENABLED", "expiresAt"), (tables["sessions-audit"].TimeToLive!.Status, tables["sessions-audit"].TimeToLive!.AttributeName));
        Assert.Equal("DISABLED", tables["ledger-audit"].TimeToLive!.Status);
        var findings = Scan(template, RuleIds.DynamoDbTable5);
        Assert.Equal(2, findings.Count);
        Assert.Contains("Time to Live is ENABLED", Assert.Single(findings, f => f.Resource.Id == "sessions-audit" && f.Status == ComplianceStatus.Fail).Message, StringComparison.Ordinal);
        var ledger = Assert.Single(findings, f => f.Resource.Id == "ledger-audit");
        Assert.Equal(ComplianceStatus.Fail, ledger.Status);
        Assert.Contains("role Writer may dynamodb:PutItem and also dynamodb:DeleteItem", ledger.Message, StringComparison.Ordinal);
    }
}
