using System.Net;
using Compliance.Checker.Live.Collection;

namespace Compliance.Checker.Tests.Live;

/// <summary>
/// EC2 answers shaped as the EC2 API reference examples (namespace 2016-11-15, item lists, locationNames as the API
/// sends them), for the network types. Ec2ComputeResponses has the EBS and instance ones.
/// </summary>
internal static class Ec2NetworkResponses
{
    public static Func<FakeRequest, HttpResponseMessage> Reply(string operation, string body) => FakeAws.Xml(
        $"""<{operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>{body}</{operation}Response>""");

    /// <summary>EC2's own error envelope: Response/Errors/Error, then RequestID.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Error(string code, string message, HttpStatusCode status = HttpStatusCode.Forbidden) => FakeAws.Xml(
        $"""<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-cb5432daacc0</RequestID></Response>""", status);

    public static CollectionScope Only(params string[] types) => new() { Types = types.ToHashSet() };

    public static CollectionScope Targeted(string type, params string[] ids) => new()
    {
        Types = new HashSet<string> { type },
        ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [type] = ids },
    };

    public const string Vpcs = """
        <vpcSet>
          <item><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId><ownerId>123456789012</ownerId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock>
            <dhcpOptionsId>dopt-19edf471</dhcpOptionsId><instanceTenancy>default</instanceTenancy><isDefault>false</isDefault>
            <tagSet><item><key>Name</key><value>prod</value></item></tagSet></item>
          <item><vpcId>vpc-06e4ab6c6cEXAMPLE</vpcId><ownerId>123456789012</ownerId><state>available</state><cidrBlock>172.31.0.0/16</cidrBlock>
            <instanceTenancy>default</instanceTenancy><isDefault>true</isDefault></item>
        </vpcSet>
        """;

    public const string Subnets = """
        <subnetSet>
          <item><subnetId>subnet-0bb1c79de3EXAMPLE</subnetId><state>available</state><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
            <cidrBlock>10.0.1.0/24</cidrBlock><availableIpAddressCount>251</availableIpAddressCount><availabilityZone>eu-west-1a</availabilityZone>
            <defaultForAz>false</defaultForAz><mapPublicIpOnLaunch>true</mapPublicIpOnLaunch><assignIpv6AddressOnCreation>true</assignIpv6AddressOnCreation>
            <tagSet><item><key>Tier</key><value>public</value></item></tagSet></item>
          <item><subnetId>subnet-8EXAMPLE</subnetId><state>available</state><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId><cidrBlock>10.0.2.0/24</cidrBlock>
            <availabilityZone>eu-west-1b</availabilityZone><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation></item>
        </subnetSet>
        """;

    public const string RouteTables = """
        <routeTableSet>
          <item><routeTableId>rtb-1f382e7d</routeTableId><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId><ownerId>123456789012</ownerId>
            <routeSet>
              <item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item>
              <item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-2a6a4a4b</gatewayId><state>active</state><origin>CreateRoute</origin></item>
              <item><destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock><egressOnlyInternetGatewayId>eigw-015e0e244e24dfe8a</egressOnlyInternetGatewayId><state>active</state></item>
              <item><destinationPrefixListId>pl-6ca54005</destinationPrefixListId><gatewayId>vpce-0c2a3b9e2aEXAMPLE</gatewayId><state>active</state></item>
              <item><destinationCidrBlock>10.1.0.0/16</destinationCidrBlock><vpcPeeringConnectionId>pcx-1a2b3c4d</vpcPeeringConnectionId><state>blackhole</state></item>
              <item><destinationCidrBlock>10.2.0.0/16</destinationCidrBlock><transitGatewayId>tgw-0262a0e521EXAMPLE</transitGatewayId><state>active</state></item>
              <item><destinationCidrBlock>10.3.0.0/16</destinationCidrBlock><natGatewayId>nat-05dba92075EXAMPLE</natGatewayId><state>active</state></item>
              <item><destinationCidrBlock>10.4.0.0/16</destinationCidrBlock><networkInterfaceId>eni-0e8ad10EXAMPLE</networkInterfaceId><state>active</state></item>
            </routeSet>
            <associationSet>
              <item><routeTableAssociationId>rtbassoc-0a2b3c4d</routeTableAssociationId><routeTableId>rtb-1f382e7d</routeTableId><main>true</main>
                <associationState><state>associated</state></associationState></item>
              <item><routeTableAssociationId>rtbassoc-0b2b3c4d</routeTableAssociationId><routeTableId>rtb-1f382e7d</routeTableId>
                <subnetId>subnet-0bb1c79de3EXAMPLE</subnetId><main>false</main><associationState><state>associated</state></associationState></item>
              <item><routeTableAssociationId>rtbassoc-0c2b3c4d</routeTableAssociationId><routeTableId>rtb-1f382e7d</routeTableId>
                <subnetId>subnet-gone</subnetId><main>false</main><associationState><state>disassociated</state></associationState></item>
            </associationSet>
            <propagatingVgwSet/><tagSet/></item>
        </routeTableSet>
        """;

    public const string NetworkAcls = """
        <networkAclSet>
          <item><networkAclId>acl-5566953c</networkAclId><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId><default>true</default>
            <entrySet>
              <item><ruleNumber>100</ruleNumber><protocol>6</protocol><ruleAction>allow</ruleAction><egress>false</egress>
                <cidrBlock>0.0.0.0/0</cidrBlock><portRange><from>22</from><to>22</to></portRange></item>
              <item><ruleNumber>110</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>true</egress><ipv6CidrBlock>::/0</ipv6CidrBlock></item>
              <item><ruleNumber>32767</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>false</egress><cidrBlock>0.0.0.0/0</cidrBlock></item>
            </entrySet>
            <associationSet>
              <item><networkAclAssociationId>aclassoc-5c659635</networkAclAssociationId><networkAclId>acl-5566953c</networkAclId><subnetId>subnet-0bb1c79de3EXAMPLE</subnetId></item>
              <item><networkAclAssociationId>aclassoc-c26596ab</networkAclAssociationId><networkAclId>acl-5566953c</networkAclId><subnetId>subnet-8EXAMPLE</subnetId></item>
            </associationSet>
            <tagSet><item><key>Name</key><value>default-acl</value></item></tagSet></item>
        </networkAclSet>
        """;

    public const string FlowLogs = """
        <flowLogSet>
          <item><flowLogId>fl-1a2b3c4d</flowLogId><resourceId>vpc-0a60eb65b4EXAMPLE</resourceId><trafficType>ALL</trafficType>
            <logDestinationType>cloud-watch-logs</logDestinationType><logDestination>arn:aws:logs:eu-west-1:123456789012:log-group:flow</logDestination>
            <logGroupName>flow</logGroupName><flowLogStatus>ACTIVE</flowLogStatus><deliverLogsStatus>SUCCESS</deliverLogsStatus>
            <creationTime>2017-01-17T14:38:34.000Z</creationTime><tagSet><item><key>Owner</key><value>net</value></item></tagSet></item>
          <item><flowLogId>fl-0b2b3c4d</flowLogId><resourceId>subnet-8EXAMPLE</resourceId><trafficType>REJECT</trafficType>
            <logDestinationType>s3</logDestinationType><logDestination>arn:aws:s3:::flow-bucket/prefix/</logDestination>
            <flowLogStatus>ACTIVE</flowLogStatus><deliverLogsStatus>FAILED</deliverLogsStatus></item>
        </flowLogSet>
        """;

    public const string VpcEndpoints = """
        <vpcEndpointSet>
          <item><vpcEndpointId>vpce-0c2a3b9e2aEXAMPLE</vpcEndpointId><vpcEndpointType>Gateway</vpcEndpointType><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
            <serviceName>com.amazonaws.eu-west-1.s3</serviceName><state>available</state>
            <policyDocument>{"Version":"2008-10-17","Statement":[{"Sid":"Org","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}</policyDocument>
            <routeTableIdSet><item>rtb-1f382e7d</item></routeTableIdSet><privateDnsEnabled>false</privateDnsEnabled><requesterManaged>false</requesterManaged>
            <tagSet><item><key>Name</key><value>s3</value></item></tagSet></item>
          <item><vpcEndpointId>vpce-0f89a33420EXAMPLE</vpcEndpointId><vpcEndpointType>Interface</vpcEndpointType><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
            <serviceName>com.amazonaws.eu-west-1.kms</serviceName><state>available</state><privateDnsEnabled>true</privateDnsEnabled></item>
          <item><vpcEndpointId>vpce-0d1e2f3a4bEXAMPLE</vpcEndpointId><vpcEndpointType>Interface</vpcEndpointType><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
            <serviceName>com.amazonaws.eu-west-1.sqs</serviceName><state>pending</state><policyDocument>{"Statement": [</policyDocument><privateDnsEnabled>true</privateDnsEnabled></item>
          <item><vpcEndpointId>vpce-0e1f2a3b4cEXAMPLE</vpcEndpointId><vpcEndpointType>GatewayLoadBalancer</vpcEndpointType><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
            <serviceName>com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0</serviceName><state>available</state></item>
        </vpcEndpointSet>
        """;
}
