using System.Text.Json;
using Amazon.KeyManagementService;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;
using KmsModel = Amazon.KeyManagementService.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>The per-key calls of <see cref="KmsCollector"/>: one key's record, without its aliases.</summary>
internal static class KmsKeyReader
{
    private const string Service = KmsCollector.ServiceKey;
    private const string Type = ResourceTypes.KmsKey;

    /// <summary>The key, or null when DescribeKey says it does not exist (deleted since ListKeys, or a targeted id of another region).</summary>
    public static async Task<KmsKey?> ReadAsync(CollectorContext context, IAmazonKeyManagementService client, string keyId, CancellationToken cancellationToken)
    {
        var described = await context.CallAsync(Service, "DescribeKey", Type, async ct =>
        {
            try
            {
                return new Described((await client.DescribeKeyAsync(new KmsModel.DescribeKeyRequest { KeyId = keyId }, ct)).KeyMetadata, Exists: true);
            }
            catch (KmsModel.NotFoundException)
            {
                return new Described(null, Exists: false);
            }
        }, cancellationToken, keyId);
        if (described is { Exists: false })
        {
            return null;
        }

        var metadata = described?.Metadata; // null: DescribeKey failed (recorded), so every field it gives stays unknown
        var id = metadata?.KeyId ?? keyId;
        var manager = metadata?.KeyManager?.Value;
        var spec = metadata?.KeySpec?.Value ?? LegacySpec(metadata);
        var origin = metadata?.Origin?.Value;

        var policy = ReadPolicyAsync(context, client, id, cancellationToken);
        var rotation = RotationAsync(context, client, id, manager, spec, origin, cancellationToken);
        var tags = manager switch
        {
            "CUSTOMER" => ReadTagsAsync(context, client, id, cancellationToken),
            null => Task.FromResult<Dictionary<string, string>?>(null), // who manages the key is unknown, so are its tags
            _ => Task.FromResult<Dictionary<string, string>?>([]), // AWS managed keys cannot be tagged
        };
        await Task.WhenAll(policy, rotation, tags);

        return new KmsKey
        {
            Id = id,
            Region = context.Region,
            AccountId = context.AccountId,
            Arn = metadata?.Arn,
            Tags = tags.Result ?? [],
            TagsUnknown = tags.Result is null,
            KeyManager = manager,
            KeyState = metadata?.KeyState?.Value,
            KeySpec = spec,
            Origin = origin,
            DeletionDate = metadata?.DeletionDate is { } date ? Utc(date) : null,
            RotationEnabled = rotation.Result,
            Policy = policy.Result,
        };
    }

    /// <summary>
    /// Automatic rotation. GetKeyRotationStatus is asked only where a customer can turn rotation on: customer managed
    /// symmetric keys whose material KMS generated. The KMS API reference states the other answers: the status of an
    /// AWS managed key is always true (AWS rotates it every year), and asymmetric, HMAC, imported-material and custom
    /// key store keys cannot rotate automatically, so theirs is false. Unknown when DescribeKey did not say which it is.
    /// </summary>
    private static async Task<bool?> RotationAsync(CollectorContext context, IAmazonKeyManagementService client, string id, string? manager, string? spec, string? origin, CancellationToken cancellationToken)
    {
        switch (manager)
        {
            case "AWS":
                return true;
            case not "CUSTOMER":
                return null;
        }

        if (spec is null || origin is null)
        {
            return null;
        }

        if (spec != "SYMMETRIC_DEFAULT" || origin != "AWS_KMS")
        {
            return false;
        }

        var status = await context.CallAsync(Service, "GetKeyRotationStatus", Type,
            ct => client.GetKeyRotationStatusAsync(new KmsModel.GetKeyRotationStatusRequest { KeyId = id }, ct), cancellationToken, id);
        return status?.KeyRotationEnabled;
    }

    private static async Task<PolicyDocument?> ReadPolicyAsync(CollectorContext context, IAmazonKeyManagementService client, string id, CancellationToken cancellationToken)
    {
        var response = await context.CallAsync(Service, "GetKeyPolicy", Type,
            ct => client.GetKeyPolicyAsync(new KmsModel.GetKeyPolicyRequest { KeyId = id, PolicyName = "default" }, ct), cancellationToken, id);
        if (response is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(response.Policy))
        {
            return PolicyDocument.Empty;
        }

        try
        {
            return PolicyDocumentJsonConverter.Parse(response.Policy);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            context.Missing(Service, "GetKeyPolicy", Type, "InvalidPolicy", $"The key policy of {id} could not be parsed: {ex.Message}", id);
            return null;
        }
    }

    /// <summary>Every page of the key's tags; null when a page failed (recorded against the key).</summary>
    private static async Task<Dictionary<string, string>?> ReadTagsAsync(CollectorContext context, IAmazonKeyManagementService client, string id, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var page = await context.CallAsync(Service, "ListResourceTags", Type,
                ct => client.ListResourceTagsAsync(new KmsModel.ListResourceTagsRequest { KeyId = id, Limit = 50, Marker = marker }, ct), cancellationToken, id);
            if (page is null)
            {
                return null; // recorded against the key
            }

            foreach (var tag in page.Tags ?? [])
            {
                if (tag.TagKey is { } key)
                {
                    tags[key] = tag.TagValue ?? "";
                }
            }

            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));

        return tags;
    }

    /// <summary>
    /// CustomerMasterKeySpec: deprecated, always equal to KeySpec where both are given; read only when KeySpec is
    /// absent (older endpoints and emulators answer with it alone).
    /// </summary>
#pragma warning disable CS0618 // deliberately the deprecated member, as a fallback
    private static string? LegacySpec(KmsModel.KeyMetadata? metadata) => metadata?.CustomerMasterKeySpec?.Value;
#pragma warning restore CS0618

    /// <summary>The SDK parses timestamps as UTC; an unspecified kind is taken as UTC too, never as local time.</summary>
    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>DescribeKey's answer: the metadata, or that the key does not exist (NotFoundException).</summary>
    private sealed record Described(KmsModel.KeyMetadata? Metadata, bool Exists);
}
