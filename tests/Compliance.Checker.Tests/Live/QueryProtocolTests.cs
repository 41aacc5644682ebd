using System.Net;
using System.Text;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Tests.Live;

public sealed class QueryProtocolTests
{
    private static AwsHttpResponse Response(HttpStatusCode status, string body) => new(status, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Reads_code_and_message_from_a_namespaced_error_response()
    {
        var (code, message) = QueryProtocol.ParseError(Response(HttpStatusCode.Forbidden, """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>User is not authorized to perform: SNS:ListTopics</Message></Error>
              <RequestId>9e7c5e3a-0000-5d6b-8bd1-EXAMPLE</RequestId>
            </ErrorResponse>
            """));

        Assert.Equal(("AuthorizationError", "User is not authorized to perform: SNS:ListTopics"), (code, message));
    }

    [Fact]
    public void Reads_a_bare_error_element_and_falls_back_to_the_status_for_other_bodies()
    {
        Assert.Equal(("SlowDown", "Please reduce your request rate."),
            QueryProtocol.ParseError(Response(HttpStatusCode.ServiceUnavailable, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>")));
        Assert.Equal(("Http502", "Bad Gateway from the proxy"), QueryProtocol.ParseError(Response(HttpStatusCode.BadGateway, "Bad Gateway from the proxy")));
        Assert.Equal("Http500", QueryProtocol.ParseError(Response(HttpStatusCode.InternalServerError, "<ErrorResponse/>")).Code);
    }

    [Fact]
    public async Task Posts_a_signed_form_and_returns_the_result_element_without_namespaces()
    {
        var aws = new FakeAws().On("sns", "GetTopicAttributes", FakeAws.Xml("""
            <GetTopicAttributesResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <GetTopicAttributesResult><Attributes><entry><key>Owner</key><value>123456789012</value></entry></Attributes></GetTopicAttributesResult>
            </GetTopicAttributesResponse>
            """));
        using var session = aws.Session();

        var result = await session.Query("sns", "sns", "sns", "2010-03-31", "eu-west-1")
            .InvokeAsync("GetTopicAttributes", [KeyValuePair.Create("TopicArn", "arn:aws:sns:eu-west-1:123456789012:a b&c")], CancellationToken.None);

        Assert.Equal("123456789012", result.Element("Attributes")!.Element("entry")!.Element("value")!.Value);
        var call = Assert.Single(aws.Requests);
        Assert.Equal("Action=GetTopicAttributes&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aa%20b%26c", call.Body);
        Assert.Equal("arn:aws:sns:eu-west-1:123456789012:a b&c", call.Param("TopicArn"));
    }

    [Fact]
    public async Task An_error_response_surfaces_as_a_service_error_with_code_and_status()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy", FakeAws.Xml("""
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The Password Policy with domain name 123456789012 cannot be found.</Message></Error>
              <RequestId>4c4e2c3b-0000-11e4-8e8e-EXAMPLE</RequestId>
            </ErrorResponse>
            """, HttpStatusCode.NotFound));
        using var session = aws.Session();

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => session.Iam("eu-west-1").InvokeAsync("GetAccountPasswordPolicy", [], CancellationToken.None));

        Assert.Equal(("NoSuchEntity", HttpStatusCode.NotFound, "iam", "GetAccountPasswordPolicy"), (error.ErrorCode, error.StatusCode, error.Service, error.Operation));
        Assert.StartsWith("The Password Policy", error.Message, StringComparison.Ordinal);
        Assert.Single(aws.Requests); // a 404 is final
    }

    [Fact]
    public async Task A_result_without_its_element_reads_as_empty()
    {
        var aws = new FakeAws().On("sns", "ListTopics", FakeAws.Xml("""<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListTopicsResponse>"""));
        using var session = aws.Session();

        var result = await session.Query("sns", "sns", "sns", "2010-03-31", "eu-west-1").InvokeAsync("ListTopics", [], CancellationToken.None);

        Assert.Equal("ListTopicsResult", result.Name.LocalName);
        Assert.False(result.HasElements);
    }
}
