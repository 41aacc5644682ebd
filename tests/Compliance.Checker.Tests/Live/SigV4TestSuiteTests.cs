using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Signing;

namespace Compliance.Checker.Tests.Live;

/// <summary>
/// AWS's published Signature Version 4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1,
/// service "service"). We write no cryptography: these tests hold AWSSDK.Core's signer to the published values.
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    /// <summary>Published: test name, canonical request, signed headers, hash of the canonical request (from the string to sign), signature.</summary>
    public static TheoryData<string, string, string, string, string> Published => new()
    {
        { "get-vanilla", $"GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", "host;x-amz-date",
          "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", $"GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", "host;x-amz-date",
          "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-query-order-value", $"GET\n/\nParam1=value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", "host;x-amz-date",
          "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694" },
        { "get-utf8", $"GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", "host;x-amz-date",
          "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85" },
        { "normalize-path/get-space", $"GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", "host;x-amz-date",
          "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741" },
        { "post-vanilla", $"POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n{EmptyHash}", "host;x-amz-date",
          "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-header-key-sort", $"POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n{EmptyHash}", "host;my-header1;x-amz-date",
          "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-header-value-case", $"POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n{EmptyHash}", "host;my-header1;x-amz-date",
          "d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Published_canonical_requests_produce_the_published_signatures(string test, string canonicalRequest, string signedHeaders, string canonicalHash, string signature)
    {
        Assert.Equal(canonicalHash, Convert.ToHexStringLower(AWS4Signer.ComputeHash(canonicalRequest)));

        var result = AWS4Signer.ComputeSignature(new ImmutableCredentials("AKIDEXAMPLE", Secret, null), "us-east-1", SignedAt, "service", signedHeaders, canonicalRequest);

        Assert.True(signature == result.Signature, test);
        Assert.Equal($"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}", result.ForAuthorizationHeader);
    }

    /// <summary>
    /// The signer our transport uses canonicalises the suite's requests exactly as published; it also signs the
    /// x-amz-content-sha256 header it adds (which AWS accepts), so its signature is checked against the published
    /// canonical request with that one header line added.
    /// </summary>
    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", null, null, "get-vanilla")]
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", null, null, "get-vanilla-query-order-key-case")]
    [InlineData("POST", "https://example.amazonaws.com/", null, null, "post-vanilla")]
    [InlineData("POST", "https://example.amazonaws.com/", "My-Header1", "value1", "post-header-key-sort")]
    public void The_transport_signer_canonicalises_the_suite_requests_as_published(string method, string uri, string? header, string? value, string test)
    {
        var request = new AWSSigningRequest { HttpMethod = new HttpMethod(method), RequestUri = new Uri(uri), Content = [] };
        request.Headers["Host"] = "example.amazonaws.com";
        request.Headers["X-Amz-Date"] = "20150830T123600Z";
        if (header is not null)
        {
            request.Headers[header] = value!;
        }

        var signed = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", Secret),
            Region = RegionEndpoint.USEast1,
            Service = "service",
            SignPayload = true,
            SignedAt = SignedAt,
        });

        var published = Published.Select(row => (string[])[.. row.Select(o => (string)o)]).Single(row => row[0] == test);
        var canonical = published[1]
            .Replace("x-amz-date:20150830T123600Z\n", $"x-amz-content-sha256:{EmptyHash}\nx-amz-date:20150830T123600Z\n", StringComparison.Ordinal)
            .Replace(published[2], published[2].Replace("x-amz-date", "x-amz-content-sha256;x-amz-date", StringComparison.Ordinal), StringComparison.Ordinal);
        var expected = AWS4Signer.ComputeSignature(new ImmutableCredentials("AKIDEXAMPLE", Secret, null), "us-east-1", SignedAt, "service",
            published[2].Replace("x-amz-date", "x-amz-content-sha256;x-amz-date", StringComparison.Ordinal), canonical);

        Assert.Equal(expected.ForAuthorizationHeader, signed.Headers["Authorization"]);
        Assert.Equal(EmptyHash, signed.Headers["X-Amz-Content-SHA256"]);
    }
}
