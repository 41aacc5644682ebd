using System.Globalization;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Stage method settings and usage-plan throttles as API Gateway keys them. A MethodSetting with ResourcePath "/*" and
/// HttpMethod "*" is the whole stage ("*/*"); any other is "{path}/{METHOD}" with the path decoded ("/~1pets~1{id}" →
/// "pets/{id}/GET"). Members the stage-wide entry does not write take API Gateway's defaults: logging OFF, data trace,
/// metrics, caching and cache encryption off. A member a per-method override does not write is the default too where
/// the stage-wide value is the default; where the stage sets another value, whether the override inherits it is not
/// something the template shows, and the member is unknown.
/// </summary>
internal static class ApiGatewaySettings
{
    private static readonly string[] StageWideMembers = ["LoggingLevel", "DataTraceEnabled", "MetricsEnabled", "CachingEnabled", "CacheDataEncrypted"];

    private static readonly ApiGatewayMethodSetting Defaults = new()
    {
        LoggingLevel = "OFF", DataTraceEnabled = false, MetricsEnabled = false, CachingEnabled = false, CacheDataEncrypted = false,
    };

    /// <summary>
    /// The stage's methodSettings: a Deployment's StageDescription members as "*/*" when it writes any, then each
    /// MethodSetting (members it writes override). Null when the list, or an entry's path or method, cannot be decided.
    /// </summary>
    public static IReadOnlyDictionary<string, ApiGatewayMethodSetting>? Of(IReadOnlyList<Props>? methodSettings, Props? stageWide)
    {
        var keyed = methodSettings?.Select(e => (Key: Key(e.String("ResourcePath"), e.String("HttpMethod")), Entry: e)).ToList();
        if (keyed is null || keyed.Any(e => e.Key is null))
        {
            return null;
        }

        var settings = new Dictionary<string, ApiGatewayMethodSetting>(StringComparer.Ordinal);
        if (stageWide is not null && StageWideMembers.Any(stageWide.Has))
        {
            settings[ApiGatewayStage.AllMethods] = Setting(stageWide, Defaults);
        }

        // The stage-wide entry first, wherever the list writes it: per-method overrides start from it.
        foreach (var (key, entry) in keyed.Where(e => e.Key == ApiGatewayStage.AllMethods))
        {
            settings[key!] = Setting(entry, settings.GetValueOrDefault(key!) ?? Defaults);
        }

        var inherited = Inherited(settings.GetValueOrDefault(ApiGatewayStage.AllMethods));
        foreach (var (key, entry) in keyed.Where(e => e.Key != ApiGatewayStage.AllMethods))
        {
            settings[key!] = Setting(entry, settings.GetValueOrDefault(key!) ?? inherited);
        }

        return settings;
    }

    /// <summary>"/*" and "*" → "*/*"; "/~1pets" and "GET" → "pets/GET"; "/" and "GET" → "/GET". Null when either is unknown.</summary>
    public static string? Key(string? resourcePath, string? httpMethod)
    {
        if (resourcePath is null || httpMethod is null)
        {
            return null;
        }

        if (resourcePath == "/*" && httpMethod == "*")
        {
            return ApiGatewayStage.AllMethods;
        }

        var path = (resourcePath.StartsWith('/') ? resourcePath[1..] : resourcePath).Replace("~1", "/", StringComparison.Ordinal).TrimStart('/');
        return $"{path}/{httpMethod.ToUpperInvariant()}";
    }

    /// <summary>The members written in <paramref name="p"/>, the others from <paramref name="start"/>.</summary>
    private static ApiGatewayMethodSetting Setting(Props p, ApiGatewayMethodSetting start) => new()
    {
        LoggingLevel = p.Has("LoggingLevel") ? p.String("LoggingLevel") : start.LoggingLevel,
        DataTraceEnabled = p.Has("DataTraceEnabled") ? p.Bool("DataTraceEnabled", null) : start.DataTraceEnabled,
        MetricsEnabled = p.Has("MetricsEnabled") ? p.Bool("MetricsEnabled", null) : start.MetricsEnabled,
        CachingEnabled = p.Has("CachingEnabled") ? p.Bool("CachingEnabled", null) : start.CachingEnabled,
        CacheDataEncrypted = p.Has("CacheDataEncrypted") ? p.Bool("CacheDataEncrypted", null) : start.CacheDataEncrypted,
    };

    /// <summary>What a per-method override starts from: each default the stage keeps, unknown where the stage changes it.</summary>
    private static ApiGatewayMethodSetting Inherited(ApiGatewayMethodSetting? stage) => stage is null ? Defaults : new()
    {
        LoggingLevel = stage.LoggingLevel == Defaults.LoggingLevel ? Defaults.LoggingLevel : null,
        DataTraceEnabled = stage.DataTraceEnabled == Defaults.DataTraceEnabled ? Defaults.DataTraceEnabled : null,
        MetricsEnabled = stage.MetricsEnabled == Defaults.MetricsEnabled ? Defaults.MetricsEnabled : null,
        CachingEnabled = stage.CachingEnabled == Defaults.CachingEnabled ? Defaults.CachingEnabled : null,
        CacheDataEncrypted = stage.CacheDataEncrypted == Defaults.CacheDataEncrypted ? Defaults.CacheDataEncrypted : null,
    };

    /// <summary>
    /// A usage plan's throttle (<paramref name="p"/> is Props.Empty when not written, null when unknown): null when it sets
    /// neither limit; false when it, or a limit it writes, cannot be decided.
    /// </summary>
    public static bool TryThrottle(Props? p, out ApiGatewayThrottle? throttle)
    {
        throttle = null;
        if (p is null)
        {
            return false;
        }

        var rate = Number(p, "RateLimit");
        var burst = p.Int("BurstLimit");
        if ((p.Has("RateLimit") && rate is null) || (p.Has("BurstLimit") && burst is null))
        {
            return false;
        }

        throttle = rate is null && burst is null ? null : new ApiGatewayThrottle { RateLimit = rate, BurstLimit = burst };
        return true;
    }

    /// <summary>An API stage's per-method throttles ("/pets/GET" → throttle); empty when none; null when one cannot be decided.</summary>
    public static IReadOnlyDictionary<string, ApiGatewayThrottle>? MethodThrottles(Props apiStage)
    {
        var throttles = new Dictionary<string, ApiGatewayThrottle>(StringComparer.Ordinal);
        switch (apiStage["Throttle"])
        {
            case null or CfnNull:
                return throttles;
            case CfnMap map:
                foreach (var (key, value) in map.Entries)
                {
                    if (value is not CfnMap settings || !TryThrottle(new Props(settings), out var throttle))
                    {
                        return null;
                    }

                    if (throttle is not null)
                    {
                        throttles[key] = throttle;
                    }
                }

                return throttles;
            default:
                return null;
        }
    }

    private static double? Number(Props p, string name) =>
        p[name] is CfnScalar { Value: var v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
