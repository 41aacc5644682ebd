using Compliance.Checker.Templates;
using Compliance.Rules;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>Lambda, EventBridge, VPC Block Public Access, and template mode of the account- and Region-wide rules of issue 7.</summary>
public sealed class FunctionAndEventMappingTests
{
    private const string Network = """
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
          AppA:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a, Tags: [{ Key: Tier, Value: app }] }
          AppB:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b, Tags: [{ Key: Tier, Value: app }] }
          FunctionGroup:
            Type: AWS::EC2::SecurityGroup
            Properties: { GroupDescription: functions, VpcId: !Ref Vpc }
          Key: { Type: AWS::KMS::Key }
        """;

    [Fact]
    public void A_function_maps_its_vpc_environment_key_runtime_and_tags_with_lambda_defaults()
    {
        var template = Load($$"""
            Resources:
            {{Network}}
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: payments-handler
                  Runtime: dotnet8
                  Handler: App::App.Function::Handle
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: { S3Bucket: assets, S3Key: handler.zip }
                  KmsKeyArn: !GetAtt Key.Arn
                  Environment:
                    Variables:
                      TABLE: !Ref Vpc
                      SECRET_ARN: !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db
                  VpcConfig:
                    SubnetIds: [!Ref AppA, !Ref AppB]
                    SecurityGroupIds: [!GetAtt FunctionGroup.GroupId]
                  Tags: [{ Key: Owner, Value: payments }]
              Image:
                Type: AWS::Lambda::Function
                Properties:
                  PackageType: Image
                  Architectures: [arm64]
                  Role: arn:aws:iam::123456789012:role/image
                  Code: { ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest }
            """);

        var functions = template.Inventory.LambdaFunctions.ToDictionary(f => f.Id);
        var handler = functions["payments-handler"];
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:payments-handler", handler.Arn);
        Assert.Equal(("Zip", "dotnet8"), (handler.PackageType, handler.Runtime));
        Assert.Equal(["x86_64"], handler.Architectures);
        Assert.Equal("Vpc", handler.VpcConfig!.VpcId);
        Assert.Equal(["AppA", "AppB"], handler.VpcConfig.SubnetIds);
        Assert.Equal(["FunctionGroup"], handler.VpcConfig.SecurityGroupIds);
        Assert.Equal("Vpc", handler.EnvironmentVariables!["TABLE"]);
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/Key", handler.KmsKeyArn);
        Assert.Equal("payments", handler.Tag("Owner"));
        Assert.Empty(handler.Policy!.Statements);
        Assert.Empty(handler.FunctionUrls!);

        var image = functions["Image"];
        Assert.Equal(("Image", "", "arm64"), (image.PackageType, image.Runtime, image.Architectures.Single()));
        Assert.Same(Rules.Inventory.LambdaVpcConfig.None, image.VpcConfig);
        Assert.Empty(image.EnvironmentVariables!);
        Assert.Null(image.KmsKeyArn);

        var findings = Scan(template, RuleIds.LambdaFunction1, RuleIds.LambdaFunction2, RuleIds.LambdaFunction3, RuleIds.LambdaFunction4, RuleIds.LambdaFunction6);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LambdaFunction1, "payments-handler"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LambdaFunction2, "payments-handler"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LambdaFunction3, "payments-handler"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LambdaFunction4, "payments-handler"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.LambdaFunction1, "Image"));
        Assert.Equal(ComplianceStatus.NotApplicable, Status(findings, RuleIds.LambdaFunction6, "Image"));
    }

    [Fact]
    public void An_environment_value_the_template_cannot_decide_makes_the_environment_unknown()
    {
        var template = Load("""
            Parameters:
              ApiToken: { Type: String, NoEcho: true }
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.13
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: { ZipFile: "def handler(e, c): pass" }
                  KmsKeyArn: !ImportValue shared-key-arn
                  Environment: { Variables: { API_TOKEN: !Ref ApiToken } }
            """);

        var function = Assert.Single(template.Inventory.LambdaFunctions);
        Assert.Null(function.EnvironmentVariables);
        Assert.Equal("(unknown)", function.KmsKeyArn);
        var findings = Scan(template, RuleIds.LambdaFunction3, RuleIds.LambdaFunction4);
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.LambdaFunction3, "Handler"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.LambdaFunction4, "Handler"));
    }

    [Fact]
    public void Permissions_and_urls_fold_into_the_function_as_lambda_writes_them()
    {
        var template = Load("""
            Resources:
              Bucket: { Type: AWS::S3::Bucket }
              Handler:
                Type: AWS::Lambda::Function
                Properties: { Runtime: nodejs22.x, Role: arn:aws:iam::123456789012:role/h, Code: { ZipFile: x } }
              Other:
                Type: AWS::Lambda::Function
                Properties: { Runtime: nodejs22.x, Role: arn:aws:iam::123456789012:role/h, Code: { ZipFile: x } }
              FromBucket:
                Type: AWS::Lambda::Permission
                Properties:
                  FunctionName: !GetAtt Handler.Arn
                  Action: lambda:InvokeFunction
                  Principal: s3.amazonaws.com
                  SourceAccount: !Ref AWS::AccountId
                  SourceArn: !GetAtt Bucket.Arn
              FromPartner:
                Type: AWS::Lambda::Permission
                Properties: { FunctionName: !Ref Handler, Action: lambda:InvokeFunction, Principal: "111122223333" }
              Url:
                Type: AWS::Lambda::Url
                Properties: { TargetFunctionArn: !Ref Handler, AuthType: AWS_IAM }
              FromAnyBucket:
                Type: AWS::Lambda::Permission
                Properties: { FunctionName: !Ref Other, Action: lambda:InvokeFunction, Principal: s3.amazonaws.com }
              OpenUrl:
                Type: AWS::Lambda::Url
                Properties: { TargetFunctionArn: !GetAtt Other.Arn, AuthType: NONE, Qualifier: live }
              OpenUrlPermission:
                Type: AWS::Lambda::Permission
                Properties: { FunctionName: !Ref Other, Action: lambda:InvokeFunctionUrl, Principal: "*", FunctionUrlAuthType: NONE }
            """);

        var functions = template.Inventory.LambdaFunctions.ToDictionary(f => f.Id);
        var statements = functions["Handler"].Policy!.Statements.ToDictionary(s => s.Sid!);
        var fromBucket = statements["FromBucket"];
        Assert.Equal(["s3.amazonaws.com"], fromBucket.Principal!.Of("Service"));
        Assert.Equal(["arn:aws:lambda:us-east-1:123456789012:function:Handler"], fromBucket.Resources);
        Assert.Contains(fromBucket.Conditions, c => c is { Operator: "StringEquals", Key: "AWS:SourceAccount" } && c.Values.Single() == "123456789012");
        Assert.Contains(fromBucket.Conditions, c => c is { Operator: "ArnLike", Key: "AWS:SourceArn" } && c.Values.Single() == "arn:aws:s3:::Bucket");
        Assert.Equal(["arn:aws:iam::111122223333:root"], statements["FromPartner"].Principal!.Of("AWS"));
        var url = Assert.Single(functions["Handler"].FunctionUrls!);
        Assert.Equal(("AWS_IAM", "arn:aws:lambda:us-east-1:123456789012:function:Handler"), (url.AuthType, url.FunctionArn));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:Other:live", functions["Other"].FunctionUrls!.Single().FunctionArn);

        var findings = Scan(template, RuleIds.LambdaFunction5);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LambdaFunction5, "Handler"));
        var other = Assert.Single(findings, f => f.Resource.Id == "Other");
        Assert.Equal(ComplianceStatus.Fail, other.Status);
        Assert.Contains("AuthType NONE", other.Message, StringComparison.Ordinal);
        Assert.Contains("s3.amazonaws.com", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_permission_with_an_unknown_principal_leaves_the_policy_unknown()
    {
        var template = Load("""
            Parameters:
              Caller: { Type: String }
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties: { Runtime: nodejs22.x, Role: arn:aws:iam::123456789012:role/h, Code: { ZipFile: x } }
              Permission:
                Type: AWS::Lambda::Permission
                Properties: { FunctionName: !Ref Handler, Action: lambda:InvokeFunction, Principal: !Ref Caller }
            """);

        Assert.Null(Assert.Single(template.Inventory.LambdaFunctions).Policy);
        Assert.Contains(template.Warnings, w => w.Contains("Permission", StringComparison.Ordinal) && w.Contains("is not judged", StringComparison.Ordinal));
        Assert.Equal(ComplianceStatus.Error, Status(Scan(template, RuleIds.LambdaFunction5), RuleIds.LambdaFunction5, "Handler"));
    }

    [Fact]
    public void Rules_map_bus_state_pattern_and_targets_with_eventbridge_defaults()
    {
        var template = Load("""
            Resources:
              Key: { Type: AWS::KMS::Key }
              Alerts: { Type: AWS::SNS::Topic, Properties: { KmsMasterKeyId: !Ref Key } }
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: partners } }
              Findings:
                Type: AWS::Events::Rule
                Properties:
                  EventPattern: { source: [aws.guardduty], detail-type: [GuardDuty Finding], detail: { severity: [{ numeric: [">=", 7] }] } }
                  Targets:
                    - Id: alerts
                      Arn: !Ref Alerts
                      DeadLetterConfig: { Arn: arn:aws:sqs:us-east-1:123456789012:dlq }
                      RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600 }
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  Name: nightly
                  EventBusName: !GetAtt Bus.Arn
                  ScheduleExpression: rate(1 day)
                  State: DISABLED
            """);

        var rules = template.Inventory.EventsRules.ToDictionary(r => r.Id);
        var findings = rules["Findings"];
        Assert.Equal(("default", "ENABLED", "", ""), (findings.EventBusName, findings.State, findings.ScheduleExpression, findings.ManagedBy));
        Assert.Equal("""{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"severity":[{"numeric":[">=",7]}]}}""", findings.EventPattern);
        var target = Assert.Single(findings.Targets!);
        Assert.Equal(("arn:aws:sns:us-east-1:123456789012:Alerts", "arn:aws:sqs:us-east-1:123456789012:dlq", 4, 3600),
            (target.Arn, target.DeadLetterConfig!.Arn, target.RetryPolicy!.MaximumRetryAttempts, target.RetryPolicy.MaximumEventAgeInSeconds));
        Assert.True(findings.TagsUnknown);

        var nightly = rules["partners/nightly"];
        Assert.Equal(("partners", "DISABLED", "", "arn:aws:events:us-east-1:123456789012:rule/partners/nightly"), (nightly.EventBusName, nightly.State, nightly.EventPattern, nightly.Arn));
        Assert.Empty(nightly.Targets!);

        // The template routes GuardDuty findings but none of the other security categories.
        var verdict = Assert.Single(Scan(template, RuleIds.EventsRule1));
        Assert.Equal(ComplianceStatus.Fail, verdict.Status);
        Assert.DoesNotContain("guardduty-findings,", verdict.Evidence["missingCategories"], StringComparison.Ordinal);
        Assert.Contains("guardduty-findings", verdict.Evidence["coveredCategories"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_routes_no_security_event_leaves_events_rule_1_to_the_live_account()
    {
        var template = Load("""
            Resources:
              Nightly: { Type: AWS::Events::Rule, Properties: { ScheduleExpression: rate(1 day) } }
            """);

        var finding = Assert.Single(Scan(template, RuleIds.EventsRule1));
        Assert.Equal(ComplianceStatus.NotApplicable, finding.Status);
        Assert.Contains("judged on the live account", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bus_policies_come_from_the_policy_property_and_bus_policy_resources()
    {
        var template = Load("""
            Resources:
              Bare: { Type: AWS::Events::EventBus, Properties: { Name: bare } }
              Org:
                Type: AWS::Events::EventBus
                Properties:
                  Name: org
                  Policy:
                    Version: "2012-10-17"
                    Statement:
                      - Sid: Org
                        Effect: Allow
                        Principal: "*"
                        Action: events:PutEvents
                        Resource: arn:aws:events:us-east-1:123456789012:event-bus/org
                        Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }
              Legacy: { Type: AWS::Events::EventBus, Properties: { Name: legacy } }
              LegacyPolicy:
                Type: AWS::Events::EventBusPolicy
                Properties: { EventBusName: !Ref Legacy, StatementId: Partner, Action: events:PutEvents, Principal: "111122223333" }
              Open: { Type: AWS::Events::EventBus, Properties: { Name: open } }
              OpenPolicy:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  EventBusName: !GetAtt Open.Name
                  StatementId: Anyone
                  Statement: { Effect: Allow, Principal: "*", Action: events:PutEvents, Resource: !GetAtt Open.Arn }
            """);

        var buses = template.Inventory.EventBuses.ToDictionary(b => b.Id);
        Assert.Empty(buses["bare"].Policy!.Statements);
        Assert.Equal(["arn:aws:iam::111122223333:root"], buses["legacy"].Policy!.Statements.Single().Principal!.Of("AWS"));
        Assert.Equal("Anyone", buses["open"].Policy!.Statements.Single().Sid);
        var findings = Scan(template, RuleIds.EventsEventBus1);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.EventsEventBus1, "bare"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.EventsEventBus1, "org"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.EventsEventBus1, "legacy"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.EventsEventBus1, "open"));
    }

    [Fact]
    public void Vpc_block_public_access_is_judged_when_declared_and_left_to_the_live_account_otherwise()
    {
        var declared = Load("""
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              Options:
                Type: AWS::EC2::VPCBlockPublicAccessOptions
                Properties: { InternetGatewayBlockMode: block-bidirectional }
              Edge:
                Type: AWS::EC2::VPCBlockPublicAccessExclusion
                Properties: { VpcId: !Ref Vpc, InternetGatewayExclusionMode: allow-egress }
            """);

        var options = Assert.Single(declared.Inventory.VpcBlockPublicAccessOptions);
        Assert.Equal(("123456789012", "block-bidirectional", null), (options.Id, options.InternetGatewayBlockMode, options.ExclusionsAllowed));
        Assert.Equal("arn:aws:ec2:us-east-1:123456789012:vpc/Vpc", Assert.Single(options.Exclusions!).ResourceArn);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Scan(declared, RuleIds.Ec2Account1)).Status);

        var absent = Load("""
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
            """);
        Assert.Equal(ComplianceStatus.NotApplicable, Assert.Single(Scan(absent, RuleIds.Ec2Account1)).Status);
    }

    [Fact]
    public void Guardduty_plans_a_template_does_not_name_are_enabled_and_a_missing_detector_is_not_applicable()
    {
        var template = Load("""
            Resources:
              Detector:
                Type: AWS::GuardDuty::Detector
                Properties:
                  Enable: true
                  Features: [{ Name: S3_DATA_EVENTS, Status: DISABLED }]
            """);

        var detector = Assert.Single(template.Inventory.GuardDutyDetectors);
        Assert.Equal(("ENABLED", "DISABLED"), (detector.Features["LAMBDA_NETWORK_LOGS"], detector.Features["S3_DATA_EVENTS"]));
        var findings = Scan(template, RuleIds.GuardDutyDetector2, RuleIds.GuardDutyDetector3);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.GuardDutyDetector2, "Detector"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.GuardDutyDetector3, "Detector"));

        var none = Load("""
            Resources:
              Topic: { Type: AWS::SNS::Topic }
            """);
        Assert.All(Scan(none, RuleIds.GuardDutyDetector2, RuleIds.GuardDutyDetector3), f => Assert.Equal(ComplianceStatus.NotApplicable, f.Status));
    }

    [Fact]
    public void Tables_are_judged_for_deletion_protection_and_left_to_the_live_account_for_backups()
    {
        var template = Load("""
            Resources:
              Open:
                Type: AWS::DynamoDB::Table
                Properties: { KeySchema: [{ AttributeName: pk, KeyType: HASH }], AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }] }
              Guarded:
                Type: AWS::DynamoDB::Table
                Properties: { DeletionProtectionEnabled: true, KeySchema: [{ AttributeName: pk, KeyType: HASH }], AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }] }
            """);

        var findings = Scan(template, RuleIds.DynamoDbTable3, RuleIds.DynamoDbTable4);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.DynamoDbTable3, "Open"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.DynamoDbTable3, "Guarded"));
        Assert.All(findings.Where(f => f.RuleId == RuleIds.DynamoDbTable4), f => Assert.Equal(ComplianceStatus.NotApplicable, f.Status));
    }

    [Fact]
    public void Tags_the_template_cannot_decide_are_unknown_not_missing()
    {
        var template = Load("""
            Parameters:
              Owner: { Type: String }
            Resources:
              Decided:
                Type: AWS::SNS::Topic
                Properties: { Tags: [{ Key: Owner, Value: payments }] }
              Undecided:
                Type: AWS::SNS::Topic
                Properties: { Tags: [{ Key: Owner, Value: !Ref Owner }] }
              Instance:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-0123456789abcdef0
                  PropagateTagsToVolumeOnCreation: true
                  BlockDeviceMappings: [{ DeviceName: /dev/xvda, Ebs: { Encrypted: true } }]
                  Tags: [{ Key: Owner, Value: payments }]
            """);

        var topics = template.Inventory.SnsTopics.ToDictionary(t => t.Id);
        Assert.False(topics["arn:aws:sns:us-east-1:123456789012:Decided"].TagsUnknown);
        Assert.True(topics["arn:aws:sns:us-east-1:123456789012:Undecided"].TagsUnknown);
        Assert.Equal("payments", Assert.Single(template.Inventory.Volumes).Tag("Owner"));
        var findings = Scan(template, RuleIds.TaggingResource1);
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.TaggingResource1, "arn:aws:sns:us-east-1:123456789012:Undecided"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.TaggingResource1, "arn:aws:sns:us-east-1:123456789012:Decided"));
    }

    [Fact]
    public void Stack_tags_of_a_cloud_assembly_reach_the_resources_cloudformation_can_tag()
    {
        var folder = Folder();
        Write("""
            {
              "version": "38.0.0",
              "artifacts": {
                "App": {
                  "type": "aws:cloudformation:stack",
                  "environment": "aws://111122223333/eu-west-1",
                  "properties": { "templateFile": "App.template.json", "tags": { "Owner": "payments", "Environment": "dev" } }
                }
              }
            }
            """, "manifest.json", folder);
        Write("""
            {
              "Resources": {
                "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "Tags": [{ "Key": "Environment", "Value": "prod" }] } },
                "Policy": { "Type": "AWS::IAM::ManagedPolicy", "Properties": { "PolicyDocument": { "Version": "2012-10-17", "Statement": [] } } }
              }
            }
            """, "App.template.json", folder);

        var template = TemplateSource.Load(folder, new TemplateOptions());

        var topic = Assert.Single(template.Inventory.SnsTopics);
        Assert.Equal(("payments", "prod"), (topic.Tag("Owner"), topic.Tag("Environment")));
        Assert.True(Assert.Single(template.Inventory.IamManagedPolicies).TagsUnknown);
    }
}
