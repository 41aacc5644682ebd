using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules;
using Model = Amazon.S3.Model;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// Bucket settings through the S3 client of the bucket's region. Every action takes Region, Bucket and
/// ExpectedBucketOwner (S3 then refuses a bucket another account owns). Actions are named by their IAM action:
/// s3:PutBucketPublicAccessBlock is the PutPublicAccessBlock API, s3:PutEncryptionConfiguration is PutBucketEncryption.
/// The puts only tighten: the public access block takes four "true" values, encryption only SSE-KMS or DSSE-KMS, and
/// versioning only Status Enabled; anything else is refused before a request is sent.
/// </summary>
public sealed class S3ActionHandler : IAwsActionHandler
{
    private static readonly string[] BlockSettings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];
    private static readonly IReadOnlyDictionary<string, string> NoContent = new Dictionary<string, string>();

    public IReadOnlyList<string> Actions { get; } =
    [
        "s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
        "s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration",
        "s3:PutBucketVersioning", "s3:GetBucketVersioning",
    ];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var s3 = session.S3(Region(action));
        var bucket = Required(action, "Bucket");
        var owner = Optional(action, "ExpectedBucketOwner");
        switch (action.Action)
        {
            case "s3:PutBucketPublicAccessBlock":
                var settings = BlockSettings.ToDictionary(s => s, s => OnlyTrue(action, s));
                await s3.PutPublicAccessBlockAsync(new Model.PutPublicAccessBlockRequest
                {
                    BucketName = bucket,
                    ExpectedBucketOwner = owner,
                    PublicAccessBlockConfiguration = new Model.PublicAccessBlockConfiguration
                    {
                        BlockPublicAcls = settings["BlockPublicAcls"],
                        IgnorePublicAcls = settings["IgnorePublicAcls"],
                        BlockPublicPolicy = settings["BlockPublicPolicy"],
                        RestrictPublicBuckets = settings["RestrictPublicBuckets"],
                    },
                }, cancellationToken);
                return NoContent;

            case "s3:GetBucketPublicAccessBlock":
                return await PublicAccessBlockAsync(s3, bucket, owner, cancellationToken);

            case "s3:PutEncryptionConfiguration":
                await PutEncryptionAsync(s3, action, bucket, owner, cancellationToken);
                return NoContent;

            case "s3:GetEncryptionConfiguration":
                var rule = await EncryptionRuleAsync(s3, bucket, owner, cancellationToken);
                return new Dictionary<string, string>
                {
                    ["SSEAlgorithm"] = rule?.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value ?? "NONE",
                    ["KMSMasterKeyID"] = rule?.ServerSideEncryptionByDefault?.ServerSideEncryptionKeyManagementServiceKeyId ?? "",
                    ["BucketKeyEnabled"] = Text(rule?.BucketKeyEnabled ?? false),
                    ["BlockedEncryptionTypes"] = string.Join(",", rule?.BlockedEncryptionTypes?.EncryptionType ?? []),
                };

            case "s3:PutBucketVersioning":
                if (Required(action, "Status") != "Enabled")
                {
                    throw new ArgumentException("s3:PutBucketVersioning here only enables versioning (Status Enabled).", nameof(action));
                }

                // No MfaDelete element and no x-amz-mfa header: S3 leaves MFA delete as it is.
                await s3.PutBucketVersioningAsync(new Model.PutBucketVersioningRequest
                {
                    BucketName = bucket,
                    ExpectedBucketOwner = owner,
                    VersioningConfig = new Model.S3BucketVersioningConfig { Status = VersionStatus.Enabled },
                }, cancellationToken);
                return NoContent;

            case "s3:GetBucketVersioning":
                var versioning = S3BucketSettings.Versioning(await s3.GetBucketVersioningAsync(
                    new Model.GetBucketVersioningRequest { BucketName = bucket, ExpectedBucketOwner = owner }, cancellationToken));
                return new Dictionary<string, string> { ["Status"] = versioning.Status, ["MfaDelete"] = versioning.MfaDelete ? "Enabled" : "Disabled" };

            default:
                throw new InvalidOperationException($"{nameof(S3ActionHandler)} does not perform {action.Action}.");
        }
    }

    /// <summary>The four settings; a bucket without a configuration has all four false.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> PublicAccessBlockAsync(IAmazonS3 s3, string bucket, string? owner, CancellationToken cancellationToken)
    {
        Rules.Inventory.PublicAccessBlock block;
        try
        {
            block = S3BucketSettings.PublicAccessBlock((await s3.GetPublicAccessBlockAsync(
                new Model.GetPublicAccessBlockRequest { BucketName = bucket, ExpectedBucketOwner = owner }, cancellationToken)).PublicAccessBlockConfiguration);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == S3BucketSettings.NoPublicAccessBlockCode)
        {
            block = Rules.Inventory.PublicAccessBlock.None;
        }

        return new Dictionary<string, string>
        {
            ["BlockPublicAcls"] = Text(block.BlockPublicAcls),
            ["IgnorePublicAcls"] = Text(block.IgnorePublicAcls),
            ["BlockPublicPolicy"] = Text(block.BlockPublicPolicy),
            ["RestrictPublicBuckets"] = Text(block.RestrictPublicBuckets),
        };
    }

    /// <summary>
    /// PutBucketEncryption replaces the whole configuration, so the bucket's blocked encryption types (a restriction) are
    /// read first and carried over: only the default encryption changes.
    /// </summary>
    private static async Task PutEncryptionAsync(IAmazonS3 s3, RemediationAction action, string bucket, string? owner, CancellationToken cancellationToken)
    {
        var algorithm = Required(action, "SSEAlgorithm");
        if (algorithm is not ("aws:kms" or "aws:kms:dsse"))
        {
            throw new ArgumentException($"s3:PutEncryptionConfiguration here only sets SSE-KMS or DSSE-KMS, not {algorithm}.", nameof(action));
        }

        var current = await EncryptionRuleAsync(s3, bucket, owner, cancellationToken);
        await s3.PutBucketEncryptionAsync(new Model.PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ExpectedBucketOwner = owner,
            ServerSideEncryptionConfiguration = new Model.ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new Model.ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new Model.ServerSideEncryptionByDefault
                        {
                            ServerSideEncryptionAlgorithm = new ServerSideEncryptionMethod(algorithm),
                            ServerSideEncryptionKeyManagementServiceKeyId = Required(action, "KMSMasterKeyID"),
                        },
                        BucketKeyEnabled = Flag(action, "BucketKeyEnabled"),
                        BlockedEncryptionTypes = current?.BlockedEncryptionTypes,
                    },
                ],
            },
        }, cancellationToken);
    }

    /// <summary>The first encryption rule, or null when the bucket has no configuration (a 404 the SDK hands back as a response).</summary>
    private static async Task<Model.ServerSideEncryptionRule?> EncryptionRuleAsync(IAmazonS3 s3, string bucket, string? owner, CancellationToken cancellationToken)
    {
        var response = await s3.GetBucketEncryptionAsync(new Model.GetBucketEncryptionRequest { BucketName = bucket, ExpectedBucketOwner = owner }, cancellationToken);
        return response.HttpStatusCode == HttpStatusCode.NotFound ? null : response.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault();
    }
}
