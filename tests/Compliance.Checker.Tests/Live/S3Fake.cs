using System.Net;
using Compliance.Checker.Live;

namespace Compliance.Checker.Tests.Live;

/// <summary>
/// S3 answers for FakeAws, with bodies shaped as in the Amazon S3 API reference examples. With an endpoint override the
/// SDK addresses buckets path-style, so an operation reads "GET /{bucket}/?{subresource}".
/// </summary>
internal static class S3Fake
{
    public const string Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
    public const string Owner = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
    public const string KmsKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string ControlPublicAccessBlock = "GET /v20180820/configuration/publicAccessBlock";

    /// <summary>The ten per-bucket getters, by query subresource.</summary>
    public static readonly string[] Getters =
        ["encryption", "publicAccessBlock", "versioning", "policy", "acl", "ownershipControls", "logging", "lifecycle", "object-lock", "tagging"];

    public static LiveOptions Options(params string[] regions) =>
        new() { EndpointUrl = "https://s3.test", Regions = regions.Length == 0 ? ["eu-west-1"] : regions };

    public static string Op(string bucket, string subresource) => $"GET /{bucket}/?{subresource}";

    /// <summary>ListBuckets requests (GET / with query parameters), whatever the page.</summary>
    public static bool IsListBuckets(FakeRequest r) => r.Service == "s3" && r.Method == HttpMethod.Get && r.Path == "/";

    public static FakeAws OnListBuckets(this FakeAws aws, params Func<FakeRequest, HttpResponseMessage>[] replies) => aws.On(IsListBuckets, replies);

    public static FakeAws OnAccountBlock(this FakeAws aws, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "s3" && r.Operation == ControlPublicAccessBlock, replies);

    /// <summary>Answers one bucket's subresource.</summary>
    public static FakeAws OnBucket(this FakeAws aws, string bucket, string subresource, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "s3" && r.Operation == Op(bucket, subresource), replies);

