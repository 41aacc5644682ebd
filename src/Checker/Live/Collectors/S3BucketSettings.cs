using System.Net;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.S3;
using Compliance.Rules.Inventory;
using Model = Amazon.S3.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Turns the SDK's per-bucket answers into inventory values, and names the answers S3 documents as "not configured"
/// (each a 404 error code) together with the known value they stand for.
/// The SDK does not raise a 404 from GetBucketEncryption, GetBucketPolicy, GetBucketLogging and
/// GetBucketLifecycleConfiguration: it suppresses it and returns a response whose HttpStatusCode is 404, so those
/// mappings read the status (and, for the policy, the error body the SDK hands back as the policy text).
/// </summary>
internal static class S3BucketSettings
{
    public const string NoEncryptionCode = "ServerSideEncryptionConfigurationNotFoundError";
    public const string NoPublicAccessBlockCode = "NoSuchPublicAccessBlockConfiguration";
    public const string NoPolicyCode = "NoSuchBucketPolicy";
    public const string NoOwnershipControlsCode = "OwnershipControlsNotFoundError";
    public const string NoLifecycleCode = "NoSuchLifecycleConfiguration";
    public const string NoObjectLockCode = "ObjectLockConfigurationNotFoundError";
    public const string NoTagSetCode = "NoSuchTagSet";

    public static readonly BucketEncryption NoEncryption = new("NONE", null, false);
    public static readonly ObjectLock NoObjectLock = new(false, null, null);
    public const string DefaultObjectOwnership = "ObjectWriter";

    /// <summary>The region a LocationConstraint names: none (or "US") is us-east-1, the legacy "EU" is eu-west-1.</summary>
    public static string RegionOf(string? locationConstraint) => locationConstraint switch
    {
        null or "" or "US" => "us-east-1",
        "EU" => "eu-west-1",
        _ => locationConstraint,
    };

    /// <summary>The first rule's default encryption; a configuration without a default is "NONE".</summary>
    public static BucketEncryption Encryption(Model.GetBucketEncryptionResponse response)
    {
        if (NotFound(response))
        {
            // The documented 404 here is ServerSideEncryptionConfigurationNotFoundError; the SDK does not pass the code on.
            return NoEncryption;
        }

        var rule = response.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault();
        var defaults = rule?.ServerSideEncryptionByDefault;
        return defaults?.ServerSideEncryptionAlgorithm?.Value is { Length: > 0 } algorithm
            ? new BucketEncryption(algorithm, NullIfEmpty(defaults.ServerSideEncryptionKeyManagementServiceKeyId), rule?.BucketKeyEnabled ?? false)
            : NoEncryption;
    }

    /// <summary>A setting absent from the configuration is off, as S3 applies it.</summary>
    public static PublicAccessBlock PublicAccessBlock(Model.PublicAccessBlockConfiguration? configuration) =>
        configuration is null
            ? Rules.Inventory.PublicAccessBlock.None
            : new(configuration.BlockPublicAcls ?? false, configuration.IgnorePublicAcls ?? false,
                configuration.BlockPublicPolicy ?? false, configuration.RestrictPublicBuckets ?? false);

    /// <summary>Status is absent until versioning was first enabled: "Off".</summary>
    public static BucketVersioning Versioning(Model.GetBucketVersioningResponse response) =>
        new(response.VersioningConfig?.Status?.Value is { Length: > 0 } status ? status : "Off", response.VersioningConfig?.EnableMfaDelete ?? false);

    /// <summary>Each grant: the canonical user id, or the group URI (or the e-mail of a legacy by-e-mail grant).</summary>
    public static IReadOnlyList<AclGrant> Grants(Model.GetBucketAclResponse response) =>
        (response.Grants ?? [])
            .Select(g => new AclGrant(
                NullIfEmpty(g.Grantee?.CanonicalUser) ?? NullIfEmpty(g.Grantee?.URI) ?? g.Grantee?.EmailAddress ?? "",
                g.Permission?.Value ?? ""))
            .ToList();

    public static string ObjectOwnership(Model.GetBucketOwnershipControlsResponse response) =>
        response.OwnershipControls?.Rules?.FirstOrDefault()?.ObjectOwnership?.Value is { Length: > 0 } ownership ? ownership : DefaultObjectOwnership;

