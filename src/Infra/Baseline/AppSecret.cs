using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="AppSecret"/>.</summary>
public sealed record AppSecretProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The application data key: encrypts the secret.</summary>
    public required IKey Key { get; init; }

    /// <summary>The logs key: encrypts the rotation function's log group.</summary>
    public required IKey LogsKey { get; init; }

    /// <summary>The network: the rotation function runs in the application subnets.</summary>
    public required Network Network { get; init; }

    /// <summary>The interface endpoints' security group, the rotation function's only destination.</summary>
    public required CfnSecurityGroup EndpointSecurityGroup { get; init; }
}

/// <summary>
/// The application credentials <c>secret-app-credentials-{env}</c>: JSON <c>{"username":"app","password":...}</c> with
/// a generated 32-character password (punctuation allowed), encrypted with the application data key, rotated every
/// 30 days. CDK 2.160's <see cref="HostedRotation"/> covers only database engines (MySQL, MariaDB, PostgreSQL, Oracle,
/// SQL Server, Redshift, MongoDB): a generic secret needs its own rotation function, and a RotationSchedule without one
/// cannot rotate. <c>lambda-secret-rotation-{env}</c> implements the four Secrets Manager steps for a credential that
/// no other system stores (the application checks callers against the secret itself): createSecret puts a new random
/// password as AWSPENDING, setSecret has no downstream system to update, testSecret checks the pending JSON, and
/// finishSecret moves AWSCURRENT. If a database ever owns this credential, switch to that engine's HostedRotation.
/// The function runs in the private application subnets and reaches AWS only through the interface endpoints.
/// </summary>
public sealed class AppSecret : Construct
{
    /// <summary>The four rotation steps (Python, inline: no asset to build).</summary>
    public const string RotationCode = """
        import json, boto3
        sm = boto3.client("secretsmanager")

        def handler(event, context):
            arn, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
            stages = sm.describe_secret(SecretId=arn)["VersionIdsToStages"]
            if token not in stages:
                raise ValueError("version %s is not a version of the secret" % token)
            if "AWSCURRENT" in stages[token]:
                return
            if "AWSPENDING" not in stages[token]:
                raise ValueError("version %s is not AWSPENDING" % token)
            if step == "createSecret":
                current = json.loads(sm.get_secret_value(SecretId=arn, VersionStage="AWSCURRENT")["SecretString"])
                try:
                    sm.get_secret_value(SecretId=arn, VersionId=token, VersionStage="AWSPENDING")
                except sm.exceptions.ResourceNotFoundException:
                    current["password"] = sm.get_random_password(PasswordLength=32)["RandomPassword"]
                    sm.put_secret_value(SecretId=arn, ClientRequestToken=token, SecretString=json.dumps(current), VersionStages=["AWSPENDING"])
            elif step == "setSecret":
                pass  # no other system holds this credential
            elif step == "testSecret":
                pending = json.loads(sm.get_secret_value(SecretId=arn, VersionId=token, VersionStage="AWSPENDING")["SecretString"])
                if not pending.get("username") or len(pending.get("password", "")) != 32:
                    raise ValueError("pending version is not a username and a 32-character password")
            elif step == "finishSecret":
                old = next(v for v, s in stages.items() if "AWSCURRENT" in s)
                sm.update_secret_version_stage(SecretId=arn, VersionStage="AWSCURRENT", MoveToVersionId=token, RemoveFromVersionId=old)
            else:
                raise ValueError("unknown step %s" % step)
        """;

    /// <summary>The secret.</summary>
    public Secret Secret { get; }

    /// <summary>The rotation function.</summary>
    public Function RotationFunction { get; }

    /// <summary>The rotation schedule.</summary>
    public RotationSchedule Rotation { get; }

    /// <summary>The rotation function's security group: no ingress, HTTPS to the interface endpoints only.</summary>
    public CfnSecurityGroup RotationSecurityGroup { get; }