    /// <summary>ListBuckets with (name, region) pairs; a null region leaves BucketRegion out, as older endpoints and moto do.</summary>
    public static string BucketList(string? continuationToken, params (string Name, string? Region)[] buckets) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ListAllMyBucketsResult xmlns="{Ns}">
          <Buckets>{string.Concat(buckets.Select(b => $"<Bucket>{(b.Region is null ? "" : $"<BucketRegion>{b.Region}</BucketRegion>")}<CreationDate>2019-12-11T23:32:47+00:00</CreationDate><Name>{b.Name}</Name></Bucket>"))}</Buckets>
          <Owner><DisplayName>Account+Name</DisplayName><ID>{Owner}</ID></Owner>
          {(continuationToken is null ? "" : $"<ContinuationToken>{continuationToken}</ContinuationToken>")}
        </ListAllMyBucketsResult>
        """;

    public static string Location(string? constraint) => constraint is null
        ? $"""<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="{Ns}"/>"""
        : $"""<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="{Ns}">{constraint}</LocationConstraint>""";

    /// <summary>An S3 REST error: a bare &lt;Error&gt; root, as S3 sends it.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Error(string code, string message, HttpStatusCode status = HttpStatusCode.NotFound) =>
        FakeAws.Xml($"""<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message><BucketName>amzn-s3-demo-bucket</BucketName><RequestId>4442587FB7D0A2F9</RequestId><HostId>9Gjjt1m+cjU4OPvX9O9/8RuvnG41MRb/18Oux2o5H5MY7ISNTlXN+Dz9IG62/ILVxhAGI0qyPfg=</HostId></Error>""", status);

    public static readonly Func<FakeRequest, HttpResponseMessage> AccessDenied = Error("AccessDenied", "Access Denied", HttpStatusCode.Forbidden);

    /// <summary>Every setting configured (the mapping test's bucket).</summary>
    public static FakeAws ConfiguredBucket(this FakeAws aws, string bucket) => aws
        .OnBucket(bucket, "encryption", FakeAws.Xml($"""
            <ServerSideEncryptionConfiguration xmlns="{Ns}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>
            <KMSMasterKeyID>{KmsKey}</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>
            """))
        .OnBucket(bucket, "publicAccessBlock", FakeAws.Xml($"""
            <PublicAccessBlockConfiguration xmlns="{Ns}"><BlockPublicAcls>TRUE</BlockPublicAcls><IgnorePublicAcls>TRUE</IgnorePublicAcls>
            <BlockPublicPolicy>FALSE</BlockPublicPolicy><RestrictPublicBuckets>TRUE</RestrictPublicBuckets></PublicAccessBlockConfiguration>
            """))
        .OnBucket(bucket, "versioning", FakeAws.Xml($"""<VersioningConfiguration xmlns="{Ns}"><Status>Enabled</Status><MfaDelete>Enabled</MfaDelete></VersioningConfiguration>"""))
        .OnBucket(bucket, "policy", FakeAws.Json($$"""
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
             "Resource":["arn:aws:s3:::{{bucket}}","arn:aws:s3:::{{bucket}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"} } }]}
            """))
        .OnBucket(bucket, "acl", FakeAws.Xml($"""
            <AccessControlPolicy xmlns="{Ns}"><Owner><ID>{Owner}</ID><DisplayName>CustomersName@amazon.com</DisplayName></Owner><AccessControlList>
              <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>{Owner}</ID><DisplayName>CustomersName@amazon.com</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>
              <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>
            </AccessControlList></AccessControlPolicy>
            """))
        .OnBucket(bucket, "ownershipControls", FakeAws.Xml($"""<OwnershipControls xmlns="{Ns}"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>"""))
        .OnBucket(bucket, "logging", FakeAws.Xml("""
            <BucketLoggingStatus xmlns="http://doc.s3.amazonaws.com/2006-03-01"><LoggingEnabled><TargetBucket>mybucketlogs</TargetBucket>
            <TargetPrefix>mybucket-access_log-/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>
            """))
        .OnBucket(bucket, "lifecycle", FakeAws.Xml($"""
            <LifecycleConfiguration xmlns="{Ns}">
              <Rule><ID>archive-logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status>
                <Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition><Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition>
                <Expiration><Days>365</Days></Expiration>
                <NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays><StorageClass>GLACIER</StorageClass></NoncurrentVersionTransition>
                <NoncurrentVersionExpiration><NoncurrentDays>90</NoncurrentDays></NoncurrentVersionExpiration>
                <AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>
              <Rule><ID>old-tmp</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Disabled</Status><Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration></Rule>
            </LifecycleConfiguration>
            """))
        .OnBucket(bucket, "object-lock", FakeAws.Xml($"""
            <ObjectLockConfiguration xmlns="{Ns}"><ObjectLockEnabled>Enabled</ObjectLockEnabled>
            <Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>1</Years></DefaultRetention></Rule></ObjectLockConfiguration>
            """))
        .OnBucket(bucket, "tagging", FakeAws.Xml($"""
            <Tagging xmlns="{Ns}"><TagSet><Tag><Key>Environment</Key><Value>prod</Value></Tag><Tag><Key>DataClassification</Key><Value>cardholder</Value></Tag></TagSet></Tagging>
            """));

    /// <summary>Nothing configured: each getter gives the answer S3 documents for "none".</summary>
    public static FakeAws BareBucket(this FakeAws aws, string bucket) => aws
        .OnBucket(bucket, "encryption", Error("ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found"))
        .OnBucket(bucket, "publicAccessBlock", Error("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"))
        .OnBucket(bucket, "versioning", FakeAws.Xml($"""<VersioningConfiguration xmlns="{Ns}"/>"""))
        .OnBucket(bucket, "policy", Error("NoSuchBucketPolicy", "The bucket policy does not exist"))
        .OnBucket(bucket, "acl", FakeAws.Xml($"""
            <AccessControlPolicy xmlns="{Ns}"><Owner><ID>{Owner}</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>{Owner}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>
            """))
        .OnBucket(bucket, "ownershipControls", Error("OwnershipControlsNotFoundError", "The bucket ownership controls were not found"))
        .OnBucket(bucket, "logging", FakeAws.Xml("""<BucketLoggingStatus xmlns="http://doc.s3.amazonaws.com/2006-03-01" />"""))
        .OnBucket(bucket, "lifecycle", Error("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist"))
        .OnBucket(bucket, "object-lock", Error("ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket"))
        .OnBucket(bucket, "tagging", Error("NoSuchTagSet", "The TagSet does not exist"));
}
