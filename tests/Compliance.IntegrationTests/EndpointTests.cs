using Amazon.SecurityToken.Model;

namespace Compliance.IntegrationTests;

public sealed class EndpointTests
{
    [IntegrationFact]
    public async Task The_endpoint_answers_a_signed_sts_call()
    {
        using var session = ItEndpoint.Session(ItEndpoint.Url);

        var identity = await session.Sts(ItEndpoint.Home).GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Matches("^[0-9]{12}$", identity.Account);
    }
}