    /// <summary>
    /// The policy text, or null when the bucket has none. A 404 arrives as a response whose Policy is the error body:
    /// NoSuchBucketPolicy means no policy; any other code (NoSuchBucket) is a failure.
    /// </summary>
    public static string? PolicyJson(Model.GetBucketPolicyResponse response)
    {
        if (!NotFound(response))
        {
            return response.Policy;
        }

        var (code, message) = ErrorIn(response.Policy);
        return code == NoPolicyCode ? null : throw new AmazonS3Exception(message, ErrorType.Sender, code, null, HttpStatusCode.NotFound);
    }

    /// <summary>No LoggingEnabled element: logging is off. GetBucketLogging documents no 404 meaning "off", so a 404 is a failure.</summary>
    public static BucketLogging Logging(Model.GetBucketLoggingResponse response)
    {
        if (NotFound(response))
        {
            throw Unexplained404("GetBucketLogging");
        }

        return NullIfEmpty(response.BucketLoggingConfig?.TargetBucketName) is { } target
            ? new BucketLogging(target, response.BucketLoggingConfig?.TargetPrefix)
            : new BucketLogging(null, null);
    }

    /// <summary>
    /// The rules reduced to days. A transition by date rather than by days has no day count and is left out;
    /// an expiration by date leaves ExpirationDays null.
    /// </summary>
    public static IReadOnlyList<LifecycleRule> Lifecycle(Model.GetLifecycleConfigurationResponse response) =>
        NotFound(response)
            ? [] // the documented 404 is NoSuchLifecycleConfiguration; the SDK does not pass the code on
            : (response.Configuration?.Rules ?? []).Select(Rule).ToList();

    private static LifecycleRule Rule(Model.LifecycleRule rule) => new()
    {
        Id = NullIfEmpty(rule.Id),
        Status = rule.Status?.Value ?? "",
        ExpirationDays = rule.Expiration?.Days,
        NoncurrentVersionExpirationDays = rule.NoncurrentVersionExpiration?.NoncurrentDays,
        Transitions = (rule.Transitions ?? [])
            .Where(t => t.Days is not null)
            .Select(t => new LifecycleTransition(t.Days!.Value, t.StorageClass?.Value ?? ""))
            .ToList(),
        NoncurrentVersionTransitions = (rule.NoncurrentVersionTransitions ?? [])
            .Where(t => t.NoncurrentDays is not null)
            .Select(t => new LifecycleTransition(t.NoncurrentDays!.Value, t.StorageClass?.Value ?? ""))
            .ToList(),
        AbortIncompleteMultipartUploadDays = rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
    };

    /// <summary>Enabled with an optional default retention, in days (years count 365 days each).</summary>
    public static ObjectLock ObjectLock(Model.GetObjectLockConfigurationResponse response)
    {
        var configuration = response.ObjectLockConfiguration;
        var retention = configuration?.Rule?.DefaultRetention;
        var days = retention?.Days is > 0 ? retention.Days : retention?.Years is > 0 ? retention.Years * 365 : null;
        return new ObjectLock(configuration?.ObjectLockEnabled?.Value == "Enabled", NullIfEmpty(retention?.Mode?.Value), days);
    }

    public static Dictionary<string, string> Tags(Model.GetBucketTaggingResponse response)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in response.TagSet ?? [])
        {
            tags[tag.Key] = tag.Value ?? "";
        }

        return tags;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static bool NotFound(AmazonWebServiceResponse response) => response.HttpStatusCode == HttpStatusCode.NotFound;

    private static AmazonS3Exception Unexplained404(string operation) =>
        new($"{operation} answered 404 Not Found (the bucket may no longer exist).", ErrorType.Sender, "Http404", null, HttpStatusCode.NotFound);

    /// <summary>The Code and Message of an S3 &lt;Error&gt; body.</summary>
    private static (string Code, string Message) ErrorIn(string? body)
    {
        try
        {
            var error = XDocument.Parse(body ?? "").Root;
            return (error?.Element("Code")?.Value ?? "Http404", error?.Element("Message")?.Value ?? "Not Found");
        }
        catch (XmlException)
        {
            return ("Http404", "Not Found");
        }
    }
}
