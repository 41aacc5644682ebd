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
        Skip = SkipReason();
    }

    /// <summary>Null when the endpoint is set; otherwise why the integration suite does not run.</summary>
    public static string? SkipReason() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable))
            ? $"Set {EndpointVariable} to an AWS-compatible endpoint URL (moto, LocalStack, a sandbox account) to run the integration suite."
            : null;
}

/// <summary>A data-driven <see cref="IntegrationFactAttribute"/>: one skipped entry without the endpoint, one case per row with it.</summary>
public sealed class IntegrationTheoryAttribute : TheoryAttribute
{
    public IntegrationTheoryAttribute()
    {
        Skip = IntegrationFactAttribute.SkipReason();
    }
}

/// <summary>
/// An integration test about moto itself (which of its gaps the scan reports): skipped unless the endpoint is a loopback
/// moto server, recognised by its management API (GET /moto-api/data.json, which changes nothing).
/// </summary>
public sealed class MotoFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> IsMoto = new(() => ItEndpoint.IsMoto(Environment.GetEnvironmentVariable(IntegrationFactAttribute.EndpointVariable)));

    public MotoFactAttribute()
    {
        Skip = IntegrationFactAttribute.SkipReason() ?? (IsMoto.Value ? null : "The endpoint is not a moto server.");
    }
}
