using Compliance.Rules.Inventory;

namespace Compliance.Benchmarks.Synthetic;

/// <summary>One VPC block's network: VPC, subnets per tier, route tables, network ACLs, flow log, endpoints, security groups.</summary>
internal sealed partial class SyntheticBuilder
{
    private static readonly string[] Tiers = ["web", "app", "data", "management"];

    private static readonly (string Service, string Type)[] Endpoints =
    [
        ("s3", "Gateway"), ("dynamodb", "Gateway"), ("kms", "Interface"), ("secretsmanager", "Interface"), ("logs", "Interface"),
        ("monitoring", "Interface"), ("sns", "Interface"), ("sts", "Interface"), ("events", "Interface"), ("execute-api", "Interface"),
    ];

    private void AddNetwork(int block, BlockKeys keys)
    {
        var region = keys.Region;
        var octet = Text(block % 250);
        var vpcId = NextId("vpc");
        _vpcs.Add(new Vpc { Id = vpcId, Region = region, AccountId = Account, Arn = Arn(region, "vpc", vpcId), Tags = Tags($"vpc-{block}", "network"), CidrBlock = $"10.{octet}.0.0/16" });

        var subnets = new List<Subnet>();
        foreach (var (tier, index) in new[] { ("web", 0), ("web", 1), ("app", 0), ("app", 1), ("data", 0), ("data", 1) })
        {
            var id = NextId("subnet");
            var zone = $"{region}{(index == 0 ? 'a' : 'b')}";
            subnets.Add(new Subnet
            {
                Id = id, Region = region, AccountId = Account, Arn = Arn(region, "subnet", id), Tags = Tags($"{tier}-{zone}", tier),
                VpcId = vpcId, CidrBlock = $"10.{octet}.{Text(subnets.Count + 1)}.0/24", AvailabilityZone = zone,
                MapPublicIpOnLaunch = tier == "web" && Chance(0.1),
            });
        }

        _subnets.AddRange(subnets);
        var igw = NextId("igw");
        var local = new Route { DestinationCidrBlock = $"10.{octet}.0.0/16", GatewayId = "local", State = "active" };
        _routeTables.Add(new RouteTable
        {
            Id = NextId("rtb"), Region = region, AccountId = Account, Tags = Tags("public", "web"), VpcId = vpcId,
            Routes = [local, new Route { DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw, State = "active" }],
            Associations = [new RouteTableAssociation { SubnetId = subnets[0].Id }, new RouteTableAssociation { SubnetId = subnets[1].Id }],
        });
        _routeTables.Add(new RouteTable
        {
            Id = NextId("rtb"), Region = region, AccountId = Account, Tags = Tags("private", "app"), VpcId = vpcId,
            Routes = [local, new Route { DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = NextId("nat"), State = "active" }],
            Associations = [new RouteTableAssociation { SubnetId = subnets[2].Id }, new RouteTableAssociation { SubnetId = subnets[3].Id }],
        });

        // The main table carries no tier: the rule judges it by the data subnets that use it implicitly.
        _routeTables.Add(new RouteTable
        {
            Id = NextId("rtb"), Region = region, AccountId = Account, Tags = Tags("main"), VpcId = vpcId,
            Routes = Chance(0.15) ? [local, new Route { DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw, State = "active" }] : [local],
            Associations = [new RouteTableAssociation { Main = true }],
        });

        AddNetworkAcls(region, vpcId, octet, subnets);
        AddFlowLog(keys, vpcId);
        AddEndpoints(region, vpcId);
        AddSecurityGroups(region, vpcId, octet);
    }

