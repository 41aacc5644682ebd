using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Compliance.Checker.Live;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// KMS keys in one region: the compliant key (rotation on, Purpose tag, default policy) that every other "it-pass-"
/// resource is encrypted with, and one key per KMS violation (rotation off and untagged, scheduled for deletion,
/// policy open to everyone).
/// </summary>
public static class KmsSeeder
{
    /// <summary>The logical name under which the compliant key's ARN is recorded (resources refer to keys by ARN).</summary>
    public const string PassKeyArn = "it-pass-key:arn";

    public static async Task SeedAsync(AwsSession session, Planted planted, string region)
    {
        var kms = session.Kms(region);

        // The account root administers and uses the key; CloudWatch Logs may use it only for this account's log groups
        // (AWS requires that grant before a log group can be encrypted; KMS.Key.4 accepts it because it is context-bound).
        var passPolicy = $$$$"""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{planted.AccountId}}}}:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"Logs","Effect":"Allow","Principal":{"Service":"logs.{{{{region}}}}.amazonaws.com"},
               "Action":["kms:Encrypt*","kms:Decrypt*","kms:ReEncrypt*","kms:GenerateDataKey*","kms:Describe*"],"Resource":"*",
               "Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:{{{{region}}}}:{{{{planted.AccountId}}}}:log-group:*"}}}]}
            """;
        var pass = await CreateAsync(kms, planted, region, "it-pass-key", purpose: "data", passPolicy);
        await kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = pass.KeyId });
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = $"alias/{planted.NameOf("it-pass-key")}", TargetKeyId = pass.KeyId });
        planted.OnCleanup($"alias of it-pass-key in {region}", () => kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = $"alias/{planted.NameOf("it-pass-key")}" }));
        planted.Add(region, PassKeyArn, pass.Arn);

        // No Purpose tag and rotation left off: fails KMS.Key.1 and KMS.Key.4.
        await CreateAsync(kms, planted, region, "it-fail-key", purpose: null, policy: null);

        var deleting = await CreateAsync(kms, planted, region, "it-fail-key-deleting", purpose: "data", policy: null);
        await kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = deleting.KeyId });
        await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = deleting.KeyId, PendingWindowInDays = 7 });

        var publicPolicy = $$$$"""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{planted.AccountId}}}}:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"Everyone","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*"}]}
            """;
        await CreateAsync(kms, planted, region, "it-fail-key-public", purpose: "data", publicPolicy);
    }

    private static async Task<KeyMetadata> CreateAsync(IAmazonKeyManagementService kms, Planted planted, string region, string logical, string? purpose, string? policy)
    {
        var tags = new List<Tag> { new() { TagKey = "Name", TagValue = planted.NameOf(logical) } };
        if (purpose is not null)
        {
            tags.Add(new Tag { TagKey = "Purpose", TagValue = purpose });
        }

        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Description = planted.NameOf(logical), Tags = tags, Policy = policy })).KeyMetadata;
        planted.Add(region, logical, key.KeyId);
        planted.OnCleanup($"{logical} in {region}", async () =>
        {
            var state = (await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId })).KeyMetadata.KeyState;
            if (state != KeyState.PendingDeletion)
            {
                await kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });
            }
        });
        return key;
    }
}
