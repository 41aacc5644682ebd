namespace Compliance.IntegrationTests;

/// <summary>
/// A test that needs a real AWS-compatible endpoint (moto, LocalStack or a sandbox account), named by
/// COMPLIANCE_IT_ENDPOINT. Without it the test reports itself skipped, never failed.
/// </summary>
public sealed class IntegrationFactAttribute : FactAttribute
{
    public const string EndpointVariable = "COMPLIANCE_IT_ENDPOINT";

    public IntegrationFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable)))
        {
            Skip = $"Set {EndpointVariable} to an AWS-compatible endpoint URL (moto, LocalStack, a sandbox account) to run the integration suite.";
        }
    }
}
