using Amazon.EC2.Model;

namespace Compliance.Checker.Tests.Live;

public sealed class SdkThroughFakeTests
{
    [Fact]
    public async Task Sdk_clients_are_signed_for_their_region_and_answered_by_the_fake()
    {
        var aws = new FakeAws().On("ec2", "DescribeVpcs", "us-east-1", FakeAws.Xml("""
            <DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
              <vpcSet><item><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId><ownerId>123456789012</ownerId><state>available</state>
                <cidrBlock>10.0.0.0/16</cidrBlock><isDefault>false</isDefault></item></vpcSet>
            </DescribeVpcsResponse>
            """));
        using var session = aws.Session();

        var response = await session.Ec2("us-east-1").DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Equal("vpc-0a60eb65b4EXAMPLE", Assert.Single(response.Vpcs).VpcId);
        var call = Assert.Single(aws.Requests);
        Assert.Equal(("ec2", "us-east-1", "DescribeVpcs"), (call.Service, call.Region, call.Operation));
    }
}