    private void AddNetworkAcls(string region, string vpcId, string octet, List<Subnet> subnets)
    {
        var allowAll = new[]
        {
            new NetworkAclEntry { RuleNumber = 100, Egress = false, RuleAction = "allow", Protocol = "-1", CidrBlock = "0.0.0.0/0" },
            new NetworkAclEntry { RuleNumber = 100, Egress = true, RuleAction = "allow", Protocol = "-1", CidrBlock = "0.0.0.0/0" },
            new NetworkAclEntry { RuleNumber = 32767, Egress = false, RuleAction = "deny", Protocol = "-1", CidrBlock = "0.0.0.0/0" },
            new NetworkAclEntry { RuleNumber = 32767, Egress = true, RuleAction = "deny", Protocol = "-1", CidrBlock = "0.0.0.0/0" },
        };
        var defaultId = NextId("acl");
        _networkAcls.Add(new NetworkAcl { Id = defaultId, Region = region, AccountId = Account, Arn = Arn(region, "network-acl", defaultId), Tags = Tags("default"), VpcId = vpcId, IsDefault = true, Entries = allowAll });

        var entries = new List<NetworkAclEntry>();
        if (!Chance(0.1))
        {
            foreach (var (number, cidr) in new[] { (10, "192.0.2.0/24"), (20, "198.51.100.0/24"), (30, "203.0.113.0/24") })
            {
                entries.Add(new NetworkAclEntry { RuleNumber = number, Egress = false, RuleAction = "deny", Protocol = "-1", CidrBlock = cidr });
                entries.Add(new NetworkAclEntry { RuleNumber = number, Egress = true, RuleAction = "deny", Protocol = "-1", CidrBlock = cidr });
            }
        }

        if (!Chance(0.1))
        {
            entries.Add(new NetworkAclEntry { RuleNumber = 40, Egress = false, RuleAction = "deny", Protocol = "6", CidrBlock = "0.0.0.0/0", PortRange = new PortRange(22, 22) });
            entries.Add(new NetworkAclEntry { RuleNumber = 50, Egress = false, RuleAction = "deny", Protocol = "6", CidrBlock = "0.0.0.0/0", PortRange = new PortRange(3389, 3389) });
        }

        entries.Add(new NetworkAclEntry { RuleNumber = 100, Egress = false, RuleAction = "allow", Protocol = "6", CidrBlock = $"10.{octet}.0.0/16", PortRange = new PortRange(443, 443) });
        entries.Add(new NetworkAclEntry { RuleNumber = 110, Egress = false, RuleAction = "allow", Protocol = "6", CidrBlock = "0.0.0.0/0", PortRange = new PortRange(1024, 65535) });
        entries.Add(new NetworkAclEntry { RuleNumber = 100, Egress = true, RuleAction = "allow", Protocol = "6", CidrBlock = "0.0.0.0/0", PortRange = new PortRange(443, 443) });
        entries.Add(allowAll[2]);
        entries.Add(allowAll[3]);
        var id = NextId("acl");
        _networkAcls.Add(new NetworkAcl
        {
            Id = id, Region = region, AccountId = Account, Arn = Arn(region, "network-acl", id), Tags = Tags("tiers", "app"), VpcId = vpcId,
            Entries = entries, SubnetIds = Chance(0.03) ? [] : subnets.Select(s => s.Id).ToList(), // now and then left unattached
        });
    }

    private void AddFlowLog(BlockKeys keys, string vpcId)
    {
        var toBucket = Chance(0.3);
        _flowLogs.Add(new FlowLog
        {
            Id = NextId("fl"), Region = keys.Region, AccountId = Account, Tags = Tags("vpc-flow-logs"), ResourceId = vpcId,
            TrafficType = Chance(0.1) ? "REJECT" : "ALL",
            LogDestinationType = toBucket ? "s3" : "cloud-watch-logs",
            LogDestination = toBucket ? $"arn:aws:s3:::{keys.LogBucket}/vpc-flow-logs/" : $"arn:aws:logs:{keys.Region}:{Account}:log-group:{keys.FlowLogGroup}",
            LogGroupName = toBucket ? null : keys.FlowLogGroup,
            FlowLogStatus = "ACTIVE",
            DeliverLogsStatus = "SUCCESS",
        });
    }

    private void AddEndpoints(string region, string vpcId)
    {
        // The baseline's ten endpoints; now and then a VPC has an SSM endpoint where one of them should be.
        var missing = Chance(0.15) ? random.Next(Endpoints.Length) : -1;
        for (var e = 0; e < Endpoints.Length; e++)
        {
            var (service, type) = e == missing ? ("ssm", "Interface") : Endpoints[e];
            var id = NextId("vpce");
            var policy = Chance(0.15)
                ? new PolicyDocument("2008-10-17", [Allow(Everyone, ["*"], ["*"])])
                : new PolicyDocument("2012-10-17", [Allow(Everyone, ["*"], ["*"], new PolicyCondition("StringEquals", "aws:PrincipalOrgID", ["o-a1b2c3d4e5"]))]);
            _endpoints.Add(new VpcEndpoint
            {
                Id = id, Region = region, AccountId = Account, Arn = Arn(region, "vpc-endpoint", id), Tags = Tags($"{service}-endpoint"), VpcId = vpcId,
                ServiceName = $"com.amazonaws.{region}.{service}", VpcEndpointType = type, State = "available",
                PrivateDnsEnabled = type == "Interface", PolicyDocument = policy,
            });
        }
    }

