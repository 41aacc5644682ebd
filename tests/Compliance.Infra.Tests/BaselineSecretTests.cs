using System.Text.Json;
using Amazon.CDK.Assertions;

namespace Compliance.Infra.Tests;

public sealed class BaselineSecretTests
{
    private static Template Default => Synth.Baseline();

    [Fact]
    public void The_secret_is_generated_json_with_a_32_character_password_under_the_app_key()
    {
        Default.ResourceCountIs("AWS::SecretsManager::Secret", 1);
        Default.HasResourceProperties("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Name"] = "secret-app-credentials-dev",
            ["GenerateSecretString"] = new Dictionary<string, object>
            {
                ["SecretStringTemplate"] = """{"username":"app"}""",
                ["GenerateStringKey"] = "password",
                ["PasswordLength"] = 32,
                ["ExcludePunctuation"] = false,
            },
            ["KmsKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Keysapp"), "Arn" } },
            ["Tags"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Key"] = "Owner", ["Value"] = "security-engineering" } }),
        });
        Default.HasOutput("AppSecretArn", new Dictionary<string, object>());
    }

    [Fact]
    public void The_secret_rotates_every_30_days_through_its_rotation_function()
    {
        Default.HasResourceProperties("AWS::SecretsManager::RotationSchedule", new Dictionary<string, object>
        {
            ["SecretId"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^AppSecret[0-9A-F]{8}$") },
            ["RotationLambdaARN"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^AppSecretRotation"), "Arn" } },
            ["RotationRules"] = new Dictionary<string, object> { ["ScheduleExpression"] = "rate(30 days)" },
        });
        Default.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = "lambda-secret-rotation-dev",
            ["Runtime"] = "python3.12",
            ["Code"] = new Dictionary<string, object> { ["ZipFile"] = Match.StringLikeRegexp("finishSecret") },
            ["LoggingConfig"] = new Dictionary<string, object> { ["LogGroup"] = Match.AnyValue() },
        });
        Default.HasResourceProperties("AWS::Lambda::Permission", new Dictionary<string, object>
        {
            ["Principal"] = "secretsmanager.amazonaws.com",
            ["Action"] = "lambda:InvokeFunction",
        });
        Default.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/aws/lambda/lambda-secret-rotation-dev",
            ["RetentionInDays"] = 365,
            ["KmsKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Keyslogs"), "Arn" } },
        });
        Default.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["RoleName"] = "iam-secret-rotation-dev",
            ["MaxSessionDuration"] = 3600,
            ["ManagedPolicyArns"] = Match.Absent(),
        });
        Default.HasOutput("SecretRotationFunctionName", new Dictionary<string, object>());
    }

    [Fact]
    public void The_rotation_role_is_scoped_to_the_secret_and_star_only_for_get_random_password()
    {
        var policies = Default.FindResources("AWS::IAM::ManagedPolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Roles"] = new object[] { new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^AppSecretRotationRole") } },
            }),
        }));
        var statements = JsonSerializer.SerializeToNode(Assert.Single(policies).Value)!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        foreach (var statement in statements.Select(s => s!))
        {
            if (statement["Resource"] is System.Text.Json.Nodes.JsonValue v && v.GetValue<string>() == "*")
            {
                Assert.Equal(["secretsmanager:GetRandomPassword"], CheckerRoleTests.Actions(statement));
            }
        }

        Assert.Contains(statements, s => CheckerRoleTests.Actions(s!).Contains("secretsmanager:PutSecretValue"));
    }

    [Fact]
    public void The_rotation_function_runs_in_the_application_subnets_and_reaches_only_the_endpoints()
    {
        var vpcConfig = new Capture();
        Default.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = "lambda-secret-rotation-dev",
            ["VpcConfig"] = vpcConfig,
        });
        var json = System.Text.Json.JsonSerializer.Serialize(vpcConfig.AsObject());
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(json, "Networkapplication\\d").Count);
        Default.HasResourceProperties("AWS::EC2::SecurityGroup", new Dictionary<string, object>
        {
            ["GroupName"] = "sg-secret-rotation-dev",
            ["SecurityGroupEgress"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["FromPort"] = 443,
                    ["ToPort"] = 443,
                    ["DestinationSecurityGroupId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^EndpointsSecurityGroup")]) }),
                }),
            },
        });
        Assert.Empty(Default.FindResources("AWS::EC2::SecurityGroupIngress", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["GroupId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^AppSecretRotationSecurityGroup")]) }) }),
        })));
    }
}
