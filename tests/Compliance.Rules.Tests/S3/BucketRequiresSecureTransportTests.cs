using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketRequiresSecureTransportTests
{
    private readonly BucketRequiresSecureTransport _rule = new();

    private static Bucket WithStatements(string name, string statementsJson) =>
        Bucket(name) with { Policy = Policy($$"""{ "Version": "2012-10-17", "Statement": [ {{statementsJson}} ] }""") };

    private static string Deny(string name, string principal = "\"*\"", string action = "\"s3:*\"", string? resource = null, string condition = """{ "Bool": { "aws:SecureTransport": "false" } }""") =>
        $$"""{ "Effect": "Deny", "Principal": {{principal}}, "Action": {{action}}, "Resource": {{resource ?? $"[\"arn:aws:s3:::{name}\", \"arn:aws:s3:::{name}/*\"]"}}, "Condition": {{condition}} }""";

    [Fact]
    public void A_deny_on_insecure_transport_passes_whatever_its_spelling()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-aws-documented-policy"),
                WithStatements("pass-json-boolean-false", Deny("pass-json-boolean-false", condition: """{ "Bool": { "aws:SecureTransport": false } }""")),
                WithStatements("pass-bool-if-exists", Deny("pass-bool-if-exists", condition: """{ "BoolIfExists": { "aws:SecureTransport": "false" } }""")),
                WithStatements("pass-objects-only", Deny("pass-objects-only", resource: "\"arn:aws:s3:::pass-objects-only/*\"")),
                WithStatements("pass-aws-star-principal", Deny("pass-aws-star-principal", principal: """{ "AWS": "*" }""")),
                WithStatements("pass-get-and-put-listed", Deny("pass-get-and-put-listed", action: """["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]""")),
                WithStatements("pass-lower-case-key", Deny("pass-lower-case-key", condition: """{ "Bool": { "aws:securetransport": "False" } }""")),
                Bucket("fail-no-policy") with { Policy = PolicyDocument.Empty },
                WithStatements("fail-allow-https-only", """{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "s3:*", "Resource": "arn:aws:s3:::fail-allow-https-only/*", "Condition": { "Bool": { "aws:SecureTransport": "true" } } }"""),
                WithStatements("fail-bucket-arn-only", Deny("fail-bucket-arn-only", resource: "\"arn:aws:s3:::fail-bucket-arn-only\"")),
                WithStatements("fail-get-only", Deny("fail-get-only", action: "\"s3:GetObject\"")),
                WithStatements("fail-one-account-only", Deny("fail-one-account-only", principal: """{ "AWS": "arn:aws:iam::111122223333:root" }""")),
                WithStatements("fail-denies-secure-requests", Deny("fail-denies-secure-requests", condition: """{ "Bool": { "aws:SecureTransport": "true" } }""")),
                WithStatements("fail-narrowed-by-source-ip", Deny("fail-narrowed-by-source-ip", condition: """{ "Bool": { "aws:SecureTransport": "false" }, "IpAddress": { "aws:SourceIp": "192.0.2.0/24" } }""")),
                WithStatements("fail-other-bucket", Deny("some-other-bucket")),
                WithStatements("fail-tls-version-only", Deny("fail-tls-version-only", condition: """{ "NumericLessThan": { "s3:TlsVersion": "1.2" } }""")),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-no-policy", "fail-allow-https-only", "fail-bucket-arn-only", "fail-get-only", "fail-one-account-only",
            "fail-denies-secure-requests", "fail-narrowed-by-source-ip", "fail-other-bucket", "fail-tls-version-only");
    }

    [Fact]
    public void An_unreadable_policy_is_an_error()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("policy-unknown") with { Policy = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "policy-unknown"));
    }

    [Fact]
    public void Evidence_records_the_deny_and_whether_old_tls_is_denied_too()
    {
        var withTls = WithStatements("pass-with-tls", Deny("pass-with-tls") + "," + Deny("pass-with-tls", condition: """{ "NumericLessThan": { "s3:TlsVersion": 1.2 } }""").Replace("\"Effect\"", "\"Sid\": \"EnforceTLSv12orHigher\", \"Effect\"", StringComparison.Ordinal));
        var inventory = BaseInventory with { Buckets = [withTls, Bucket("pass-without-tls")] };

        var findings = Evaluate(_rule, inventory);

        var tls = Assert.Single(findings, f => f.Resource.Id == "pass-with-tls");
        Assert.Equal("#1", tls.Evidence["secureTransportDeny"]);
        Assert.Equal("EnforceTLSv12orHigher (s3:TlsVersion < 1.2)", tls.Evidence["tlsVersionDeny"]);
        var plain = Assert.Single(findings, f => f.Resource.Id == "pass-without-tls");
        Assert.Equal("Bucket pass-without-tls denies requests without TLS through bucket policy statement DenyInsecureTransport.", plain.Message);
        Assert.Equal("absent", plain.Evidence["tlsVersionDeny"]);
    }

    [Fact]
    public void Failure_says_which_deny_is_missing()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("fail-public-read") with { Policy = Policy(PublicReadJson("fail-public-read")) }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Bucket fail-public-read has no bucket policy statement that denies all principals s3:GetObject and s3:PutObject on its objects when aws:SecureTransport is false.", finding.Message);
        Assert.Equal("1", finding.Evidence["policyStatements"]);
    }
}
