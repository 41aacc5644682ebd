using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class BackupCollectorTests
{
    private const string DefaultVault = "arn:aws:backup:eu-west-1:123456789012:backup-vault:Default";
    private const string LockedVault = "arn:aws:backup:eu-west-1:123456789012:backup-vault:audit-locked";

    // Shapes from the AWS Backup API reference (ListBackupVaults, ListProtectedResources, ListTags response syntax).
    private const string VaultsPageOne = $$"""
        {
          "BackupVaultList": [
            { "BackupVaultArn": "{{DefaultVault}}", "BackupVaultName": "Default", "CreationDate": 1604007963.553,
              "CreatorRequestId": "Default", "EncryptionKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
              "NumberOfRecoveryPoints": 3 }
          ],
          "NextToken": "vault+page/2"
        }
        """;

    private const string VaultsPageTwo = $$"""
        { "BackupVaultList": [
            { "BackupVaultArn": "{{LockedVault}}", "BackupVaultName": "audit-locked", "CreationDate": 1700000000,
              "EncryptionKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321",
              "NumberOfRecoveryPoints": 12, "Locked": true, "MinRetentionDays": 35, "MaxRetentionDays": 365, "LockDate": 1735689600 } ] }
        """;

    private const string Protected = $$"""
        { "Results": [
            { "LastBackupTime": 1763683200.25, "LastBackupVaultArn": "{{LockedVault}}",
              "LastRecoveryPointArn": "arn:aws:backup:eu-west-1:123456789012:recovery-point:8a1b2c3d-0000-4e5f-9a8b-1c2d3e4f5a6b",
              "ResourceArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders", "ResourceName": "orders", "ResourceType": "DynamoDB" },
            { "LastBackupTime": 1763596800, "LastBackupVaultArn": "{{DefaultVault}}",
              "ResourceArn": "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abcdef1234567890", "ResourceType": "EBS" } ] }
        """;

    private static FakeAws Get(FakeAws aws, string path, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "backup" && r.Method == HttpMethod.Get && r.Path == path, replies);

    private static FakeAws Account() =>
        Get(Get(Get(Get(new FakeAws(), "/backup-vaults/", FakeAws.Json(VaultsPageOne), FakeAws.Json(VaultsPageTwo)),
            "/resources/", FakeAws.Json(Protected)),
            $"/tags/{Uri.EscapeDataString(DefaultVault)}/", FakeAws.Json("""{"Tags":{}}""")),
            $"/tags/{Uri.EscapeDataString(LockedVault)}/", FakeAws.Json("""{"Tags":{"Owner":"security-engineering","DataClassification":"Confidential"}}"""));

    [Fact]
    public async Task Maps_vault_locks_tags_and_protected_resources_in_list_pages_plus_one_tag_call_per_vault()
    {
        var aws = Account();

        var inventory = await CollectorHarness.Collect(new BackupCollector(), aws);

        Assert.Equal(["Default", "audit-locked"], inventory.BackupVaults.Select(v => v.Id));
        var plain = inventory.BackupVaults[0];
        Assert.Equal((DefaultVault, false, (int?)null, (int?)null, (DateTimeOffset?)null), (plain.Arn, plain.Locked, plain.MinRetentionDays, plain.MaxRetentionDays, plain.LockDate));
        Assert.Empty(plain.Tags);
        var locked = inventory.BackupVaults[1];
        Assert.Equal((true, (int?)35, (int?)365, (DateTimeOffset?)new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            (locked.Locked, locked.MinRetentionDays, locked.MaxRetentionDays, locked.LockDate));
        Assert.Equal(("eu-west-1", CollectorHarness.Account, "arn:aws:kms:eu-west-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321"),
            (locked.Region, locked.AccountId, locked.EncryptionKeyArn));
        Assert.Equal("security-engineering", locked.Tag("Owner"));
        Assert.All(inventory.BackupVaults, v => Assert.False(v.TagsUnknown));

        var table = inventory.BackupProtectedResources.Single(p => p.ResourceType == "DynamoDB");
        Assert.Equal(("arn:aws:dynamodb:eu-west-1:123456789012:table/orders", LockedVault, "eu-west-1", CollectorHarness.Account),
            (table.ResourceArn, table.LastBackupVaultArn, table.Region, table.AccountId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763683200250), table.LastBackupTime);
        Assert.Equal(2, inventory.BackupProtectedResources.Count);

        Assert.Equal(["maxResults=1000", "maxResults=1000&nextToken=vault%2Bpage%2F2"], aws.Requests.Where(r => r.Path == "/backup-vaults/").Select(r => r.Query));
        Assert.Equal("maxResults=1000", Assert.Single(aws.Requests, r => r.Path == "/resources/").Query);
        Assert.Equal(2 + 1 + 2, aws.Requests.Count);
        Assert.All(aws.Requests, r => Assert.Equal(("backup", "eu-west-1"), (r.Service, r.Region)));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_denied_protected_resource_listing_is_an_error_for_the_type_and_records_nothing()
    {
        var aws = Get(new FakeAws(), "/resources/", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: backup:ListProtectedResources", HttpStatusCode.Forbidden));
        Get(aws, "/backup-vaults/", FakeAws.Json("""{"BackupVaultList":[]}"""));

        var inventory = await CollectorHarness.Collect(new BackupCollector(), aws);

        Assert.Empty(inventory.BackupProtectedResources);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("backup", "ListProtectedResources", ResourceTypes.BackupVault, "AccessDeniedException", (string?)null),
            (error.Service, error.Operation, error.ResourceType, error.ErrorCode, error.ResourceId));
    }

    [Fact]
    public async Task Denied_tags_leave_the_vault_with_unknown_tags_and_an_error_naming_it()
    {
        var aws = Get(new FakeAws(), "/backup-vaults/", FakeAws.Json(VaultsPageTwo));
        Get(Get(aws, "/resources/", FakeAws.Json("""{"Results":[]}""")),
            $"/tags/{Uri.EscapeDataString(LockedVault)}/", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: backup:ListTags", HttpStatusCode.Forbidden));

        var inventory = await CollectorHarness.Collect(new BackupCollector(), aws);

        var vault = Assert.Single(inventory.BackupVaults);
        Assert.Equal((true, true), (vault.TagsUnknown, vault.Locked));
        Assert.Equal(("ListTags", "audit-locked"), (Assert.Single(inventory.CollectionErrors).Operation, inventory.CollectionErrors[0].ResourceId));
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var aws = Get(new FakeAws(), "/resources/", FakeAws.JsonError("ThrottlingException", "Rate exceeded", HttpStatusCode.TooManyRequests), FakeAws.Json(Protected));
        Get(aws, "/backup-vaults/", FakeAws.Json("""{"BackupVaultList":[]}"""));

        var inventory = await CollectorHarness.Collect(new BackupCollector(), aws);

        Assert.Equal(2, inventory.BackupProtectedResources.Count);
        Assert.Equal(2, aws.Requests.Count(r => r.Path == "/resources/"));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scan_reads_only_the_named_vault_and_unwanted_types_cost_nothing()
    {
        var aws = Account();
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.BackupVault },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.BackupVault] = ["audit-locked"] },
        };

        var inventory = await CollectorHarness.Collect(new BackupCollector(), aws, scope: scope);

        Assert.Equal("audit-locked", Assert.Single(inventory.BackupVaults).Id);
        Assert.Empty(inventory.BackupProtectedResources);
        Assert.Equal(2 + 1, aws.Requests.Count);

        var none = new FakeAws();
        await CollectorHarness.Collect(new BackupCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.DynamoDbTable } });
        Assert.Empty(none.Requests);
    }
}
