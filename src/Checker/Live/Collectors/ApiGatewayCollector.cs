using Amazon;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Http;
using Compliance.Rules.Inventory;
using Agw = Compliance.Checker.Live.Clients.APIGateway;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// API Gateway REST APIs (version 1): GetRestApis (paged; endpoint type, resource policy, tags), then per API (at most 4
/// at once) GetStages (method settings, access logs, web ACL, cache; not paged) and GetResources with embed=methods
/// (paged; every method's authorization, API key flag and integration type in the same answer), and per region
/// GetUsagePlans (paged; bound stages and throttles). Budget per region: the GetRestApis and GetUsagePlans pages, plus
/// 1 GetStages and the GetResources pages per API. A targeted scan reads only the named APIs (GetRestApi each).
/// HTTP and WebSocket APIs (API Gateway version 2) are not collected.
/// </summary>
public sealed partial class ApiGatewayCollector : ICollector
{
    private const string ServiceKey = "apigateway";
    private const int PageSize = 500;
    private const int ApiConcurrency = 4;

    public string Service => ServiceKey;

    public IReadOnlyList<string> Produces { get; } =
        [ResourceTypes.ApiGatewayRestApi, ResourceTypes.ApiGatewayMethod, ResourceTypes.ApiGatewayStage, ResourceTypes.ApiGatewayUsagePlan];

    public bool IsGlobal => false;

    /// <summary>API Gateway authorizes its management API by HTTP verb: every read is apigateway:GET on the resource's path.</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["apigateway:GetRestApis"] = "apigateway:GET",
        ["apigateway:GetRestApi"] = "apigateway:GET",
        ["apigateway:GetStages"] = "apigateway:GET",
        ["apigateway:GetResources"] = "apigateway:GET",
        ["apigateway:GetUsagePlans"] = "apigateway:GET",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var client = Agw.APIGatewayClient.For(context.Session, context.Region);
        var plans = context.Scope.Wants(ResourceTypes.ApiGatewayUsagePlan) ? ReadUsagePlansAsync(context, client, cancellationToken) : Task.CompletedTask;
        var apiTypes = new[] { ResourceTypes.ApiGatewayRestApi, ResourceTypes.ApiGatewayStage, ResourceTypes.ApiGatewayMethod }.Where(context.Scope.Wants).ToList();
        if (apiTypes.Count > 0)
        {
            var apis = TargetedApiIds(context, apiTypes) is { } ids
                ? await GetNamedApisAsync(context, client, ids, apiTypes, cancellationToken)
                : await ListApisAsync(context, client, apiTypes, cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = ApiConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(apis, parallel, (api, ct) => new ValueTask(ReadApiAsync(context, client, api, ct)));
        }

        await plans;
    }

