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

    [Fact]
    public async Task A_throttled_sdk_call_is_retried_promptly_and_succeeds()
    {
        // Guards the retry mode: in adaptive mode this first throttle stalled for ~26 s and then failed.
        var aws = new FakeAws().On("kms", "ListKeys",
            FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json("""{"Keys":[],"Truncated":false}"""));
        using var session = aws.Session();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await session.Kms("eu-west-1").ListKeysAsync(new Amazon.KeyManagementService.Model.ListKeysRequest());

        Assert.False(response.Truncated);
        Assert.Equal(2, aws.Calls("kms", "ListKeys").Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
