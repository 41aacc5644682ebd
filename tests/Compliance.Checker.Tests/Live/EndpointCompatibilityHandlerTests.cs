using System.Net;
using System.Text;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Tests.Live;

public sealed class EndpointCompatibilityHandlerTests
{
    private static async Task<HttpResponseMessage> Through(HttpStatusCode status, string body, string contentType)
    {
        using var client = new HttpClient(new EndpointCompatibilityHandler(new Answer(status, body, contentType)));
        return await client.GetAsync(new Uri("http://127.0.0.1:5000/bucket?publicAccessBlock"));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchPublicAccessBlockConfiguration</Code></Error>", "application/xml")]
    [InlineData("<Error><Code>OwnershipControlsNotFoundError</Code></Error>", "application/xml")]
    [InlineData("{\"__type\":\"ResourceNotFoundException\"}", "application/json")]
    public async Task Mislabelled_error_bodies_get_their_real_media_type(string body, string expected)
    {
        var response = await Through(HttpStatusCode.NotFound, body, "text/html");

        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "<!doctype html><title>500 Internal Server Error</title>", "text/html")]
    [InlineData(HttpStatusCode.OK, "<?xml version=\"1.0\"?><ListAllMyBucketsResult/>", "text/html")]
    [InlineData(HttpStatusCode.NotFound, "<Error><Code>NoSuchKey</Code></Error>", "application/xml")]
    public async Task Everything_else_is_left_as_it_came(HttpStatusCode status, string body, string contentType)
    {
        var response = await Through(status, body, contentType);

        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    private sealed class Answer(HttpStatusCode status, string body, string contentType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
    }
}
