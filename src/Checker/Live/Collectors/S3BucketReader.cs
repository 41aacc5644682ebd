using System.Text.Json;
using Amazon.Runtime;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Model = Amazon.S3.Model;
using static Compliance.Checker.Live.Collectors.S3BucketSettings;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// The ten per-bucket getters of one bucket, run concurrently through its region's client, each holding the shared
/// gate (Options.BucketConcurrency) while its call is in flight. A "not configured" answer is a value; any other
/// failure leaves that setting null and is recorded with the bucket's name.
/// </summary>
internal sealed class S3BucketReader(CollectorContext context, string name, SemaphoreSlim gate, CancellationToken cancellationToken)
{
    private readonly Amazon.S3.IAmazonS3 _s3 = context.Session.S3(context.Region);

    public async Task<Bucket> ReadAsync(Bucket bucket)
    {
        var encryption = Get("GetBucketEncryption", async ct =>
            Encryption(await _s3.GetBucketEncryptionAsync(new Model.GetBucketEncryptionRequest { BucketName = name }, ct)), NoEncryptionCode, NoEncryption);
        var publicAccessBlock = Get("GetPublicAccessBlock", async ct =>
            PublicAccessBlock((await _s3.GetPublicAccessBlockAsync(new Model.GetPublicAccessBlockRequest { BucketName = name }, ct)).PublicAccessBlockConfiguration),
            NoPublicAccessBlockCode, Rules.Inventory.PublicAccessBlock.None);
        var versioning = Get("GetBucketVersioning", async ct =>
            Versioning(await _s3.GetBucketVersioningAsync(new Model.GetBucketVersioningRequest { BucketName = name }, ct)));
        var policy = Get("GetBucketPolicy", async ct =>
            new PolicyText(PolicyJson(await _s3.GetBucketPolicyAsync(new Model.GetBucketPolicyRequest { BucketName = name }, ct))), NoPolicyCode, new PolicyText(null));
        var grants = Get("GetBucketAcl", async ct =>
            Grants(await _s3.GetBucketAclAsync(new Model.GetBucketAclRequest { BucketName = name }, ct)));
        var ownership = Get("GetBucketOwnershipControls", async ct =>
            ObjectOwnership(await _s3.GetBucketOwnershipControlsAsync(new Model.GetBucketOwnershipControlsRequest { BucketName = name }, ct)),
            NoOwnershipControlsCode, DefaultObjectOwnership);
        var logging = Get("GetBucketLogging", async ct =>
            Logging(await _s3.GetBucketLoggingAsync(new Model.GetBucketLoggingRequest { BucketName = name }, ct)));
        var lifecycle = Get("GetBucketLifecycleConfiguration", async ct =>
            Lifecycle(await _s3.GetLifecycleConfigurationAsync(new Model.GetLifecycleConfigurationRequest { BucketName = name }, ct)), NoLifecycleCode, []);
        var objectLock = Get("GetObjectLockConfiguration", async ct =>
            ObjectLock(await _s3.GetObjectLockConfigurationAsync(new Model.GetObjectLockConfigurationRequest { BucketName = name }, ct)), NoObjectLockCode, NoObjectLock);
        var tags = Get("GetBucketTagging", async ct =>
            (IReadOnlyDictionary<string, string>)Tags(await _s3.GetBucketTaggingAsync(new Model.GetBucketTaggingRequest { BucketName = name }, ct)),
            NoTagSetCode, new Dictionary<string, string>());

        await Task.WhenAll(encryption, publicAccessBlock, versioning, policy, grants, ownership, logging, lifecycle, objectLock, tags);
        return bucket with
        {
            Encryption = encryption.Result,
            PublicAccessBlock = publicAccessBlock.Result,
            Versioning = versioning.Result,
            Policy = policy.Result is { } text ? Parse(text) : null,
            AclGrants = grants.Result,
            ObjectOwnership = ownership.Result,
            Logging = logging.Result,
            LifecycleRules = lifecycle.Result,
            ObjectLock = objectLock.Result,
            Tags = tags.Result ?? bucket.Tags,
            TagsUnknown = tags.Result is null, // a failed GetBucketTagging: the tags are unknown, and the error says why
        };
    }

    /// <summary>One getter; <paramref name="notConfigured"/> is the documented error code whose meaning is <paramref name="absent"/>.</summary>
    private async Task<T?> Get<T>(string operation, Func<CancellationToken, Task<T>> call, string? notConfigured = null, T? absent = null)
        where T : class
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await context.CallAsync("s3", operation, ResourceTypes.Bucket, async ct =>
            {
                try
                {
                    return await call(ct);
                }
                catch (AmazonServiceException e) when (notConfigured is not null && e.ErrorCode == notConfigured)
                {
                    return absent!;
                }
            }, cancellationToken, name);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>No policy is the empty policy; a policy that does not parse is unknown.</summary>
    private PolicyDocument? Parse(PolicyText text)
    {
        if (string.IsNullOrWhiteSpace(text.Json))
        {
            return PolicyDocument.Empty;
        }

        try
        {
            return PolicyDocumentJsonConverter.Parse(text.Json);
        }
        catch (JsonException ex)
        {
            context.Missing("s3", "GetBucketPolicy", ResourceTypes.Bucket, "InvalidPolicy", $"The bucket policy of {name} could not be read: {ex.Message}", name);
            return null;
        }
    }

    private sealed record PolicyText(string? Json);
}
