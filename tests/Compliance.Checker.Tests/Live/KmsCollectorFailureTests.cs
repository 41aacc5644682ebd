using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.KmsResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class KmsCollectorFailureTests
{
    private const string Denied = "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform this operation";

    private static FakeAws OneKey() => new FakeAws()
        .On("kms", "ListKeys", FakeAws.Json(ListKeys(null, CustomerKey)))
        .On("kms", "ListAliases", FakeAws.Json(Aliases));

    [Fact]
    public async Task DescribeKey_denied_leaves_its_fields_unknown_and_skips_the_calls_that_depend_on_it()
    {
        var aws = OneKey()
            .OnKey("DescribeKey", CustomerKey, FakeAws.JsonError("AccessDeniedException", Denied))
            .OnKey("GetKeyPolicy", CustomerKey, FakeAws.Json(DefaultPolicy));

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        var key = Assert.Single(inventory.KmsKeys);
        Assert.Equal(CustomerKey, key.Id);
        Assert.Null(key.Arn);
        Assert.True(key is { KeyManager: null, KeyState: null, KeySpec: null, Origin: null, DeletionDate: null, RotationEnabled: null });
        Assert.NotNull(key.Policy);
        Assert.Equal(["alias/app-data", "alias/example1"], key.Aliases);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("kms", "DescribeKey", ResourceTypes.KmsKey, CustomerKey, "AccessDeniedException"),
            (error.Service, error.Operation, error.ResourceType, error.ResourceId, error.ErrorCode));
        Assert.Empty(aws.Calls("kms", "GetKeyRotationStatus"));
        Assert.Empty(aws.Calls("kms", "ListResourceTags"));
        Assert.True(key.TagsUnknown); // who manages the key is unknown, so whether and how it is tagged is too
    }

    [Fact]
    public async Task A_denied_per_key_getter_nulls_only_its_own_field()
    {
        var aws = OneKey()
            .OnKey("DescribeKey", CustomerKey, FakeAws.Json(Describe(CustomerKey)))
            .OnKey("GetKeyRotationStatus", CustomerKey, FakeAws.JsonError("AccessDeniedException", Denied))
            .OnKey("GetKeyPolicy", CustomerKey, FakeAws.JsonError("AccessDeniedException", Denied))
            .OnKey("ListResourceTags", CustomerKey, FakeAws.Json(Tags));

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        var key = Assert.Single(inventory.KmsKeys);
        Assert.Equal(("CUSTOMER", "Enabled"), (key.KeyManager, key.KeyState));
        Assert.Null(key.RotationEnabled);
        Assert.Null(key.Policy);
        Assert.Equal(3, key.Tags.Count);
        Assert.False(key.TagsUnknown);
        Assert.Equal(["GetKeyPolicy", "GetKeyRotationStatus"], inventory.CollectionErrors.Select(e => e.Operation));
        Assert.All(inventory.CollectionErrors, e => Assert.Equal(CustomerKey, e.ResourceId));
    }

    [Fact]
    public async Task A_policy_that_does_not_parse_is_unknown_and_recorded()
    {
        // The first matching route answers, so this policy (a statement without Effect) wins over the key's default one.
        var aws = OneKey()
            .OnKey("GetKeyPolicy", CustomerKey, FakeAws.Json("""{"Policy":"{\"Statement\":[{\"Action\":\"kms:*\"}]}","PolicyName":"default"}"""))
            .WithCustomerKey(CustomerKey);

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        var key = Assert.Single(inventory.KmsKeys);
        Assert.Null(key.Policy);
        Assert.True(key.RotationEnabled);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("GetKeyPolicy", "InvalidPolicy", CustomerKey), (error.Operation, error.ErrorCode, error.ResourceId));
    }

    [Fact]
    public async Task ListKeys_denied_is_an_error_for_the_type_and_nothing_else_is_called()
    {
        var aws = new FakeAws().On("kms", "ListKeys", FakeAws.JsonError("AccessDeniedException", Denied));

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        Assert.Empty(inventory.KmsKeys);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("ListKeys", "AccessDeniedException"), (error.Operation, error.ErrorCode));
        Assert.Null(error.ResourceId);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        var aws = new FakeAws()
            .On("kms", "ListKeys", FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(ListKeys(null, CustomerKey)))
            .On("kms", "ListAliases", FakeAws.Json(Aliases))
            .OnKey("DescribeKey", CustomerKey, FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(Describe(CustomerKey)))
            .WithCustomerKey(CustomerKey);

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        Assert.Empty(inventory.CollectionErrors.Select(e => $"{e.Operation} {e.ErrorCode} {e.Message}"));
        Assert.Equal("CUSTOMER", Assert.Single(inventory.KmsKeys).KeyManager);
        Assert.Equal(2, aws.Calls("kms", "ListKeys").Count);
        Assert.Equal(2, aws.Calls("kms", "DescribeKey").Count);
    }

    [Fact]
    public async Task A_targeted_scan_describes_only_the_named_keys_without_listing()
    {
        var aws = new FakeAws().On("kms", "ListAliases", FakeAws.Json(Aliases)).WithCustomerKey(CustomerKey)
            .On(r => r.Operation == "DescribeKey", FakeAws.JsonError("NotFoundException", "Key 'arn:aws:kms:eu-west-1:123456789012:key/elsewhere' does not exist"));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.KmsKey },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.KmsKey] = [CustomerKey, "elsewhere"] },
        };

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws, scope: scope);

        Assert.Equal(CustomerKey, Assert.Single(inventory.KmsKeys).Id);
        Assert.Empty(inventory.CollectionErrors); // a named key that is not in this region is simply absent
        Assert.Empty(aws.Calls("kms", "ListKeys"));
        Assert.Equal(2, aws.Calls("kms", "DescribeKey").Count);
        Assert.Equal(6, aws.Requests.Count); // 2 DescribeKey + rotation, policy, tags of the one key + 1 ListAliases

        var none = new FakeAws();
        await CollectorHarness.Collect(new KmsCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } });
        Assert.Empty(none.Requests);
    }

    [Fact]
    public async Task Denied_tags_leave_the_key_with_unknown_tags()
    {
        var aws = OneKey()
            .OnKey("DescribeKey", CustomerKey, FakeAws.Json(Describe(CustomerKey)))
            .OnKey("GetKeyRotationStatus", CustomerKey, FakeAws.Json(Rotation(CustomerKey, true)))
            .OnKey("GetKeyPolicy", CustomerKey, FakeAws.Json(DefaultPolicy))
            .OnKey("ListResourceTags", CustomerKey, FakeAws.JsonError("AccessDeniedException", Denied));

        var inventory = await CollectorHarness.Collect(new KmsCollector(), aws);

        var key = Assert.Single(inventory.KmsKeys);
        Assert.True(key.TagsUnknown);
        Assert.Empty(key.Tags);
        Assert.Equal(("ListResourceTags", CustomerKey), (Assert.Single(inventory.CollectionErrors).Operation, inventory.CollectionErrors[0].ResourceId));
    }
}
