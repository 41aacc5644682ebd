using Compliance.Rules;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>VPCs, subnets, route tables, network ACLs, security groups, flow logs and endpoints as templates declare them.</summary>
public sealed class NetworkMappingTests
{
    private const string Network = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.0.0.0/16, Tags: [{ Key: Name, Value: main }] }
          Igw:
            Type: AWS::EC2::InternetGateway
          PublicSubnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true, Tags: [{ Key: Tier, Value: web }] }
          PrivateSubnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs ""], Tags: [{ Key: Tier, Value: data }] }
          Routes:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref Vpc }
          DefaultRoute:
            Type: AWS::EC2::Route
            Properties: { RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }
          PrivateAssociation:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties: { RouteTableId: !Ref Routes, SubnetId: !Ref PrivateSubnet }

        """;

    [Fact]
    public void Vpcs_subnets_and_route_tables_carry_references_as_the_ids_of_their_records()
    {
        var inventory = Load(Network).Inventory;

        var vpc = Assert.Single(inventory.Vpcs);
        Assert.Equal(("Vpc", "10.0.0.0/16", "main"), (vpc.Id, vpc.CidrBlock, vpc.Tag("Name")));
        Assert.All(inventory.Subnets, s => Assert.Equal("Vpc", s.VpcId));
        Assert.Equal([true, false], inventory.Subnets.Select(s => s.MapPublicIpOnLaunch));
        Assert.Null(inventory.Subnets[1].AvailabilityZone);

        var table = Assert.Single(inventory.RouteTables);
        var route = Assert.Single(table.Routes);
        Assert.Equal(("0.0.0.0/0", "igw-Igw"), (route.DestinationCidrBlock, route.GatewayId));
        Assert.Equal("PrivateSubnet", Assert.Single(table.Associations).SubnetId);
    }

    [Fact]
    public void A_data_tier_subnet_routed_to_an_internet_gateway_fails_and_the_public_subnet_fails_auto_assign()
    {
        var findings = Scan(Load(Network), RuleIds.Ec2RouteTable1, RuleIds.Ec2Subnet1);

        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.Ec2RouteTable1, "Routes"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.Ec2Subnet1, "PublicSubnet"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.Ec2Subnet1, "PrivateSubnet"));
    }

    [Fact]
    public void A_subnet_whose_public_ip_setting_depends_on_an_unknown_is_not_judged_and_says_why()
    {
        var template = Load(Network.Replace("MapPublicIpOnLaunch: true", "MapPublicIpOnLaunch: !Ref Public") + """

            Parameters:
              Public: { Type: String }
            """);

        Assert.DoesNotContain(template.Inventory.Subnets, s => s.Id == "PublicSubnet");
        Assert.Contains(template.Warnings, w => w.Contains("PublicSubnet is not judged", StringComparison.Ordinal) && w.Contains("Public has no default", StringComparison.Ordinal));
    }

    [Fact]
    public void Network_acls_collect_their_entries_associations_and_the_implicit_deny()
    {
        var template = Load(Network + """
              Acl:
                Type: AWS::EC2::NetworkAcl
                Properties: { VpcId: !Ref Vpc }
              SshIn:
                Type: AWS::EC2::NetworkAclEntry
                Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 22, To: 22 } }
              AllOut:
                Type: AWS::EC2::NetworkAclEntry
                Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: -1, Egress: true, RuleAction: allow, CidrBlock: 0.0.0.0/0 }
              AclAssociation:
                Type: AWS::EC2::SubnetNetworkAclAssociation
                Properties: { NetworkAclId: !Ref Acl, SubnetId: !Ref PrivateSubnet }
            """);

        var acl = Assert.Single(template.Inventory.NetworkAcls);
        Assert.Equal(["PrivateSubnet"], acl.SubnetIds);
        var ssh = Assert.Single(acl.Entries, e => e.RuleNumber == 100 && !e.Egress);
        Assert.Equal(("6", "allow", 22, 22), (ssh.Protocol, ssh.RuleAction, ssh.PortRange!.From, ssh.PortRange.To));
        Assert.Null(Assert.Single(acl.Entries, e => e.RuleNumber == 100 && e.Egress).PortRange);
        Assert.Equal(2, acl.Entries.Count(e => e.RuleNumber == 32767 && !e.IsAllow));
        Assert.Equal(ComplianceStatus.Fail, Status(Scan(template, RuleIds.Ec2NetworkAcl1), RuleIds.Ec2NetworkAcl1, "Acl"));
    }

    [Fact]
    public void Security_groups_merge_inline_and_separate_rules_and_keep_cloudformations_default_egress()
    {
        var template = Load(Network + """
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  VpcId: !Ref Vpc
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: https }
              Ssh:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: { GroupId: !GetAtt Web.GroupId, IpProtocol: 6, FromPort: 22, ToPort: 22, CidrIpv6: "::/0" }
              Db:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: db
                  GroupName: database
                  VpcId: !Ref Vpc
                  SecurityGroupEgress:
                    - { IpProtocol: "-1", CidrIp: 255.255.255.255/32, Description: none }
              DbFromWeb:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: { GroupId: !Ref Db, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref Web, Description: app }
            """);

        var groups = template.Inventory.SecurityGroups.ToDictionary(g => g.Id);
        var web = groups["Web"];
        Assert.Equal([("tcp", 443, "0.0.0.0/0", "https"), ("tcp", 22, "::/0", "")],
            web.IngressRules!.Select(r => (r.IpProtocol, r.FromPort!.Value, r.CidrIpv4 ?? r.CidrIpv6!, r.Description!)));
        var egress = Assert.Single(web.EgressRules!);
        Assert.Equal(("-1", "0.0.0.0/0"), (egress.IpProtocol, egress.CidrIpv4));
        Assert.Equal("database", groups["Db"].GroupName);
        Assert.Equal("255.255.255.255/32", Assert.Single(groups["Db"].EgressRules!).CidrIpv4);
        Assert.Equal("Web", Assert.Single(groups["Db"].IngressRules!).ReferencedGroupId);

        var findings = Scan(template, RuleIds.Ec2SecurityGroup2);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.Ec2SecurityGroup2, "Web"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.Ec2SecurityGroup2, "Db"));
    }

    [Fact]
    public void A_rule_whose_source_is_unknown_makes_the_groups_rules_unknown_so_the_verdict_is_error_not_pass()
    {
        var template = Load(Network + """
              Open:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: open
                  VpcId: !Ref Vpc
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue admin-cidr }
            """);

        Assert.Null(Assert.Single(template.Inventory.SecurityGroups, g => g.Id == "Open").IngressRules);
        Assert.Equal(ComplianceStatus.Error, Status(Scan(template, RuleIds.Ec2SecurityGroup2), RuleIds.Ec2SecurityGroup2, "Open"));
    }

    [Fact]
    public void Each_vpc_has_a_default_group_closed_only_by_cdks_restrict_default_security_group_resource()
    {
        var open = Load(Network);
        var closed = Load(Network + """
              VpcRestrictDefaultSecurityGroupCustomResourceC73DA2BE:
                Type: Custom::VpcRestrictDefaultSG
                Properties:
                  ServiceToken: { "Fn::GetAtt": [CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E, Arn] }
                  DefaultSecurityGroupId: { "Fn::GetAtt": [Vpc, DefaultSecurityGroup] }
                  Account: { Ref: "AWS::AccountId" }
                UpdateReplacePolicy: Delete
                DeletionPolicy: Delete
            """);

        var openDefault = Assert.Single(open.Inventory.SecurityGroups);
        Assert.True(openDefault.IsDefault);
        Assert.Equal(("Vpc.default", "Vpc"), (openDefault.Id, openDefault.VpcId));
        Assert.Equal("Vpc.default", Assert.Single(openDefault.IngressRules!).ReferencedGroupId);
        Assert.Equal(ComplianceStatus.Fail, Status(Scan(open, RuleIds.Ec2SecurityGroup1), RuleIds.Ec2SecurityGroup1, "Vpc.default"));
        Assert.Equal(ComplianceStatus.Pass, Status(Scan(closed, RuleIds.Ec2SecurityGroup1), RuleIds.Ec2SecurityGroup1, "Vpc.default"));
        Assert.Equal("Vpc", open.Locations[(ResourceTypes.SecurityGroup, "Vpc.default")].LogicalId);
    }

    [Fact]
    public void Flow_logs_and_endpoints_resolve_their_targets_and_take_aws_defaults()
    {
        var template = Load(Network + """
              LogsBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: !GetAtt Key.Arn } }]
              Key:
                Type: AWS::KMS::Key
              FlowLog:
                Type: AWS::EC2::FlowLog
                Properties: { ResourceId: !Ref Vpc, ResourceType: VPC, TrafficType: ALL, LogDestinationType: s3, LogDestination: !Sub "${LogsBucket.Arn}/flows/" }
              S3Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties: { VpcId: !Ref Vpc, ServiceName: !Sub "com.amazonaws.${AWS::Region}.s3" }
              KmsEndpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties:
                  VpcId: !Ref Vpc
                  VpcEndpointType: Interface
                  ServiceName: !Sub "com.amazonaws.${AWS::Region}.kms"
                  PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"123456789012"}}}]}'
            """);

        var log = Assert.Single(template.Inventory.FlowLogs);
        Assert.Equal(("Vpc", "ALL", "s3", "LogsBucket", "ACTIVE"), (log.ResourceId, log.TrafficType, log.LogDestinationType, log.DestinationBucket, log.FlowLogStatus));
        var endpoints = template.Inventory.VpcEndpoints.ToDictionary(e => e.Id);
        Assert.Equal(("Gateway", false), (endpoints["S3Endpoint"].VpcEndpointType, endpoints["S3Endpoint"].PrivateDnsEnabled));
        Assert.Equal("com.amazonaws.us-east-1.kms", endpoints["KmsEndpoint"].ServiceName);

        var findings = Scan(template, RuleIds.Ec2Vpc1, RuleIds.Ec2VpcEndpoint1);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.Ec2Vpc1, "Vpc"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.Ec2VpcEndpoint1, "S3Endpoint"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.Ec2VpcEndpoint1, "KmsEndpoint"));
    }
}
