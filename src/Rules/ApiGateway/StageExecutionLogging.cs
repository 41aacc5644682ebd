using Compliance.Rules.Inventory;

namespace Compliance.Rules.ApiGateway;

/// <summary>Execution logging at ERROR or INFO for every method of a stage, with data trace off.</summary>
public sealed class StageExecutionLogging : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ApiGatewayStage1,
        Title = "REST API stages log execution at ERROR or INFO with data trace off",
        Rationale = "Execution logs record authorizer decisions, throttling and integration failures for every request; data trace would also copy full request and response bodies, with any personal or card data in them, into the logs.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.ApiGatewayStage, ResourceTypes.ApiGatewayMethod],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "APIGateway.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "API_GW_EXECUTION_LOGGING_ENABLED", MappingConfidence.Published),
        ],
        Parameters = [new("loggingLevels", "ERROR,INFO", "Execution logging levels that count as enabled.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var levels = context.ListParameter("loggingLevels");
        foreach (var error in ApiGatewayFacts.PerApiFailures(context.Inventory, ResourceTypes.ApiGatewayStage))
        {
            yield return Descriptor.Error(ApiGatewayFacts.AllOf(ResourceTypes.ApiGatewayStage, error, context.Inventory),
                $"The stages of REST API {error.ResourceId} could not be read ({error.Operation}: {error.ErrorCode}), so their execution logging is unknown.",
                new Dictionary<string, string> { ["operation"] = error.Operation, ["errorCode"] = error.ErrorCode });
        }

        foreach (var stage in context.Inventory.ApiGatewayStages)
        {
            yield return Judge(context.Inventory, stage, levels);
        }
    }

    private Finding Judge(AwsInventory inventory, ApiGatewayStage stage, IReadOnlyList<string> levels)
    {
        var subject = char.ToUpperInvariant(stage.Label[0]) + stage.Label[1..];
        if (stage.MethodSettings is not { } settings)
        {
            return Descriptor.Error(stage.Ref, $"{subject}: its method settings are unknown.");
        }

        var all = settings.GetValueOrDefault(ApiGatewayStage.AllMethods);
        var evidence = new Dictionary<string, string>
        {
            ["loggingLevel"] = all is null ? "OFF (no */* settings)" : all.LoggingLevel ?? "unknown",
            ["dataTraceEnabled"] = all is null ? "false" : ApiGatewayFacts.Text(all.DataTraceEnabled),
            ["methodOverrides"] = string.Join(",", settings.Keys.Where(k => k != ApiGatewayStage.AllMethods).Order(StringComparer.Ordinal)),
        };

        if (settings.FirstOrDefault(s => s.Value.DataTraceEnabled == true) is { Key: { } traced })
        {
            evidence["dataTraceKey"] = traced;
            return Descriptor.Fail(stage.Ref, $"{subject} has data trace on for {Describe(traced)}, which writes full request and response bodies to the execution logs.", evidence);
        }

        if (settings.FirstOrDefault(s => s.Value.LoggingLevel is { } level && !levels.Contains(level, StringComparer.Ordinal)) is { Key: { } off } offEntry)
        {
            evidence["offKey"] = off;
            return Descriptor.Fail(stage.Ref, $"{subject} has execution logging {offEntry.Value.LoggingLevel} for {Describe(off)}.", evidence);
        }

        if (settings.FirstOrDefault(s => s.Value.LoggingLevel is null || s.Value.DataTraceEnabled is null) is { Key: { } unknown })
        {
            return Descriptor.Error(stage.Ref, $"{subject}: the logging settings for {Describe(unknown)} are unknown.", evidence);
        }

        if (all is not null)
        {
            // "*/*" is at an accepted level and no override lowers it or turns data trace on.
            return Descriptor.Pass(stage.Ref, $"{subject} logs every method at {all.LoggingLevel} with data trace off.", evidence);
        }

        // No stage-wide setting: every method needs its own override at an accepted level.
        if (ApiGatewayFacts.Failure(inventory, ResourceTypes.ApiGatewayMethod, stage.AccountId, stage.Region, stage.RestApiId) is { } methodsFailed)
        {
            return Descriptor.Error(stage.Ref, $"{subject} has no stage-wide logging setting and the API's methods could not be read ({methodsFailed.Operation}: {methodsFailed.ErrorCode}), so per-method coverage is unknown.", evidence);
        }

        var methods = ApiGatewayFacts.MethodsOf(inventory, stage.AccountId, stage.Region, stage.RestApiId);
        var uncovered = methods.Where(m => !settings.Keys.Any(k => ApiGatewayFacts.Names(k, m))).ToList();
        if (methods.Count == 0 || uncovered.Count > 0)
        {
            evidence["methodsWithoutLogging"] = string.Join(",", uncovered.Select(m => m.Route));
            return Descriptor.Fail(stage.Ref, uncovered.Count > 0
                ? $"{subject} has execution logging off (no */* setting) and no logging override for {uncovered.Count} method(s), e.g. {uncovered[0].Route}."
                : $"{subject} has execution logging off: it sets no */* logging level.", evidence);
        }

        return Descriptor.Pass(stage.Ref, $"{subject} logs each of its {methods.Count} method(s) through per-method overrides at an accepted level with data trace off.", evidence);
    }

    private static string Describe(string key) => key == ApiGatewayStage.AllMethods ? "all methods (*/*)" : $"method {key}";
}
