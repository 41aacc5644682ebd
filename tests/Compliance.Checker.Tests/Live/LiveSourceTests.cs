using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class LiveSourceTests
{
    private const string LogGroups = """{ "logGroups": [ { "logGroupName": "app", "retentionInDays": 30 } ] }""";

    private static CollectionScope Logs => new() { Types = new HashSet<string> { ResourceTypes.LogGroup } };

    [Fact]
    public async Task Regions_are_collected_concurrently_into_one_inventory_with_stats()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups", FakeAws.Json(LogGroups));
        using var session = aws.Session(new LiveOptions { Regions = ["eu-west-1", "us-east-1"] });

        var result = await new LiveSource(session, [new CloudWatchLogsCollector()]).CollectAsync(Logs, null, CancellationToken.None);

        Assert.Equal(["eu-west-1", "us-east-1"], result.Inventory.LogGroups.Select(g => g.Region));
        Assert.Equal(["eu-west-1", "us-east-1"], result.Inventory.Regions);
        Assert.Empty(result.Inventory.CollectionErrors);
        Assert.Equal(2, result.Stats.TotalApiCalls);
        Assert.Equal(2, result.Stats.Timings.Count(t => t.Service == "logs" && t.Completed));
    }

    [Fact]
    public async Task The_account_comes_from_sts_when_not_given()
    {
        var aws = new FakeAws()
            .On("sts", "GetCallerIdentity", FakeAws.Xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult><Arn>arn:aws:iam::210987654321:user/scanner</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>210987654321</Account></GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>
                """))
            .On("logs", "DescribeLogGroups", FakeAws.Json(LogGroups));
        using var session = new AwsSession(new LiveOptions { Regions = ["eu-west-1"] }, new Amazon.Runtime.BasicAWSCredentials(FakeAws.AccessKey, "secret"), aws);

        var result = await new LiveSource(session, [new CloudWatchLogsCollector()]).CollectAsync(Logs, null, CancellationToken.None);

        Assert.Equal(["210987654321"], result.Inventory.AccountIds);
        Assert.Equal("210987654321", Assert.Single(result.Inventory.LogGroups).AccountId);
    }

    [Fact]
    public async Task When_the_account_cannot_be_learned_every_wanted_type_is_unknown_in_every_region()
    {
        var aws = new FakeAws().On("sts", "GetCallerIdentity", FakeAws.XmlError("InvalidClientTokenId", "The security token included in the request is invalid."));
        using var session = new AwsSession(new LiveOptions { Regions = ["eu-west-1", "us-east-1"] }, new Amazon.Runtime.BasicAWSCredentials(FakeAws.AccessKey, "secret"), aws);
        var scope = new CollectionScope { Types = new HashSet<string> { ResourceTypes.LogGroup, ResourceTypes.Vpc } };

        var result = await new LiveSource(session, [new CloudWatchLogsCollector()]).CollectAsync(scope, null, CancellationToken.None);

        var missing = result.Inventory.CollectionErrors.Where(e => e.ErrorCode == "NotCollected").Select(e => (e.ResourceType, e.Region)).ToHashSet();
        Assert.Equal(new HashSet<(string, string)>
        {
            (ResourceTypes.LogGroup, "eu-west-1"), (ResourceTypes.LogGroup, "us-east-1"), (ResourceTypes.Vpc, "eu-west-1"), (ResourceTypes.Vpc, "us-east-1"),
        }, missing);
        Assert.Contains(result.Inventory.CollectionErrors, e => e.ErrorCode == "InvalidClientTokenId");
        Assert.Empty(aws.Calls("logs", "DescribeLogGroups"));
    }

    [Fact]
    public async Task A_wanted_type_without_a_collector_is_unknown_not_absent()
    {
        using var session = new FakeAws().Session(new LiveOptions { Regions = ["eu-west-1"] });
        var scope = new CollectionScope { Types = new HashSet<string> { ResourceTypes.Trail } };

        var result = await new LiveSource(session, []).CollectAsync(scope, null, CancellationToken.None);

        var error = Assert.Single(result.Inventory.CollectionErrors);
        Assert.Equal((ResourceTypes.Trail, "NoCollector"), (error.ResourceType, error.ErrorCode));
    }

    [Fact]
    public async Task Work_still_pending_at_the_deadline_becomes_deadline_errors()
    {
        var aws = new FakeAws { Latency = TimeSpan.FromSeconds(5) }.On("logs", "DescribeLogGroups", FakeAws.Json(LogGroups));
        using var session = aws.Session(new LiveOptions { Regions = ["eu-west-1", "us-east-1", "eu-central-1"], MaxConcurrency = 1, Deadline = TimeSpan.FromMilliseconds(100) });

        var result = await new LiveSource(session, [new CloudWatchLogsCollector()]).CollectAsync(Logs, null, CancellationToken.None);

        var late = result.Inventory.CollectionErrors.Where(e => e.ErrorCode == "DeadlineExceeded").Select(e => e.Region).Order().ToList();
        Assert.Equal(["eu-central-1", "eu-west-1", "us-east-1"], late);
        Assert.Empty(result.Inventory.LogGroups);
        Assert.True(result.Stats.DurationMs < 4000, "the deadline must stop the scan, not the slow endpoint");
    }

    [Fact]
    public async Task A_collector_that_throws_makes_its_types_unknown_and_the_rest_goes_on()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups", FakeAws.Json(LogGroups));
        using var session = aws.Session(new LiveOptions { Regions = ["eu-west-1"] });

        var result = await new LiveSource(session, [new ThrowingCollector(), new CloudWatchLogsCollector()])
            .CollectAsync(new CollectionScope { Types = new HashSet<string> { ResourceTypes.LogGroup, ResourceTypes.Vpc } }, null, CancellationToken.None);

        Assert.Single(result.Inventory.LogGroups);
        var error = Assert.Single(result.Inventory.CollectionErrors);
        Assert.Equal((ResourceTypes.Vpc, "CollectorFailed"), (error.ResourceType, error.ErrorCode));
    }

    private sealed class ThrowingCollector : ICollector
    {
        public string Service => "ec2";
        public IReadOnlyList<string> Produces { get; } = [ResourceTypes.Vpc];
        public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>();
        public bool IsGlobal => false;

        public Task CollectAsync(CollectorContext context, CancellationToken cancellationToken) => throw new InvalidOperationException("bug");
    }
}
