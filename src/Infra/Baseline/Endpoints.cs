using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="Endpoints"/>.</summary>
public sealed record EndpointsProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The network.</summary>
    public required Network Network { get; init; }
}

/// <summary>
/// Gateway endpoints for S3 and DynamoDB on every tier's route table, and interface endpoints with private DNS for
/// KMS, CloudWatch Logs, Secrets Manager, SNS, STS and CloudWatch in the application subnets, behind a security group
/// that allows 443 from the VPC only.
/// </summary>
public sealed class Endpoints : Construct
{
    /// <summary>The gateway endpoint services.</summary>
    public static IReadOnlyList<string> GatewayServices { get; } = ["s3", "dynamodb"];

    /// <summary>The interface endpoint services.</summary>
    /// <remarks>The issue named kms, logs, secretsmanager, sns, sts and monitoring; events and execute-api complete the set the
    /// checker's EC2.VPC.2 requires, so that EventBridge and private API Gateway traffic stays in the VPC too.</remarks>
    public static IReadOnlyList<string> InterfaceServices { get; } = ["kms", "logs", "secretsmanager", "sns", "sts", "monitoring", "events", "execute-api"];

    /// <summary>Every endpoint, by service.</summary>
    public IReadOnlyDictionary<string, CfnVPCEndpoint> ByService { get; }

    /// <summary>The endpoints' security group.</summary>
    public CfnSecurityGroup SecurityGroup { get; }

    public Endpoints(Construct scope, string id, EndpointsProps props) : base(scope, id)
    {
        var region = Stack.Of(this).Region;
        var vpc = props.Network.Vpc;
        SecurityGroup = new CfnSecurityGroup(this, "SecurityGroup", new CfnSecurityGroupProps
        {
            GroupName = $"sg-endpoints-{props.EnvironmentName}",
            GroupDescription = "Interface endpoints: HTTPS from the VPC only",
            Tags = [new CfnTag { Key = "Name", Value = $"sg-endpoints-{props.EnvironmentName}" }, new CfnTag { Key = "Tier", Value = "endpoints" }],
            VpcId = vpc.Ref,
            SecurityGroupEgress = new object[]
            {
                new CfnSecurityGroup.EgressProperty { IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIp = Network.VpcCidr, Description = "HTTPS inside the VPC only" },
            },
        });
        _ = new CfnSecurityGroupIngress(this, "Https", new CfnSecurityGroupIngressProps
        {
            GroupId = SecurityGroup.AttrGroupId,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            CidrIp = Network.VpcCidr,
            Description = "HTTPS from the VPC",
        });

        var byService = new Dictionary<string, CfnVPCEndpoint>(StringComparer.Ordinal);
        foreach (var service in GatewayServices)
        {
            byService[service] = new CfnVPCEndpoint(this, service, new CfnVPCEndpointProps
            {
                PolicyDocument = Policy(service),
                VpcId = vpc.Ref,
                VpcEndpointType = "Gateway",
                ServiceName = $"com.amazonaws.{region}.{service}",
                RouteTableIds = [.. props.Network.RouteTables.Values.Select(t => t.Ref)],
            });
        }

        foreach (var service in InterfaceServices)
        {
            byService[service] = new CfnVPCEndpoint(this, service, new CfnVPCEndpointProps
            {
                PolicyDocument = Policy(service),
                VpcId = vpc.Ref,
                VpcEndpointType = "Interface",
                ServiceName = $"com.amazonaws.{region}.{service}",
                PrivateDnsEnabled = true,
                SubnetIds = [.. props.Network.Subnets["application"].Select(s => s.Ref)],
                SecurityGroupIds = [SecurityGroup.AttrGroupId],
            });
        }

        ByService = byService;
    }

    /// <summary>The IAM service prefix of an endpoint service, where the two differ.</summary>
    private static string ActionPrefix(string service) => service switch
    {
        "monitoring" => "cloudwatch",
        _ => service,
    };

    /// <summary>
    /// Only principals of this account may use an endpoint, and only for its own service: stolen credentials of another
    /// account cannot carry data out through it (EC2.VPCEndpoint.1).
    /// </summary>
    private Dictionary<string, object> Policy(string service) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new object[]
        {
            new Dictionary<string, object>
            {
                ["Sid"] = "OnlyThisAccountsPrincipals",
                ["Effect"] = "Allow",
                ["Principal"] = "*",
                ["Action"] = $"{ActionPrefix(service)}:*",
                ["Resource"] = "*",
                ["Condition"] = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:PrincipalAccount"] = Stack.Of(this).Account },
                },
            },
        },
    };
}
