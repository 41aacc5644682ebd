using System.Net;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Live;

/// <summary>VPC Block Public Access: DescribeVpcBlockPublicAccessOptions and DescribeVpcBlockPublicAccessExclusions.</summary>
public sealed class Ec2BlockPublicAccessCollectorTests
{
    // Shapes from the EC2 API reference (VpcBlockPublicAccessOptions, VpcBlockPublicAccessExclusion), EC2 query XML.
    internal const string Options = """
        <vpcBlockPublicAccessOptions>
            <awsAccountId>123456789012</awsAccountId>
            <awsRegion>eu-west-1</awsRegion>
            <internetGatewayBlockMode>block-bidirectional</internetGatewayBlockMode>
            <state>update-complete</state>
            <lastUpdateTimestamp>2024-11-19T18:24:48.000Z</lastUpdateTimestamp>
            <exclusionsAllowed>allowed</exclusionsAllowed>
            <managedBy>account</managedBy>
        </vpcBlockPublicAccessOptions>
        """;

    private static string Exclusions(string? nextToken, params (string Id, string Mode, string Arn, string State)[] items) =>
        "<vpcBlockPublicAccessExclusionSet>" + string.Concat(items.Select(i => $"""
            <item>
                <exclusionId>{i.Id}</exclusionId>
                <internetGatewayExclusionMode>{i.Mode}</internetGatewayExclusionMode>
                <resourceArn>{i.Arn}</resourceArn>
                <state>{i.State}</state>
                <creationTimestamp>2024-11-20T09:00:00.000Z</creationTimestamp>
                <tagSet><item><key>Name</key><value>edge</value></item></tagSet>
            </item>
            """)) + "</vpcBlockPublicAccessExclusionSet>" + (nextToken is null ? "" : $"<nextToken>{nextToken}</nextToken>");

    private const string EdgeVpc = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0a60eb65b4EXAMPLE";
    private const string Subnet = "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0bb1c79de3EXAMPLE";

    [Fact]
    public async Task Maps_the_mode_and_every_page_of_exclusions_in_three_calls()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeVpcBlockPublicAccessOptions", Reply("DescribeVpcBlockPublicAccessOptions", Options))
            .On("ec2", "DescribeVpcBlockPublicAccessExclusions",
                Reply("DescribeVpcBlockPublicAccessExclusions", Exclusions("page2", ("exclusion-0a1b2c3d4e5f6a7b8", "allow-egress", EdgeVpc, "create-complete"))),
                Reply("DescribeVpcBlockPublicAccessExclusions", Exclusions(null, ("exclusion-0f1e2d3c4b5a69788", "allow-bidirectional", Subnet, "delete-complete"))));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.VpcBlockPublicAccessOptions));

        var bpa = Assert.Single(inventory.VpcBlockPublicAccessOptions);
        Assert.Equal((CollectorHarness.Account, "eu-west-1", CollectorHarness.Account), (bpa.Id, bpa.Region, bpa.AccountId));
        Assert.Equal(("block-bidirectional", "update-complete", "allowed", "account"), (bpa.InternetGatewayBlockMode, bpa.State, bpa.ExclusionsAllowed, bpa.ManagedBy));
        Assert.Equal([("exclusion-0a1b2c3d4e5f6a7b8", "allow-egress", EdgeVpc, "create-complete"), ("exclusion-0f1e2d3c4b5a69788", "allow-bidirectional", Subnet, "delete-complete")],
            bpa.Exclusions!.Select(e => (e.ExclusionId, e.InternetGatewayExclusionMode!, e.ResourceArn!, e.State!)));
        Assert.Equal(3, aws.Requests.Count);
        Assert.Equal("page2", aws.Calls("ec2", "DescribeVpcBlockPublicAccessExclusions")[1].Param("NextToken"));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_failed_exclusion_listing_leaves_exclusions_unknown_and_keeps_the_mode()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeVpcBlockPublicAccessOptions", Reply("DescribeVpcBlockPublicAccessOptions", Options))
            .On("ec2", "DescribeVpcBlockPublicAccessExclusions", Error("UnauthorizedOperation", "You are not authorized to perform this operation."));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.VpcBlockPublicAccessOptions));

        var bpa = Assert.Single(inventory.VpcBlockPublicAccessOptions);
        Assert.Null(bpa.Exclusions);
        Assert.Equal("block-bidirectional", bpa.InternetGatewayBlockMode);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeVpcBlockPublicAccessExclusions", ResourceTypes.VpcBlockPublicAccessOptions, "UnauthorizedOperation", (string?)null),
            (error.Operation, error.ResourceType, error.ErrorCode, error.ResourceId));
    }

    [Fact]
    public async Task A_denied_options_call_leaves_the_mode_unknown_with_an_error_on_the_account()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeVpcBlockPublicAccessOptions", Error("UnauthorizedOperation", "You are not authorized to perform this operation."))
            .On("ec2", "DescribeVpcBlockPublicAccessExclusions", Reply("DescribeVpcBlockPublicAccessExclusions", Exclusions(null)));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.VpcBlockPublicAccessOptions));

        var bpa = Assert.Single(inventory.VpcBlockPublicAccessOptions);
        Assert.Null(bpa.InternetGatewayBlockMode);
        Assert.Empty(bpa.Exclusions!);
        Assert.Equal(("DescribeVpcBlockPublicAccessOptions", CollectorHarness.Account), (inventory.CollectionErrors[0].Operation, inventory.CollectionErrors[0].ResourceId));
    }

    [Fact]
    public async Task Throttling_is_retried_and_unwanted_types_cost_nothing()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeVpcBlockPublicAccessOptions", Error("RequestLimitExceeded", "Request limit exceeded.", HttpStatusCode.ServiceUnavailable),
                Reply("DescribeVpcBlockPublicAccessOptions", Options))
            .On("ec2", "DescribeVpcBlockPublicAccessExclusions", Reply("DescribeVpcBlockPublicAccessExclusions", Exclusions(null)));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.VpcBlockPublicAccessOptions));

        Assert.Equal("block-bidirectional", Assert.Single(inventory.VpcBlockPublicAccessOptions).InternetGatewayBlockMode);
        Assert.Equal(2, aws.Calls("ec2", "DescribeVpcBlockPublicAccessOptions").Count);
        Assert.Empty(inventory.CollectionErrors);

        var none = new FakeAws();
        await CollectorHarness.Collect(new Ec2Collector(), none, scope: Only(ResourceTypes.Subnet));
        Assert.DoesNotContain(none.Requests, r => r.Operation.Contains("BlockPublicAccess", StringComparison.Ordinal));
    }
}