    public AppSecret(Construct scope, string id, AppSecretProps props) : base(scope, id)
    {
        var env = props.EnvironmentName;
        Secret = new Secret(this, "Secret", new SecretProps
        {
            SecretName = $"secret-app-credentials-{env}",
            Description = $"Application credentials ({env}): username and a generated password.",
            EncryptionKey = props.Key,
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = """{"username":"app"}""",
                GenerateStringKey = "password",
                PasswordLength = 32,
                ExcludePunctuation = false,
            },
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        var logGroup = new LogGroup(this, "RotationLogs", new LogGroupProps
        {
            LogGroupName = $"/aws/lambda/lambda-secret-rotation-{env}",
            EncryptionKey = props.LogsKey,
            Retention = LogRetention.Days,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        var role = new Role(this, "RotationRole", new RoleProps
        {
            RoleName = $"iam-secret-rotation-{env}",
            Description = "Rotates the application credentials secret.",
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            MaxSessionDuration = Duration.Hours(1),
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteOwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [logGroup.LogGroupArn],
        }));
        // In the private application subnets, reaching Secrets Manager, KMS and CloudWatch Logs through the interface
        // endpoints only (private DNS), never the internet.
        RotationSecurityGroup = new CfnSecurityGroup(this, "RotationSecurityGroup", new CfnSecurityGroupProps
        {
            GroupName = $"sg-secret-rotation-{env}",
            GroupDescription = "Secret rotation function: HTTPS to the interface endpoints only",
            VpcId = props.Network.Vpc.Ref,
            Tags = [new CfnTag { Key = "Name", Value = $"sg-secret-rotation-{env}" }, new CfnTag { Key = "Tier", Value = Network.TierTags["application"] }],
            SecurityGroupEgress = new object[]
            {
                new CfnSecurityGroup.EgressProperty
                {
                    IpProtocol = "tcp", FromPort = 443, ToPort = 443, DestinationSecurityGroupId = props.EndpointSecurityGroup.AttrGroupId,
                    Description = "HTTPS to the interface endpoints",
                },
            },
        });
        var subnets = props.Network.Subnets["application"]
            .Select((subnet, i) => Subnet.FromSubnetAttributes(this, $"RotationSubnet{i}", new SubnetAttributes
            {
                SubnetId = subnet.Ref,
                AvailabilityZone = subnet.AttrAvailabilityZone,
            }))
            .ToArray();
        var vpc = Vpc.FromVpcAttributes(this, "RotationVpc", new VpcAttributes
        {
            VpcId = props.Network.Vpc.Ref,
            AvailabilityZones = [.. subnets.Select(s => s.AvailabilityZone)],
        });
        RotationFunction = new Function(this, "Rotation", new FunctionProps
        {
            Vpc = vpc,
            VpcSubnets = new SubnetSelection { Subnets = subnets },
            SecurityGroups = [SecurityGroup.FromSecurityGroupId(this, "RotationGroup", RotationSecurityGroup.AttrGroupId, new SecurityGroupImportOptions { AllowAllOutbound = false })],
            FunctionName = $"lambda-secret-rotation-{env}",
            Description = "Rotates secret-app-credentials: a new random 32-character password every 30 days.",
            Runtime = Runtime.PYTHON_3_12,
            Handler = "index.handler",
            Code = Code.FromInline(RotationCode),
            Role = role,
            LogGroup = logGroup,
            Timeout = Duration.Seconds(30),
            MemorySize = 128,
        });
        // AddRotationSchedule grants the function DescribeSecret, GetSecretValue, PutSecretValue and
        // UpdateSecretVersionStage on this secret, GetRandomPassword (no resource type: "*"), the key through Secrets
        // Manager, and lets secretsmanager.amazonaws.com invoke it.
        Rotation = Secret.AddRotationSchedule("Rotation", new RotationScheduleOptions
        {
            RotationLambda = RotationFunction,
            AutomaticallyAfter = Duration.Days(30),
        });
    }
}