    /// <summary>A default group and 19 tiered groups: web open on 443, app and data reached from the tier before, management from the admin range.</summary>
    private void AddSecurityGroups(string region, string vpcId, string octet)
    {
        var ids = Enumerable.Range(0, 20).Select(_ => NextId("sg")).ToArray();
        var world = "0.0.0.0/0";
        var defaultRules = Chance(0.2);
        _groups.Add(new SecurityGroup
        {
            Id = ids[0], Region = region, AccountId = Account, Arn = Arn(region, "security-group", ids[0]), Tags = new Dictionary<string, string>(),
            GroupName = "default", Description = "default VPC security group", VpcId = vpcId,
            IngressRules = defaultRules ? [Rule("-1", null, null, group: ids[0], description: "")] : [],
            EgressRules = defaultRules ? [Rule("-1", null, null, cidr: world, description: "")] : [],
        });

        for (var i = 1; i < ids.Length; i++)
        {
            var tier = Tiers[(i - 1) % Tiers.Length];
            var web = ids[1];
            var app = ids[2];
            var management = ids[4];
            var ingress = tier switch
            {
                "web" => new List<SecurityGroupRule> { Rule("tcp", 443, 443, cidr: world), Rule("tcp", 443, 443, cidr6: "::/0"), Rule("tcp", 22, 22, group: management) },
                "app" => [Rule("tcp", 8080, 8080, group: web), Rule("tcp", 8443, 8443, group: web), Rule("tcp", 22, 22, group: management)],
                "data" => [Rule("tcp", 5432, 5432, group: app), Rule("tcp", 6379, 6379, group: app), Rule("tcp", 22, 22, group: management)],
                _ => [Rule("tcp", 22, 22, cidr: AdminCidr), Rule("tcp", 3389, 3389, cidr: AdminCidr)],
            };
            switch (tier)
            {
                case "web" when Chance(0.5):
                    ingress.Add(Rule("tcp", 80, 80, cidr: world));
                    break;
                case "web" when Chance(0.03):
                    ingress.Add(Rule("tcp", 22, 22, cidr: world));
                    break;
                case "app" when Chance(0.05):
                    ingress.Add(Rule("tcp", 8080, 8080, cidr: world));
                    break;
                case "data" when Chance(0.1):
                    ingress.Add(Rule("tcp", 5432, 5432, cidr: $"10.{octet}.0.0/16"));
                    break;
                case "management" when Chance(0.06):
                    ingress.Add(Rule("tcp", Chance(0.5) ? 22 : 3389, Chance(0.5) ? 22 : 3389, cidr: world));
                    break;
            }

            var egress = Chance(0.3) ? Rule("-1", null, null, cidr: world) : Rule("tcp", 443, 443, cidr: world);
            _groups.Add(new SecurityGroup
            {
                Id = ids[i], Region = region, AccountId = Account, Arn = Arn(region, "security-group", ids[i]), Tags = Tags($"{tier}-{i}", tier),
                GroupName = $"{tier}-{i}", Description = Chance(0.97) ? $"{tier} tier, group {i}" : "", VpcId = vpcId,
                IngressRules = ingress, EgressRules = [egress],
            });
        }
    }

    private SecurityGroupRule Rule(string protocol, int? from, int? to, string? cidr = null, string? cidr6 = null, string? group = null, string? description = null) => new()
    {
        RuleId = NextId("sgr"),
        IpProtocol = protocol,
        FromPort = from ?? -1,
        ToPort = to ?? -1,
        CidrIpv4 = cidr,
        CidrIpv6 = cidr6,
        ReferencedGroupId = group,
        Description = description ?? (Chance(0.92) ? $"{protocol}/{from} from {cidr ?? cidr6 ?? group}" : ""),
    };

    private static string Arn(string region, string type, string id) => $"arn:aws:ec2:{region}:{Account}:{type}/{id}";
}
