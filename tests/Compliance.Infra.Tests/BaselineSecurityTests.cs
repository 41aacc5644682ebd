using System.Text.Json;
using Amazon.CDK.Assertions;
using Compliance.Infra.Baseline;

namespace Compliance.Infra.Tests;

public sealed class BaselineSecurityTests
{
    private static Template Default => Synth.Baseline();

    [Theory]
    [InlineData("app")]
    [InlineData("s3")]
    [InlineData("logs")]
    public void Three_rotated_keys_with_aliases(string purpose)
    {
        Default.ResourceCountIs("AWS::KMS::Key", 3);
        Default.HasResourceProperties("AWS::KMS::Alias", new Dictionary<string, object> { ["AliasName"] = $"alias/{purpose}-encryption-dev" });
        Assert.Equal(3, Default.FindResources("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["EnableKeyRotation"] = true }),
        })).Count);
    }

    [Fact]
    public void Key_policies_name_the_root_and_the_scoped_service_principals_never_kms_star()
    {
        var keys = JsonSerializer.Serialize(Default.FindResources("AWS::KMS::Key"));
        Assert.Contains(":root", keys, StringComparison.Ordinal);
        Assert.Contains("logs.eu-west-1.amazonaws.com", keys, StringComparison.Ordinal);
        Assert.Contains("kms:EncryptionContext:aws:logs:arn", keys, StringComparison.Ordinal);
        Assert.Contains("delivery.logs.amazonaws.com", keys, StringComparison.Ordinal);
        Assert.Contains("aws:SourceAccount", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kms:*\"", keys, StringComparison.Ordinal);
    }

    [Fact]
    public void Gateway_endpoints_for_s3_and_dynamodb_on_every_tier()
    {
        foreach (var service in new[] { "s3", "dynamodb" })
        {
            Default.HasResourceProperties("AWS::EC2::VPCEndpoint", new Dictionary<string, object>
            {
                ["VpcEndpointType"] = "Gateway",
                ["ServiceName"] = $"com.amazonaws.eu-west-1.{service}",
                ["RouteTableIds"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^Networkapplicationroutes") }),
                    Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^Networkdatabaseroutes") }),
                    Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^Networkmanagementroutes") }),
                },
            });
        }
    }

    [Theory]
    [InlineData("kms")]
    [InlineData("logs")]
    [InlineData("secretsmanager")]
    [InlineData("sns")]
    [InlineData("sts")]
    [InlineData("monitoring")]
    [InlineData("events")]
    [InlineData("execute-api")]
    public void Interface_endpoints_with_private_dns_behind_the_443_from_the_vpc_group(string service)
    {
        Default.HasResourceProperties("AWS::EC2::VPCEndpoint", new Dictionary<string, object>
        {
            ["VpcEndpointType"] = "Interface",
            ["ServiceName"] = $"com.amazonaws.eu-west-1.{service}",
            ["PrivateDnsEnabled"] = true,
            ["SecurityGroupIds"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^EndpointsSecurityGroup")]) }) },
        });
        Default.HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object>
        {
            ["FromPort"] = 443, ["ToPort"] = 443, ["CidrIp"] = "10.0.0.0/16",
            ["GroupId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^EndpointsSecurityGroup")]) }),
        });
    }
}
