using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Compliance.Checker.Live;

namespace Compliance.IntegrationTests;

public sealed class EndpointTests
{
    [IntegrationFact]
    public async Task The_endpoint_answers_a_signed_sts_call()
    {
        using var session = new AwsSession(
            new LiveOptions { EndpointUrl = Environment.GetEnvironmentVariable(IntegrationFactAttribute.EndpointVariable), Regions = ["us-east-1"] },
            new BasicAWSCredentials(
                Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "AKIAIOSFODNN7EXAMPLE",
                Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        var identity = await session.Sts("us-east-1").GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Matches("^[0-9]{12}$", identity.Account);
    }
}
