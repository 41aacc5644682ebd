using Compliance.Rules.Inventory;

namespace Compliance.Rules.ApiGateway;

/// <summary>Lookups and readings shared by the API Gateway rules.</summary>
internal static class ApiGatewayFacts
{
    /// <summary>The authorization types that put an authorizer in front of a method.</summary>
    public const string DefaultAuthorizationTypes = "AWS_IAM,COGNITO_USER_POOLS,CUSTOM";

    /// <summary>
    /// The per-API collection failures of one type (a failed GetStages or GetResources of one API): the API's children
    /// of that type are unknown. One per (account, region, API).
    /// </summary>
    public static IEnumerable<CollectionError> PerApiFailures(AwsInventory inventory, string resourceType) =>
        inventory.CollectionErrors
            .Where(e => e.ResourceType == resourceType && e.ResourceId is not null)
            .GroupBy(e => (e.AccountId, e.Region, e.ResourceId))
            .Select(g => g.First());

    /// <summary>The finding subject standing for "every {type} of this API" when they could not be read.</summary>
    public static ResourceRef AllOf(string resourceType, CollectionError error, AwsInventory inventory) =>
        new(resourceType, $"{error.ResourceId}/*", null, error.Region, error.AccountId ?? inventory.AccountIds.FirstOrDefault() ?? "unknown");

    /// <summary>A failure that leaves <paramref name="resourceType"/> of the API unknown: for that API, or for the whole region.</summary>
    public static CollectionError? Failure(AwsInventory inventory, string resourceType, string accountId, string region, string? apiId) =>
        inventory.CollectionErrors.FirstOrDefault(e =>
            e.ResourceType == resourceType
            && e.Region == region
            && (e.AccountId is null || e.AccountId == accountId)
            && (e.ResourceId is null || e.ResourceId == apiId));

    /// <summary>The stages of an API.</summary>
    public static List<ApiGatewayStage> StagesOf(AwsInventory inventory, string accountId, string region, string apiId) =>
        inventory.ApiGatewayStages.Where(s => s.AccountId == accountId && s.Region == region && s.RestApiId == apiId).ToList();

    /// <summary>The methods of an API.</summary>
    public static List<ApiGatewayMethod> MethodsOf(AwsInventory inventory, string accountId, string region, string apiId) =>
        inventory.ApiGatewayMethods.Where(m => m.AccountId == accountId && m.Region == region && m.RestApiId == apiId).ToList();

    /// <summary>
    /// A CORS preflight handler: an OPTIONS method without authorization whose integration is MOCK (API Gateway's own
    /// CORS setup). Browsers send preflights without credentials or API keys, so such a method cannot require them.
    /// Null when the integration is unknown.
    /// </summary>
    public static bool? IsCorsPreflight(ApiGatewayMethod method)
    {
        if (!string.Equals(method.HttpMethod, "OPTIONS", StringComparison.OrdinalIgnoreCase) || method.AuthorizationType != "NONE")
        {
            return false;
        }

        return method.IntegrationType is null ? null : method.IntegrationType == "MOCK";
    }

    /// <summary>
    /// A methodSettings or usage-plan throttle key, "pets/GET", "/pets/{id}/GET" or "~1pets/GET", as (path, METHOD) with
    /// the path starting with "/"; null for "*/*" and for keys without a method.
    /// </summary>
    public static (string Path, string Method)? ParseMethodKey(string key)
    {
        if (key == ApiGatewayStage.AllMethods)
        {
            return null;
        }

        var cut = key.LastIndexOf('/');
        if (cut < 0 || cut == key.Length - 1)
        {
            return null;
        }

        var path = key[..cut].Replace("~1", "/", StringComparison.Ordinal);
        return ("/" + path.TrimStart('/'), key[(cut + 1)..].ToUpperInvariant());
    }

    /// <summary>True when the key names this method (resource path and HTTP method).</summary>
    public static bool Names(string key, ApiGatewayMethod method) =>
        method.ResourcePath is { } path && ParseMethodKey(key) is { } parsed
        && parsed.Method == method.HttpMethod.ToUpperInvariant()
        && parsed.Path == "/" + path.TrimStart('/');

    /// <summary>"true"/"false"/"unknown" for evidence.</summary>
    public static string Text(bool? value) => value switch { true => "true", false => "false", null => "unknown" };
}
