using System.Text;
using Compliance.Checker.Snapshots;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Snapshots;

public sealed class SnapshotFileTests
{
    private static Task<Snapshot> Read(string json) =>
        SnapshotFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public async Task Round_trip_keeps_every_value_and_unknowns_stay_unknown()
    {
        var original = new Snapshot
        {
            SchemaVersion = Snapshot.CurrentSchemaVersion,
            CollectedAt = DateTimeOffset.Parse("2026-11-22T02:00:00Z"),
            Inventory = new AwsInventory
            {
                AccountIds = [Fixtures.Account],
                Regions = ["eu-west-1"],
                SecurityGroups = [Fixtures.OpenSsh("sg-0a")],
                Buckets =
                [
                    new Bucket
                    {
                        Id = "example-logs", Region = "eu-west-1", AccountId = Fixtures.Account, Arn = "arn:aws:s3:::example-logs",
                        Encryption = new BucketEncryption("aws:kms", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", true),
                        Policy = PolicyDocumentJsonConverter.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::example-logs","arn:aws:s3:::example-logs/*"],"Condition":{"Bool":{"aws:SecureTransport":false}}}]}"""),
                        Versioning = null,
                    },
                ],
            },
        };

        var stream = new MemoryStream();
        await SnapshotFile.WriteAsync(original, stream);
        stream.Position = 0;
        var copy = await SnapshotFile.ReadAsync(stream, "round-trip.json");

        var bucket = Assert.Single(copy.Inventory.Buckets);
        Assert.Null(bucket.Versioning);
        Assert.Equal(original.Inventory.Buckets[0].Encryption, bucket.Encryption);
        var condition = Assert.Single(Assert.Single(bucket.Policy!.Statements).Conditions);
        Assert.Equal(["false"], condition.Values);
        Assert.Equal(original.Inventory.SecurityGroups[0].IngressRules, copy.Inventory.SecurityGroups[0].IngressRules);
        Assert.Empty(copy.Inventory.Vpcs);
        Assert.Empty(copy.Inventory.CollectionErrors);
    }

    [Fact]
    public async Task Truncated_file_names_the_file_and_says_it_is_truncated()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => Read("""{"schemaVersion":1,"inventory":{"regions":["eu-we"""));

        Assert.StartsWith("test.json: invalid snapshot", ex.Message);
        Assert.Contains("truncated", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public async Task Wrong_value_type_names_the_json_path_and_the_expected_type()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => Read("""
            {"schemaVersion":1,"inventory":{"volumes":[{"id":"vol-1","region":"eu-west-1","accountId":"123456789012","encrypted":"yes"}]}}
            """));

        Assert.Contains("$.inventory.volumes[0].encrypted", ex.Message);
        Assert.Contains("expected a value of type System.Boolean", ex.Message);
    }

    [Fact]
    public async Task Missing_required_property_is_named()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => Read("""
            {"schemaVersion":1,"inventory":{"vpcs":[{"id":"vpc-1","region":"eu-west-1"}]}}
            """));

        Assert.Contains("accountId", ex.Message);
    }

    [Fact]
    public async Task A_misspelt_property_is_rejected_rather_than_read_as_unknown()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => Read("""{"schemaVersion":1,"inventory":{"securityGroup":[]}}"""));

        Assert.Contains("securityGroup", ex.Message);
    }

    [Theory]
    [InlineData("""{"inventory":{}}""", "$.schemaVersion: expected the format version number")]
    [InlineData("""{"schemaVersion":7,"inventory":{}}""", "version 7, this build reads version 1")]
    [InlineData("""[1,2]""", "expected an object")]
    public async Task Schema_version_is_checked_first(string json, string expected)
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => Read(json));

        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("""{"schemaVersion":1, /* note */ "inventory":{}}""")]
    [InlineData("""{"schemaVersion":1,"inventory":{"regions":["eu-west-1",]}}""")]
    public async Task Comments_and_trailing_commas_are_refused_by_the_streaming_read_as_by_the_document_check(string json) =>
        Assert.StartsWith("test.json: invalid snapshot", (await Assert.ThrowsAsync<InputException>(() => Read(json))).Message);

    [Fact]
    public async Task Unreadable_file_is_an_input_error() =>
        Assert.Contains("cannot read the snapshot file", (await Assert.ThrowsAsync<InputException>(() => SnapshotFile.ReadAsync("/nonexistent/snapshot.json"))).Message);
}
