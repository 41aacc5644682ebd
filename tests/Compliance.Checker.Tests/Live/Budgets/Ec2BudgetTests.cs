using System.Globalization;
using Compliance.Checker.Live.Collectors;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class Ec2BudgetTests
{
    /// <summary>Each list operation: its item set element and one item of index i.</summary>
    private static readonly (string Operation, string Set, Func<int, string> Item)[] Lists =
    [
        ("DescribeVpcs", "vpcSet", i => $"<item><vpcId>vpc-{i:x8}</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock><isDefault>false</isDefault></item>"),
        ("DescribeSubnets", "subnetSet", i => $"<item><subnetId>subnet-{i:x8}</subnetId><vpcId>vpc-0</vpcId><cidrBlock>10.0.1.0/24</cidrBlock><availabilityZone>eu-west-1a</availabilityZone><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation></item>"),
        ("DescribeRouteTables", "routeTableSet", i => $"<item><routeTableId>rtb-{i:x8}</routeTableId><vpcId>vpc-0</vpcId><routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state></item></routeSet><associationSet/></item>"),
        ("DescribeSecurityGroups", "securityGroupInfo", i => $"<item><ownerId>123456789012</ownerId><groupId>sg-{i:x8}</groupId><groupName>g{i}</groupName><groupDescription>web</groupDescription><vpcId>vpc-0</vpcId><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions><ipPermissionsEgress/></item>"),
        ("DescribeSecurityGroupRules", "securityGroupRuleSet", i => $"<item><securityGroupRuleId>sgr-{i:x8}</securityGroupRuleId><groupId>sg-{i:x8}</groupId><groupOwnerId>123456789012</groupOwnerId><isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><cidrIpv4>0.0.0.0/0</cidrIpv4><tagSet/></item>"),
        ("DescribeNetworkAcls", "networkAclSet", i => $"<item><networkAclId>acl-{i:x8}</networkAclId><vpcId>vpc-0</vpcId><default>false</default><entrySet/><associationSet/></item>"),
        ("DescribeFlowLogs", "flowLogSet", i => $"<item><flowLogId>fl-{i:x8}</flowLogId><resourceId>vpc-0</resourceId><trafficType>ALL</trafficType><logDestinationType>cloud-watch-logs</logDestinationType><logGroupName>flow</logGroupName><flowLogStatus>ACTIVE</flowLogStatus></item>"),
        ("DescribeVpcEndpoints", "vpcEndpointSet", i => $"""<item><vpcEndpointId>vpce-{i:x8}</vpcEndpointId><vpcEndpointType>Gateway</vpcEndpointType><vpcId>vpc-0</vpcId><serviceName>com.amazonaws.eu-west-1.s3</serviceName><state>available</state><policyDocument>{"{"}"Statement":[]{"}"}</policyDocument><privateDnsEnabled>false</privateDnsEnabled></item>"""),
        ("DescribeVolumes", "volumeSet", i => $"<item><volumeId>vol-{i:x8}</volumeId><status>available</status><attachmentSet/><encrypted>true</encrypted></item>"),
        ("DescribeSnapshots", "snapshotSet", i => $"<item><snapshotId>snap-{i:x8}</snapshotId><volumeId>vol-0</volumeId><status>completed</status><ownerId>123456789012</ownerId><encrypted>true</encrypted></item>"),
        ("DescribeInstances", "reservationSet", i => $"<item><reservationId>r-{i:x8}</reservationId><ownerId>123456789012</ownerId><instancesSet><item><instanceId>i-{i:x8}</instanceId><instanceState><code>16</code><name>running</name></instanceState><subnetId>subnet-0</subnetId><vpcId>vpc-0</vpcId><metadataOptions><httpTokens>required</httpTokens><httpEndpoint>enabled</httpEndpoint></metadataOptions></item></instancesSet></item>"),
    ];

    /// <summary>A region with <paramref name="count"/> resources of every EC2 type, each list cut into pages of at most <paramref name="pageSize"/>.</summary>
    private static FakeAws Region(int count, int pageSize)
    {
        var aws = new FakeAws();
        foreach (var (operation, set, item) in Lists)
        {
            aws.On("ec2", operation, r =>
            {
                var asked = int.Parse(r.Param("MaxResults") ?? "1000", CultureInfo.InvariantCulture);
                var (items, next) = BudgetHarness.Page(r.Param("NextToken"), count, Math.Min(pageSize, asked));
                return Reply(operation, $"<{set}>{string.Concat(items.Select(item))}</{set}>{(next is null ? "" : $"<nextToken>{next}</nextToken>")}")(r);
            });
        }

        return aws
            .On("ec2", "DescribeSnapshotAttribute", r => Reply("DescribeSnapshotAttribute", Ec2ComputeResponses.SnapshotAttribute(r.Param("SnapshotId")!, ""))(r))
            .On("ec2", "GetEbsEncryptionByDefault", Reply("GetEbsEncryptionByDefault", "<ebsEncryptionByDefault>true</ebsEncryptionByDefault>"))
            .On("ec2", "GetEbsDefaultKmsKeyId", Reply("GetEbsDefaultKmsKeyId", "<kmsKeyId>alias/aws/ebs</kmsKeyId>"))
            .On("ec2", "DescribeVpcBlockPublicAccessOptions", Reply("DescribeVpcBlockPublicAccessOptions", Ec2BlockPublicAccessCollectorTests.Options))
            .On("ec2", "DescribeVpcBlockPublicAccessExclusions", Reply("DescribeVpcBlockPublicAccessExclusions", "<vpcBlockPublicAccessExclusionSet/>"));
    }

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task A_region_costs_one_call_per_list_page_and_type_plus_the_snapshot_attributes(int count)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new Ec2Collector(), Region(count, 1000));

        Assert.Equal(count, inventory.SecurityGroups.Count);
        Assert.All(inventory.SecurityGroups, g => Assert.Single(g.IngressRules!));
        Assert.Equal(count, inventory.Instances.Count);
        BudgetHarness.WithinBudget(ApiBudgets.Ec2(ApiBudgets.Pages(count, 1000), snapshots: count), calls, inventory);
    }

    [Fact]
    public async Task Paginated_lists_ask_for_the_largest_pages_and_make_one_call_per_page()
    {
        var aws = Region(25, BudgetHarness.SmallPages);
        var (inventory, calls) = await BudgetHarness.RunAsync(new Ec2Collector(), aws);

        Assert.Equal(25, inventory.Vpcs.Count);
        foreach (var (operation, _, _) in Lists)
        {
            Assert.All(aws.Calls("ec2", operation), r => Assert.Equal(operation == "DescribeRouteTables" ? "100" : "1000", r.Param("MaxResults")));
        }

        BudgetHarness.WithinBudget(ApiBudgets.Ec2(ApiBudgets.Pages(25, BudgetHarness.SmallPages), snapshots: 25), calls, inventory);
    }
}
