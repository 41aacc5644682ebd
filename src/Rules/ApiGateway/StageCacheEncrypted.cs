using Compliance.Rules.Inventory;

namespace Compliance.Rules.ApiGateway;

/// <summary>Where a REST API stage caches responses, the cached data is encrypted.</summary>
public sealed class StageCacheEncrypted : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ApiGatewayStage4,
        Title = "REST API stage caches encrypt the cached responses",
        Rationale = "A stage cache keeps copies of integration responses, which may hold personal or card data, outside the backend that owns them; they must be encrypted at rest like the source.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.ApiGatewayStage],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "APIGateway.5", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "API_GW_CACHE_ENABLED_AND_ENCRYPTED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var error in ApiGatewayFacts.PerApiFailures(context.Inventory, ResourceTypes.ApiGatewayStage))
        {
            yield return Descriptor.Error(ApiGatewayFacts.AllOf(ResourceTypes.ApiGatewayStage, error, context.Inventory),
                $"The stages of REST API {error.ResourceId} could not be read ({error.Operation}: {error.ErrorCode}), so their cache settings are unknown.",
                new Dictionary<string, string> { ["operation"] = error.Operation, ["errorCode"] = error.ErrorCode });
        }

        foreach (var stage in context.Inventory.ApiGatewayStages)
        {
            yield return Judge(stage);
        }
    }

    private Finding Judge(ApiGatewayStage stage)
    {
        var subject = char.ToUpperInvariant(stage.Label[0]) + stage.Label[1..];
        var evidence = new Dictionary<string, string> { ["cacheClusterEnabled"] = ApiGatewayFacts.Text(stage.CacheClusterEnabled) };
        if (stage.MethodSettings is not { } settings)
        {
            return Descriptor.Error(stage.Ref, $"{subject}: its method settings are unknown.", evidence);
        }

        // Cached entries: those with caching on; with a cache cluster and no "*/*" entry, AWS caches GET methods by default,
        // with cacheDataEncrypted at its default, false.
        var cached = settings.Where(s => s.Value.CachingEnabled == true).Select(s => (s.Key, Encrypted: s.Value.CacheDataEncrypted)).ToList();
        if (stage.CacheClusterEnabled == true && !settings.ContainsKey(ApiGatewayStage.AllMethods))
        {
            cached.Add((DefaultGetCaching, false));
        }

        evidence["cachedKeys"] = string.Join(",", cached.Select(c => c.Key).Order(StringComparer.Ordinal));
        if (cached.FirstOrDefault(c => c.Encrypted == false) is { Key: { } plain })
        {
            evidence["unencryptedKey"] = plain;
            return Descriptor.Fail(stage.Ref, $"{subject} caches responses for {Describe(plain)} without encrypting the cached data.", evidence);
        }

        if (cached.Any(c => c.Encrypted is null) || settings.Values.Any(s => s.CachingEnabled is null))
        {
            return Descriptor.Error(stage.Ref, $"{subject}: whether every cached method encrypts its cache is unknown.", evidence);
        }

        if (cached.Count > 0)
        {
            return Descriptor.Pass(stage.Ref, $"{subject} encrypts the cached data of every cached method ({string.Join(", ", cached.Select(c => c.Key))}).", evidence);
        }

        return stage.CacheClusterEnabled switch
        {
            null => Descriptor.Error(stage.Ref, $"{subject}: whether it has a cache cluster is unknown.", evidence),
            true => Descriptor.Pass(stage.Ref, $"{subject} has a cache cluster but caches no method, so no response is held in it.", evidence),
            false => Descriptor.NotApplicable(stage.Ref, $"{subject} has no cache cluster and no method caching, so there is no cached data to encrypt.", evidence),
        };
    }

    /// <summary>The entry standing for AWS's default caching of GET methods when a cache cluster has no "*/*" settings.</summary>
    private const string DefaultGetCaching = "*/* (default)";

    private static string Describe(string key) => key switch
    {
        ApiGatewayStage.AllMethods => "all methods (*/*)",
        DefaultGetCaching => "its GET methods (the cache cluster's default, with no */* settings)",
        _ => $"method {key}",
    };
}
