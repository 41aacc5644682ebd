using System.Net;
using System.Text;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Tests.Live;

public sealed class JsonProtocolTests
{
    private static AwsHttpResponse Response(string body, HttpStatusCode status = HttpStatusCode.BadRequest, string? errorTypeHeader = null) =>
        new(status,
            errorTypeHeader is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-amzn-ErrorType"] = errorTypeHeader },
            Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_namespaced_type_keeps_only_the_code()
    {
        var (code, message) = JsonProtocol.ParseError(Response(
            """{"__type":"com.amazonaws.secretsmanager#ResourceNotFoundException","Message":"Secrets Manager can't find the specified secret."}"""));

        Assert.Equal("ResourceNotFoundException", code);
        Assert.Equal("Secrets Manager can't find the specified secret.", message);
    }

    [Fact]
    public void The_error_type_header_wins_and_loses_its_trailing_uri()
    {
        var (code, _) = JsonProtocol.ParseError(Response(
            """{"__type":"com.amazonaws.cloudtrail.v20131101#SomethingElse","message":"x"}""",
            errorTypeHeader: "TrailNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cloudtrail.v20131101/"));

        Assert.Equal("TrailNotFoundException", code);
    }

    [Fact]
    public void A_body_that_is_not_json_gives_the_status_code_and_the_text()
    {
        var (code, message) = JsonProtocol.ParseError(Response("<html>Service Unavailable</html>", HttpStatusCode.ServiceUnavailable));

        Assert.Equal("Http503", code);
        Assert.Equal("<html>Service Unavailable</html>", message);
    }
}
