using System.Net;
using Compliance.Checker.Live.Clients.S3Control;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class S3ControlClientTests
{
    private static readonly CollectionScope AccountBlockOnly = new() { Types = new HashSet<string> { ResourceTypes.AccountPublicAccessBlock } };

    // Shape from the S3 Control API reference, GetPublicAccessBlock response syntax.
    private const string Configured = """
        <?xml version="1.0" encoding="UTF-8"?>
        <PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">
          <BlockPublicAcls>true</BlockPublicAcls>
          <IgnorePublicAcls>true</IgnorePublicAcls>
          <BlockPublicPolicy>false</BlockPublicPolicy>
          <RestrictPublicBuckets>true</RestrictPublicBuckets>
        </PublicAccessBlockConfiguration>
        """;

    [Fact]
    public async Task Reads_the_account_settings_with_the_account_header_signed_as_s3()
    {
        var aws = new FakeAws().OnAccountBlock(FakeAws.Xml(Configured));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, scope: AccountBlockOnly, options: S3Fake.Options());

        var block = Assert.Single(inventory.AccountPublicAccessBlocks);
        Assert.Equal((CollectorHarness.Account, "global", CollectorHarness.Account), (block.Id, block.Region, block.AccountId));
        Assert.Equal(new PublicAccessBlock(true, true, false, true), block.Settings);
        Assert.Empty(inventory.CollectionErrors);
        var call = Assert.Single(aws.Requests);
        Assert.Equal(("s3", "eu-west-1", "/v20180820/configuration/publicAccessBlock"), (call.Service, call.Region, call.Path));
        Assert.Equal(CollectorHarness.Account, call.Headers["x-amz-account-id"]);
        Assert.Contains("x-amz-account-id", call.Headers["authorization"], StringComparison.Ordinal); // the header is signed
        Assert.Empty(inventory.Buckets);
    }

    [Fact]
    public async Task An_account_without_a_configuration_has_every_setting_off()
    {
        var aws = new FakeAws().OnAccountBlock(
            S3Fake.Error("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, scope: AccountBlockOnly, options: S3Fake.Options());

        Assert.Same(PublicAccessBlock.None, Assert.Single(inventory.AccountPublicAccessBlocks).Settings);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_denied_read_leaves_the_settings_unknown_and_names_the_account()
    {
        var aws = new FakeAws().OnAccountBlock(S3Fake.AccessDenied);

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, scope: AccountBlockOnly, options: S3Fake.Options());

        Assert.Null(Assert.Single(inventory.AccountPublicAccessBlocks).Settings);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("s3control", "GetPublicAccessBlock", ResourceTypes.AccountPublicAccessBlock, CollectorHarness.Account, "AccessDenied"),
            (error.Service, error.Operation, error.ResourceType, error.ResourceId, error.ErrorCode));
        Assert.Single(aws.Requests); // not retried
    }

    [Fact]
    public async Task Throttling_is_retried_and_an_absent_member_reads_as_null()
    {
        var aws = new FakeAws().OnAccountBlock(
            S3Fake.Error("SlowDown", "Please reduce your request rate.", HttpStatusCode.ServiceUnavailable),
            FakeAws.Xml("<PublicAccessBlockConfiguration><BlockPublicAcls>TRUE</BlockPublicAcls></PublicAccessBlockConfiguration>"));
        using var session = aws.Session(S3Fake.Options());

        var response = await new S3ControlClient(session, "eu-west-1").GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { AccountId = CollectorHarness.Account }, CancellationToken.None);

        Assert.Equal(new PublicAccessBlockConfiguration { BlockPublicAcls = true }, response.PublicAccessBlockConfiguration);
        Assert.Equal(2, aws.Requests.Count);
    }

    [Theory]
    [InlineData("eu-west-1", null, "https://123456789012.s3-control.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", null, "https://123456789012.s3-control.cn-north-1.amazonaws.com.cn/")]
    [InlineData("eu-west-1", "http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    public void The_endpoint_carries_the_account_as_host_prefix_unless_overridden(string region, string? overrideUrl, string expected) =>
        Assert.Equal(new Uri(expected), S3ControlClient.Endpoint(CollectorHarness.Account, region, overrideUrl));
}
