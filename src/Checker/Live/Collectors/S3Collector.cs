using Amazon;
using Amazon.Runtime;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Model = Amazon.S3.Model;
using S3Control = Compliance.Checker.Live.Clients.S3Control;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// S3, once per scan: buckets (ListBuckets, then per bucket its location when the listing does not say it, and ten
/// getters, one per setting, through the client of the bucket's region) and the account's Block Public Access (S3 Control).
/// Buckets in regions outside the scan are left out. A failed getter leaves its setting null (unknown).
/// </summary>
public sealed class S3Collector : ICollector
{
    /// <summary>ListBuckets reports each bucket's region only when the request has a parameter; this is the largest page.</summary>
    private const int MaxBucketsPerPage = 10000;

    public string Service => "s3";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.Bucket, ResourceTypes.AccountPublicAccessBlock];
    public bool IsGlobal => true;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["s3:ListBuckets"] = "s3:ListAllMyBuckets",
        ["s3:GetBucketLocation"] = "s3:GetBucketLocation",
        ["s3:GetBucketAcl"] = "s3:GetBucketAcl",
        ["s3:GetBucketEncryption"] = "s3:GetEncryptionConfiguration",
        ["s3:GetBucketLifecycleConfiguration"] = "s3:GetLifecycleConfiguration",
        ["s3:GetBucketLogging"] = "s3:GetBucketLogging",
        ["s3:GetBucketOwnershipControls"] = "s3:GetBucketOwnershipControls",
        ["s3:GetBucketPolicy"] = "s3:GetBucketPolicy",
        ["s3:GetBucketTagging"] = "s3:GetBucketTagging",
        ["s3:GetBucketVersioning"] = "s3:GetBucketVersioning",
        ["s3:GetObjectLockConfiguration"] = "s3:GetBucketObjectLockConfiguration",
        ["s3:GetPublicAccessBlock"] = "s3:GetBucketPublicAccessBlock",
        ["s3control:GetPublicAccessBlock"] = "s3:GetAccountPublicAccessBlock",
    };

    public Task CollectAsync(CollectorContext context, CancellationToken cancellationToken) =>
        Task.WhenAll(
            context.Scope.Wants(ResourceTypes.Bucket) ? CollectBucketsAsync(context, cancellationToken) : Task.CompletedTask,
            context.Scope.Wants(ResourceTypes.AccountPublicAccessBlock) ? CollectAccountBlockAsync(context, cancellationToken) : Task.CompletedTask);

    private static async Task CollectBucketsAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var wanted = context.Scope.IdsFor(ResourceTypes.Bucket)?.ToHashSet(StringComparer.Ordinal);
        var buckets = (await ListAsync(context, cancellationToken)).Where(b => wanted is null || wanted.Contains(b.BucketName)).ToList();
        var concurrency = Math.Max(1, context.Session.Options.BucketConcurrency);
        using var gate = new SemaphoreSlim(concurrency);
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (bucket, ct) => await CollectBucketAsync(context, bucket, gate, ct));
    }

    /// <summary>Every page; on a failure, what was listed so far, and the listing recorded as failed in every region of the scan.</summary>
    private static async Task<List<Model.S3Bucket>> ListAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var s3 = context.Session.S3(context.Region);
        var buckets = new List<Model.S3Bucket>();
        string? token = null;
        do
        {
            var request = new Model.ListBucketsRequest { MaxBuckets = MaxBucketsPerPage, ContinuationToken = token };
            var page = await context.CallAsync("s3", "ListBuckets", ResourceTypes.Bucket, ct => s3.ListBucketsAsync(request, ct), cancellationToken);
            if (page is null)
            {
                // Buckets live in every region, so an incomplete listing leaves every region of the scan incomplete.
                var error = context.Builder.Errors.LastOrDefault(e => e is { Operation: "ListBuckets", ResourceId: null });
                foreach (var region in context.Regions.Where(r => r != context.Region))
                {
                    InRegion(context, region).Missing("s3", "ListBuckets", ResourceTypes.Bucket, error?.ErrorCode ?? "ListingFailed",
                        $"Buckets are listed once for every region and the listing failed in {context.Region}: {error?.Message}");
                }

                return buckets;
            }

            buckets.AddRange((page.Buckets ?? []).Where(b => !string.IsNullOrEmpty(b.BucketName)));
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));

        return buckets;
    }

    private static async Task CollectBucketAsync(CollectorContext context, Model.S3Bucket listed, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var name = listed.BucketName;
        var region = listed.BucketRegion is { Length: > 0 } listedRegion ? listedRegion : await LocateAsync(context, name, gate, cancellationToken);
        var bucket = new Bucket
        {
            Id = name,
            Region = region ?? context.Region,
            AccountId = context.AccountId,
            Arn = $"arn:{RegionEndpoint.GetBySystemName(context.Region).PartitionName}:s3:::{name}",
        };

        if (region is null)
        {
            // Where it lives is unknown, so it cannot be left out as outside the scan: it is judged with every setting unknown.
            context.Builder.Add(bucket);
            return;
        }

        if (!context.Regions.Contains(region))
        {
            return;
        }

        context.Builder.Add(await new S3BucketReader(InRegion(context, region), name, gate, cancellationToken).ReadAsync(bucket));
    }

    /// <summary>GetBucketLocation through the home region's client; null when it failed (recorded).</summary>
    private static async Task<string?> LocateAsync(CollectorContext context, string name, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var s3 = context.Session.S3(context.Region);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var response = await context.CallAsync("s3", "GetBucketLocation", ResourceTypes.Bucket,
                ct => s3.GetBucketLocationAsync(new Model.GetBucketLocationRequest { BucketName = name }, ct), cancellationToken, name);
            return response is null ? null : S3BucketSettings.RegionOf(response.Location?.Value);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>S3 Control GetPublicAccessBlock; recorded as unknown settings when it fails.</summary>
    private static async Task CollectAccountBlockAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (context.Scope.IdsFor(ResourceTypes.AccountPublicAccessBlock) is { } ids && !ids.Contains(context.AccountId))
        {
            return;
        }

        var client = new S3Control.S3ControlClient(context.Session, context.Region);
        var settings = await context.CallAsync("s3control", "GetPublicAccessBlock", ResourceTypes.AccountPublicAccessBlock, async ct =>
        {
            try
            {
                var response = await client.GetPublicAccessBlockAsync(new S3Control.GetPublicAccessBlockRequest { AccountId = context.AccountId }, ct);
                var c = response.PublicAccessBlockConfiguration;
                return new PublicAccessBlock(c.BlockPublicAcls ?? false, c.IgnorePublicAcls ?? false, c.BlockPublicPolicy ?? false, c.RestrictPublicBuckets ?? false);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == S3BucketSettings.NoPublicAccessBlockCode)
            {
                return PublicAccessBlock.None;
            }
        }, cancellationToken, context.AccountId);

        context.Builder.Add(new AccountPublicAccessBlock { Id = context.AccountId, Region = "global", AccountId = context.AccountId, Settings = settings });
    }

    /// <summary>The same context, with errors recorded against another region.</summary>
    private static CollectorContext InRegion(CollectorContext context, string region) => new()
    {
        Session = context.Session, Region = region, Regions = context.Regions, AccountId = context.AccountId, Permissions = context.Permissions,
        Scope = context.Scope, Builder = context.Builder,
    };
}
