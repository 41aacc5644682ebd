using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.KmsResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class KmsCollectorTests
{
    private const long DeletionEpoch = 1767225600; // 2026-01-01T00:00:00Z

    /// <summary>Four keys on two ListKeys pages: customer managed, AWS managed, pending deletion, asymmetric signing.</summary>
    private static FakeAws FourKeys() => new FakeAws()
        .On("kms", "ListKeys", FakeAws.Json(ListKeys("eyJwYWdlIjoyfQ==", CustomerKey, AwsKey)), FakeAws.Json(ListKeys(null, PendingKey, SigningKey)))
        .On("kms", "ListAliases", FakeAws.Json(Aliases))
        .WithCustomerKey(CustomerKey)
        .OnKey("DescribeKey", AwsKey, FakeAws.Json(Describe(AwsKey, manager: "AWS")))
        .OnKey("GetKeyPolicy", AwsKey, FakeAws.Json(DefaultPolicy))
        .OnKey("DescribeKey", PendingKey, FakeAws.Json(Describe(PendingKey, state: "PendingDeletion", deletionDate: DeletionEpoch)))
        .OnKey("GetKeyRotationStatus", PendingKey, FakeAws.Json(Rotation(PendingKey, false)))
        .OnKey("GetKeyPolicy", PendingKey, FakeAws.Json(DefaultPolicy))
        .OnKey("ListResourceTags", PendingKey, FakeAws.Json(NoTags))
        .OnKey("DescribeKey", SigningKey, FakeAws.Json(Describe(SigningKey, spec: "RSA_2048")))
        .OnKey("GetKeyPolicy", SigningKey, FakeAws.Json(DefaultPolicy))
        .OnKey("ListResourceTags", SigningKey, FakeAws.Json(NoTags));

    [Fact]
    public async Task Maps_every_field_of_a_customer_managed_key()
    {
        var aws = FourKeys();

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal(new[] { AwsKey, SigningKey, CustomerKey, PendingKey }.Order(StringComparer.Ordinal), inventory.KmsKeys.Select(k => k.Id));
        var key = inventory.KmsKeys.Single(k => k.Id == CustomerKey);
        Assert.Equal(("eu-west-1", "123456789012", Arn(CustomerKey)), (key.Region, key.AccountId, key.Arn));
        Assert.Equal(("CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS"), (key.KeyManager, key.KeyState, key.KeySpec, key.Origin));
        Assert.Null(key.DeletionDate);
        Assert.True(key.RotationEnabled);
        Assert.Equal(["alias/app-data", "alias/example1"], key.Aliases);
        Assert.Equal(new Dictionary<string, string> { ["CostCenter"] = "87654", ["CreatedBy"] = "ExampleUser", ["Purpose"] = "Test" }, key.Tags);
        var statement = Assert.Single(key.Policy!.Statements);
        Assert.Equal(("2012-10-17", "Enable IAM User Permissions", "Allow"), (key.Policy.Version, statement.Sid, statement.Effect));
        Assert.Equal(["arn:aws:iam::123456789012:root"], statement.Principal!.ByType["AWS"]);
        Assert.Equal(["kms:*"], statement.Actions);
        Assert.Equal(["*"], statement.Resources);
    }

    [Fact]
    public async Task A_customer_managed_key_with_an_aws_reserved_alias_has_an_unknown_manager()
    {
        // moto 4.2 creates alias/aws/dynamodb's key on first use and describes it as CUSTOMER; AWS would say AWS.
        var aws = new FakeAws()
            .On("kms", "ListKeys", FakeAws.Json(ListKeys(null, AwsKey, CustomerKey)))
            .On("kms", "ListAliases", FakeAws.Json(Aliases))
            .WithCustomerKey(AwsKey)
            .WithCustomerKey(CustomerKey);

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        var mislabelled = inventory.KmsKeys.Single(k => k.Id == AwsKey);
        Assert.Null(mislabelled.KeyManager);
        Assert.Equal(["alias/aws/dynamodb"], mislabelled.Aliases);
        Assert.Equal("CUSTOMER", inventory.KmsKeys.Single(k => k.Id == CustomerKey).KeyManager);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeKey", "InconsistentKeyManager", AwsKey), (error.Operation, error.ErrorCode, error.ResourceId));
        Assert.Contains("alias/aws/dynamodb", error.Message);
    }

    [Fact]
    public async Task Requests_are_paginated_and_name_the_default_policy()
    {
        var aws = FourKeys();

        await CollectorHarness.Collect(new KmsCollector(), aws);

        var listKeys = aws.Calls("kms", "ListKeys");
        Assert.Equal(2, listKeys.Count);
        Assert.Equal("TrentService.ListKeys", listKeys[0].Headers["x-amz-target"]);
        Assert.DoesNotContain("Marker", listKeys[0].Body);
        Assert.Contains("\"Marker\":\"eyJwYWdlIjoyfQ==\"", listKeys[1].Body);
        Assert.All(aws.Calls("kms", "GetKeyPolicy"), c => Assert.Contains("\"PolicyName\":\"default\"", c.Body));
    }

    [Fact]
    public async Task An_aws_managed_key_is_described_and_its_policy_read_without_a_rotation_or_tag_call()
    {
        var aws = FourKeys();

        var key = (await CollectorHarness.Collect(new KmsCollector(), aws)).KmsKeys.Single(k => k.Id == AwsKey);

        Assert.Equal("AWS", key.KeyManager);
        Assert.True(key.RotationEnabled); // the API reference: the rotation status of an AWS managed key is always true
        Assert.Equal(["alias/aws/dynamodb"], key.Aliases);
        Assert.Empty(key.Tags);
        Assert.NotNull(key.Policy);
        Assert.DoesNotContain(aws.Requests, r => r.Body.Contains(AwsKey, StringComparison.Ordinal) && r.Operation is "GetKeyRotationStatus" or "ListResourceTags");
    }

    [Fact]
    public async Task A_key_pending_deletion_keeps_its_deletion_date_and_an_asymmetric_key_has_no_rotation_call()
    {
        var aws = FourKeys();

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        var pending = inventory.KmsKeys.Single(k => k.Id == PendingKey);
        Assert.Equal(("PendingDeletion", false), (pending.KeyState, pending.RotationEnabled));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(DeletionEpoch), pending.DeletionDate);
        Assert.Equal(TimeSpan.Zero, pending.DeletionDate!.Value.Offset);
        Assert.Empty(pending.Aliases);
        var signing = inventory.KmsKeys.Single(k => k.Id == SigningKey);
        Assert.Equal(("RSA_2048", false), (signing.KeySpec, signing.RotationEnabled)); // cannot rotate automatically: false, no call
        Assert.Equal([CustomerKey, PendingKey], aws.Calls("kms", "GetKeyRotationStatus").Select(c => KeyIn(c.Body)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_budget_is_list_pages_plus_the_calls_each_kind_of_key_needs()
    {
        var aws = FourKeys();

        await CollectorHarness.Collect(new KmsCollector(), aws);

        Assert.Equal(2, aws.Calls("kms", "ListKeys").Count);
        Assert.Single(aws.Calls("kms", "ListAliases"));
        Assert.Equal(4, aws.Calls("kms", "DescribeKey").Count);
        Assert.Equal(4, aws.Calls("kms", "GetKeyPolicy").Count);
        Assert.Equal(2, aws.Calls("kms", "GetKeyRotationStatus").Count); // customer symmetric AWS_KMS keys only
        Assert.Equal(3, aws.Calls("kms", "ListResourceTags").Count);     // customer managed keys only
        Assert.Equal(16, aws.Requests.Count);
    }

    [Fact]
    public async Task No_keys_means_no_alias_call()
    {
        var aws = new FakeAws().On("kms", "ListKeys", FakeAws.Json(ListKeys(null)));

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        Assert.Empty(inventory.KmsKeys);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Keys_are_read_at_most_eight_at_once_with_two_calls_per_aws_managed_key()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"{i:x8}-0000-4000-8000-000000000000").ToArray();
        var inFlight = new InFlight();
        var aws = new FakeAws()
            .On("kms", "ListKeys", FakeAws.Json(ListKeys(null, ids)))
            .On("kms", "ListAliases", FakeAws.Json(Aliases))
            .On("kms", "DescribeKey", inFlight.Around(r => FakeAws.Json(Describe(ids.Single(id => r.Body.Contains(id, StringComparison.Ordinal)), manager: "AWS"))(r)))
            .On("kms", "GetKeyPolicy", FakeAws.Json(DefaultPolicy));

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        Assert.Equal(20, inventory.KmsKeys.Count);
        Assert.InRange(inFlight.Max, 2, 8);
        Assert.Equal(1 + 1 + 2 * 20, aws.Requests.Count);
    }

    private static string KeyIn(string body) => new[] { CustomerKey, AwsKey, PendingKey, SigningKey }.Single(id => body.Contains(id, StringComparison.Ordinal));
}
