using System.Net;
using System.Xml.Linq;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>S3.Bucket.1, S3.Bucket.3 and S3.Bucket.5 through the S3 handler; bodies as in the Amazon S3 API reference.</summary>
public sealed class S3RemediationTests
{
    private const string Bucket = "amzn-s3-demo-bucket";
    private const string Ns = S3Fake.Ns;
    private const string KeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static readonly Compliance.Checker.Live.LiveOptions Options = S3Fake.Options(Region);

    private static Bucket BucketRecord => new() { Id = Bucket, Arn = $"arn:aws:s3:::{Bucket}", Region = Region, AccountId = Account };

    private static Func<FakeRequest, bool> S3(HttpMethod method, string subresource) =>
        r => r.Service == "s3" && r.Method == method && r.Path == $"/{Bucket}/" && r.Query.Split('&').Contains(subresource);

    private static XElement Body(FakeRequest request) => XElement.Parse(request.Body);

    private static string Block(bool acls, bool ignore, bool policy, bool restrict) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <PublicAccessBlockConfiguration xmlns="{Ns}">
          <BlockPublicAcls>{Upper(acls)}</BlockPublicAcls><IgnorePublicAcls>{Upper(ignore)}</IgnorePublicAcls>
          <BlockPublicPolicy>{Upper(policy)}</BlockPublicPolicy><RestrictPublicBuckets>{Upper(restrict)}</RestrictPublicBuckets>
        </PublicAccessBlockConfiguration>
        """;

    private static string Upper(bool value) => value ? "TRUE" : "FALSE";

    private static string Encryption(string algorithm, string? key, bool bucketKey, string blocked = "") => $"""
        <ServerSideEncryptionConfiguration xmlns="{Ns}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>{algorithm}</SSEAlgorithm>
        {(key is null ? "" : $"<KMSMasterKeyID>{key}</KMSMasterKeyID>")}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>{(bucketKey ? "true" : "false")}</BucketKeyEnabled>{blocked}</Rule></ServerSideEncryptionConfiguration>
        """;

    private static string Versioning(string? status, string? mfaDelete) => status is null
        ? $"""<VersioningConfiguration xmlns="{Ns}"/>"""
        : $"""<VersioningConfiguration xmlns="{Ns}"><Status>{status}</Status>{(mfaDelete is null ? "" : $"<MfaDelete>{mfaDelete}</MfaDelete>")}</VersioningConfiguration>""";

    private static readonly Func<FakeRequest, HttpResponseMessage> Ok = FakeAws.Xml("");

    // --- S3.Bucket.1 -------------------------------------------------------------------------------------------

    private static RemediationPlan BlockPlan() =>
        Plan(new BucketPublicAccessBlocked(), new BucketPublicAccessBlockedRemediation(), Inventory with { Buckets = [BucketRecord with { PublicAccessBlock = new(true, false, false, true) }] });

    [Fact]
    public async Task Public_access_block_puts_all_four_true_for_the_owner_and_verifies_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "publicAccessBlock"), FakeAws.Xml(Block(true, false, false, true)), FakeAws.Xml(Block(true, true, true, true)))
            .On(S3(HttpMethod.Put, "publicAccessBlock"), Ok);
        var remediation = new BucketPublicAccessBlockedRemediation();
        var plan = BlockPlan();

        var first = await Apply(remediation, plan, aws, Options);
        var second = await Apply(remediation, plan, aws, Options);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GET", "PUT", "GET", "GET"], aws.Requests.Select(r => r.Method.Method));
        var put = Assert.Single(aws.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal(Account, put.Headers["x-amz-expected-bucket-owner"]);
        Assert.Equal(
            [("BlockPublicAcls", "true"), ("BlockPublicPolicy", "true"), ("IgnorePublicAcls", "true"), ("RestrictPublicBuckets", "true")],
            Body(put).Elements().Select(e => (e.Name.LocalName, e.Value.ToLowerInvariant())).Order());
        Assert.Equal(("false", "true"), (first.Before["IgnorePublicAcls"], first.After["IgnorePublicAcls"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task A_bucket_without_a_configuration_reads_as_all_false_before_the_put()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "publicAccessBlock"),
                S3Fake.Error("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"), FakeAws.Xml(Block(true, true, true, true)))
            .On(S3(HttpMethod.Put, "publicAccessBlock"), Ok);

        var outcome = await Apply(new BucketPublicAccessBlockedRemediation(), BlockPlan(), aws, Options);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.All(outcome.Before.Values, v => Assert.Equal("false", v));
    }

    [Fact]
    public async Task A_put_that_does_not_hold_is_not_a_success()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "publicAccessBlock"), FakeAws.Xml(Block(true, false, false, true)))
            .On(S3(HttpMethod.Put, "publicAccessBlock"), Ok);

        var outcome = await Apply(new BucketPublicAccessBlockedRemediation(), BlockPlan(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Re-verification failed", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("false", outcome.After["BlockPublicPolicy"]);
    }

    [Fact]
    public async Task A_refused_put_is_a_failure_with_the_s3_error_code()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "publicAccessBlock"), FakeAws.Xml(Block(true, false, false, true)))
            .On(S3(HttpMethod.Put, "publicAccessBlock"), S3Fake.AccessDenied);

        var outcome = await Apply(new BucketPublicAccessBlockedRemediation(), BlockPlan(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.Contains("AccessDenied", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(2, aws.Requests.Count);
    }

    // --- S3.Bucket.3 -------------------------------------------------------------------------------------------

    private static RemediationPlan EncryptionPlan()
    {
        var key = new KmsKey { Id = "1234abcd-12ab-34cd-56ef-1234567890ab", Arn = KeyArn, Region = Region, AccountId = Account, KeyManager = "CUSTOMER", KeyState = "Enabled", KeySpec = "SYMMETRIC_DEFAULT" };
        var inventory = Inventory with { Buckets = [BucketRecord with { Encryption = new BucketEncryption("AES256", null, false) }], KmsKeys = [key] };
        return Plan(new BucketEncryptedWithCustomerKey(), new BucketEncryptedWithCustomerKeyRemediation(new RemediationSettings { BucketKmsKeyArns = [KeyArn] }), inventory);
    }

    [Fact]
    public async Task Encryption_puts_sse_kms_with_the_configured_key_and_a_bucket_key_keeping_blocked_types_and_verifies()
    {
        const string blocked = "<BlockedEncryptionTypes><EncryptionType>SSE-C</EncryptionType></BlockedEncryptionTypes>";
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "encryption"),
                FakeAws.Xml(Encryption("AES256", null, false, blocked)), FakeAws.Xml(Encryption("AES256", null, false, blocked)), FakeAws.Xml(Encryption("aws:kms", KeyArn, true, blocked)))
            .On(S3(HttpMethod.Put, "encryption"), Ok);
        var remediation = new BucketEncryptedWithCustomerKeyRemediation();
        var plan = EncryptionPlan();

        var first = await Apply(remediation, plan, aws, Options);
        var second = await Apply(remediation, plan, aws, Options);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GET", "GET", "PUT", "GET", "GET"], aws.Requests.Select(r => r.Method.Method));
        var put = Assert.Single(aws.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal(Account, put.Headers["x-amz-expected-bucket-owner"]);
        var rule = Assert.Single(Body(put).Elements(XName.Get("Rule", Ns)));
        Assert.Equal("aws:kms", rule.Descendants(XName.Get("SSEAlgorithm", Ns)).Single().Value);
        Assert.Equal(KeyArn, rule.Descendants(XName.Get("KMSMasterKeyID", Ns)).Single().Value);
        Assert.Equal("true", rule.Element(XName.Get("BucketKeyEnabled", Ns))!.Value);
        Assert.Equal("SSE-C", rule.Descendants(XName.Get("EncryptionType", Ns)).Single().Value);
        Assert.Equal(("AES256", "aws:kms"), (first.Before["SSEAlgorithm"], first.After["SSEAlgorithm"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task Encryption_that_reads_back_without_the_bucket_key_is_not_a_success()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "encryption"), FakeAws.Xml(Encryption("AES256", null, false)), FakeAws.Xml(Encryption("AES256", null, false)), FakeAws.Xml(Encryption("aws:kms", KeyArn, false)))
            .On(S3(HttpMethod.Put, "encryption"), Ok);

        var outcome = await Apply(new BucketEncryptedWithCustomerKeyRemediation(), EncryptionPlan(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.Equal("false", outcome.After["BucketKeyEnabled"]);
    }

    [Fact]
    public async Task A_bucket_without_default_encryption_reads_as_none()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "encryption"),
                S3Fake.Error("ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found"),
                S3Fake.Error("ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found"),
                FakeAws.Xml(Encryption("aws:kms", KeyArn, true)))
            .On(S3(HttpMethod.Put, "encryption"), Ok);

        var outcome = await Apply(new BucketEncryptedWithCustomerKeyRemediation(), EncryptionPlan(), aws, Options);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("NONE", outcome.Before["SSEAlgorithm"]);
        Assert.Empty(Body(Assert.Single(aws.Requests, r => r.Method == HttpMethod.Put)).Descendants(XName.Get("EncryptionType", Ns)));
    }

    // --- S3.Bucket.5 -------------------------------------------------------------------------------------------

    private static RemediationPlan VersioningPlan() =>
        Plan(new BucketVersioningEnabled(), new BucketVersioningEnabledRemediation(), Inventory with { Buckets = [BucketRecord with { Versioning = new BucketVersioning("Suspended", true) }] });

    [Fact]
    public async Task Versioning_puts_status_enabled_without_touching_mfa_delete_and_verifies_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "versioning"), FakeAws.Xml(Versioning("Suspended", "Enabled")), FakeAws.Xml(Versioning("Enabled", "Enabled")))
            .On(S3(HttpMethod.Put, "versioning"), Ok);
        var remediation = new BucketVersioningEnabledRemediation();
        var plan = VersioningPlan();

        var first = await Apply(remediation, plan, aws, Options);
        var second = await Apply(remediation, plan, aws, Options);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GET", "PUT", "GET", "GET"], aws.Requests.Select(r => r.Method.Method));
        var put = Assert.Single(aws.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal([("Status", "Enabled")], Body(put).Elements().Select(e => (e.Name.LocalName, e.Value)));
        Assert.False(put.Headers.ContainsKey("x-amz-mfa"));
        Assert.Equal(Account, put.Headers["x-amz-expected-bucket-owner"]);
        Assert.Equal((("Suspended", "Enabled"), ("Enabled", "Enabled")), ((first.Before["Status"], first.Before["MfaDelete"]), (first.After["Status"], first.After["MfaDelete"])));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task Versioning_that_never_reads_back_enabled_is_not_a_success()
    {
        var aws = new FakeAws()
            .On(S3(HttpMethod.Get, "versioning"), FakeAws.Xml(Versioning(null, null)))
            .On(S3(HttpMethod.Put, "versioning"), Ok);

        var outcome = await Apply(new BucketVersioningEnabledRemediation(), VersioningPlan(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.Equal(("Off", "Off"), (outcome.Before["Status"], outcome.After["Status"]));
    }

    [Fact]
    public async Task A_bucket_owned_by_another_account_is_refused_by_s3_and_nothing_changes()
    {
        var aws = new FakeAws().On(S3(HttpMethod.Get, "versioning"), S3Fake.Error("AccessDenied", "Access Denied", HttpStatusCode.Forbidden));

        var outcome = await Apply(new BucketVersioningEnabledRemediation(), VersioningPlan(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.DoesNotContain(aws.Requests, r => r.Method == HttpMethod.Put);
    }
}
