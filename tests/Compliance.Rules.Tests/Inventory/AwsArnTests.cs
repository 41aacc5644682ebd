using Compliance.Rules.Inventory;

namespace Compliance.Rules.Tests.Inventory;

public sealed class AwsArnTests
{
    [Fact]
    public void The_six_fields_are_split_and_the_resource_keeps_its_colons() =>
        Assert.Equal(new AwsArn("aws", "logs", "eu-west-1", "123456789012", "log-group:/aws/lambda/orders:*"),
            AwsArn.Parse("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders:*"));

    [Fact]
    public void Global_services_have_empty_region_and_account_fields() =>
        Assert.Equal(new AwsArn("aws", "s3", "", "", "flow-logs/AWSLogs/"), AwsArn.Parse("arn:aws:s3:::flow-logs/AWSLogs/"));

    [Theory]
    [InlineData(null)]
    [InlineData("alias/aws/s3")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:kms:eu-west-1")]
    [InlineData("urn:aws:kms:eu-west-1:123456789012:key/1234")]
    public void Anything_that_is_not_an_arn_is_null(string? text) => Assert.Null(AwsArn.Parse(text));
}
