using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Inventory;

public sealed class FlowLogTests
{
    private static FlowLog Log(string type, string? destination) => new()
    {
        Id = "fl-0a1b2c3d4e5f60718",
        Region = Region,
        AccountId = Account,
        ResourceId = "vpc-0a1b2c3d4e5f60718",
        TrafficType = "ALL",
        LogDestinationType = type,
        LogDestination = destination,
    };

    [Theory]
    [InlineData("s3", "arn:aws:s3:::my-logs", "my-logs")]
    [InlineData("s3", "arn:aws:s3:::my-logs/AWSLogs/", "my-logs")]
    [InlineData("S3", "arn:aws-us-gov:s3:::gov-logs", "gov-logs")]
    [InlineData("s3", "my-logs", null)]
    [InlineData("s3", null, null)]
    [InlineData("cloud-watch-logs", "arn:aws:logs:eu-west-1:123456789012:log-group:x", null)]
    [InlineData("kinesis-data-firehose", "arn:aws:s3:::not-really", null)]
    public void Destination_bucket_is_read_from_the_s3_arn(string type, string? destination, string? expected) =>
        Assert.Equal(expected, Log(type, destination).DestinationBucket);
}
