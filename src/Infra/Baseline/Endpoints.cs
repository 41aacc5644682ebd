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
    public static IReadOnlyList<string> InterfaceServices { get; } = ["kms", "logs", "secretsmanager", "sns", "sts", "monitoring"];

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

        foreach (var service in GatewayServices)
        {
            _ = new CfnVPCEndpoint(this, service, new CfnVPCEndpointProps
            {
                VpcId = vpc.Ref,
                VpcEndpointType = "Gateway",
                ServiceName = $"com.amazonaws.{region}.{service}",
                RouteTableIds = [.. props.Network.RouteTables.Values.Select(t => t.Ref)],
            });
        }

        foreach (var service in InterfaceServices)
        {
            _ = new CfnVPCEndpoint(this, service, new CfnVPCEndpointProps
            {
                VpcId = vpc.Ref,
                VpcEndpointType = "Interface",
                ServiceName = $"com.amazonaws.{region}.{service}",
                PrivateDnsEnabled = true,
                SubnetIds = [.. props.Network.Subnets["application"].Select(s => s.Ref)],
                SecurityGroupIds = [SecurityGroup.AttrGroupId],
            });
        }
    }
}