    /// <summary>The API ids a targeted scan names, or null when some wanted type is collected whole.</summary>
    private static HashSet<string>? TargetedApiIds(CollectorContext context, IReadOnlyList<string> apiTypes)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in apiTypes)
        {
            if (context.Scope.IdsFor(type) is not { } named)
            {
                return null;
            }

            ids.UnionWith(named.Select(ApiIdOf));
        }

        return ids;
    }

    /// <summary>"a1b2c3d4e5/prod" → "a1b2c3d4e5" (stage and method ids start with their API's id).</summary>
    private static string ApiIdOf(string id) => id.Split('/', 2)[0];

    private static async Task<List<Agw.RestApi>> ListApisAsync(CollectorContext context, Agw.IAmazonAPIGateway client, IReadOnlyList<string> apiTypes, CancellationToken cancellationToken)
    {
        var apis = new List<Agw.RestApi>();
        string? position = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "GetRestApis", apiTypes[0],
                ct => client.GetRestApisAsync(new Agw.GetRestApisRequest { Limit = PageSize, Position = position }, ct), cancellationToken);
            if (page is null)
            {
                // Recorded for the first wanted type; the stages and methods of the APIs not listed are just as unknown.
                var failure = context.Builder.Errors.LastOrDefault(e => e.Operation == "GetRestApis" && e.Region == context.Region && e.ResourceId is null);
                foreach (var type in apiTypes.Skip(1))
                {
                    context.Missing(ServiceKey, "GetRestApis", type, failure?.ErrorCode ?? "NotCollected",
                        $"REST APIs could not be listed, so their {type} records are incomplete: {failure?.Message}");
                }

                break; // the APIs listed so far are still read
            }

            apis.AddRange(page.Items ?? []);
            position = page.Position;
        }
        while (!string.IsNullOrEmpty(position));

        return apis.Where(a => a.Id is not null).DistinctBy(a => a.Id).ToList();
    }

    /// <summary>The named APIs (GetRestApi each); one that does not exist in this region answers NotFoundException and is skipped.</summary>
    private static async Task<List<Agw.RestApi>> GetNamedApisAsync(CollectorContext context, Agw.IAmazonAPIGateway client, IEnumerable<string> ids, IReadOnlyList<string> apiTypes, CancellationToken cancellationToken)
    {
        var apis = new List<Agw.RestApi>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var found = await context.CallAsync(ServiceKey, "GetRestApi", apiTypes[0], async ct =>
            {
                try
                {
                    return new Found((await client.GetRestApiAsync(new Agw.GetRestApiRequest(id), ct)).RestApi);
                }
                catch (AwsServiceError ex) when (ex.ErrorCode == "NotFoundException")
                {
                    return new Found(null);
                }
            }, cancellationToken, id);
            if (found is null)
            {
                // Recorded for the first wanted type; the API's stages and methods are just as unknown.
                var failure = context.Builder.Errors.LastOrDefault(e => e.Operation == "GetRestApi" && e.Region == context.Region && e.ResourceId == id);
                foreach (var other in apiTypes.Skip(1))
                {
                    context.Missing(ServiceKey, "GetRestApi", other, failure?.ErrorCode ?? "NotCollected", $"REST API {id} could not be read: {failure?.Message}", id);
                }
            }
            else if (found.Api is { Id: not null } api)
            {
                apis.Add(api);
            }
        }

        return apis;
    }

    private static async Task ReadApiAsync(CollectorContext context, Agw.IAmazonAPIGateway client, Agw.RestApi api, CancellationToken cancellationToken)
    {
        var id = api.Id!;
        if (Wanted(context, ResourceTypes.ApiGatewayRestApi, id))
        {
            context.Builder.Add(MapApi(context, api));
        }

        if (WantedUnder(context, ResourceTypes.ApiGatewayStage, id))
        {
            await ReadStagesAsync(context, client, id, cancellationToken);
        }

        if (WantedUnder(context, ResourceTypes.ApiGatewayMethod, id))
        {
            await ReadMethodsAsync(context, client, id, cancellationToken);
        }
    }

    private static async Task ReadUsagePlansAsync(CollectorContext context, Agw.IAmazonAPIGateway client, CancellationToken cancellationToken)
    {
        string? position = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "GetUsagePlans", ResourceTypes.ApiGatewayUsagePlan,
                ct => client.GetUsagePlansAsync(new Agw.GetUsagePlansRequest { Limit = PageSize, Position = position }, ct), cancellationToken);
            if (page is null)
            {
                return; // recorded; the plans read so far stay
            }

            foreach (var plan in (page.Items ?? []).Where(p => p.Id is not null && Wanted(context, ResourceTypes.ApiGatewayUsagePlan, p.Id)))
            {
                context.Builder.Add(MapUsagePlan(context, plan));
            }

            position = page.Position;
        }
        while (!string.IsNullOrEmpty(position));
    }

    /// <summary>The type is wanted, and this resource is among the named ones (or none are named).</summary>
    private static bool Wanted(CollectorContext context, string type, string id) =>
        context.Scope.Wants(type) && (context.Scope.IdsFor(type) is not { } ids || ids.Contains(id, StringComparer.Ordinal));

    /// <summary>The type is wanted, and some named resource of it belongs to this API (or none are named).</summary>
    private static bool WantedUnder(CollectorContext context, string type, string apiId) =>
        context.Scope.Wants(type) && (context.Scope.IdsFor(type) is not { } ids || ids.Any(i => ApiIdOf(i) == apiId));

    private static string Partition(CollectorContext context) => RegionEndpoint.GetBySystemName(context.Region).PartitionName;

    /// <summary>GetRestApi's answer: the API, or null when it does not exist.</summary>
    private sealed record Found(Agw.RestApi? Api);
}
