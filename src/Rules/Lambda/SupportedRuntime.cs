using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Lambda;

/// <summary>Functions run on a Lambda runtime that AWS has not deprecated.</summary>
public sealed class SupportedRuntime : IComplianceRule
{
    /// <summary>
    /// Runtimes deprecated by 2026-11-22, with their deprecation dates, from the "Deprecated runtimes" table of the AWS Lambda
    /// Developer Guide (lambda-runtimes.html). After that date AWS no longer patches the runtime.
    /// </summary>
    public const string KnownDeprecations =
        "nodejs:2016-10-31,nodejs4.3:2020-03-05,nodejs4.3-edge:2020-03-05,nodejs6.10:2019-08-12,nodejs8.10:2020-03-06,nodejs10.x:2021-07-30,"
        + "nodejs12.x:2023-03-31,nodejs14.x:2023-12-04,nodejs16.x:2024-06-12,nodejs18.x:2025-09-01,nodejs20.x:2026-04-30,"
        + "python2.7:2021-07-15,python3.6:2022-07-18,python3.7:2023-12-04,python3.8:2024-10-14,python3.9:2025-12-15,python3.10:2026-06-30,python3.11:2026-06-30,"
        + "java8:2024-01-08,java8.al2:2026-06-30,java11:2026-06-30,java17:2026-06-30,"
        + "dotnetcore1.0:2019-07-27,dotnetcore2.0:2019-05-30,dotnetcore2.1:2022-01-05,dotnetcore3.1:2023-04-03,dotnet5.0:2022-05-10,dotnet6:2024-11-12,dotnet7:2024-05-14,dotnet8:2026-11-10,"
        + "ruby2.5:2021-07-30,ruby2.7:2023-11-27,ruby3.2:2026-03-31,go1.x:2024-01-08,provided:2024-01-08,provided.al2:2026-06-30";

    private readonly TimeProvider _clock;

    public SupportedRuntime() : this(TimeProvider.System)
    {
    }

    /// <summary>For tests: judges deprecation dates against the given clock.</summary>
    internal SupportedRuntime(TimeProvider clock) => _clock = clock;

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LambdaFunction6,
        Title = "Lambda functions use a runtime AWS still supports",
        Rationale = "After a runtime's deprecation date AWS stops patching its language and operating system, so known "
            + "vulnerabilities stay in every function built on it.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.LambdaFunction],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "12.3.4", MappingConfidence.Published),
            new(Frameworks.PciDss40, "6.3.3", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "Lambda.2", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "LAMBDA_FUNCTION_SETTINGS_CHECK", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("deprecatedRuntimes", KnownDeprecations,
                "runtime:yyyy-mm-dd pairs: a function on a listed runtime fails from that date (UTC) on; before it, it passes with the date noted. Add upcoming deprecations as AWS announces them."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var deprecations = Parse(context.ListParameter("deprecatedRuntimes"));
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        foreach (var function in context.Inventory.LambdaFunctions)
        {
            var subject = $"Lambda function {function.DisplayName}";
            if (string.Equals(function.PackageType, "Image", StringComparison.OrdinalIgnoreCase))
            {
                yield return Descriptor.NotApplicable(function.Ref,
                    $"{subject} is a container image, which brings its own runtime; Lambda deprecates no runtime for it.",
                    new Dictionary<string, string> { ["packageType"] = "Image" });
                continue;
            }

            if (function.Runtime is not { Length: > 0 } runtime)
            {
                yield return Descriptor.Error(function.Ref, $"{subject}: its runtime is unknown.",
                    new Dictionary<string, string> { ["packageType"] = function.PackageType ?? "unknown" });
                continue;
            }

            var evidence = new Dictionary<string, string> { ["runtime"] = runtime, ["packageType"] = function.PackageType ?? "unknown" };
            if (!deprecations.TryGetValue(runtime, out var date))
            {
                yield return Descriptor.Pass(function.Ref, $"{subject} uses runtime {runtime}, which is not deprecated.", evidence);
                continue;
            }

            evidence["deprecationDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return date <= today
                ? Descriptor.Fail(function.Ref, $"{subject} uses runtime {runtime}, which AWS deprecated on {evidence["deprecationDate"]}, so it no longer receives security patches.", evidence)
                : Descriptor.Pass(function.Ref, $"{subject} uses runtime {runtime}, which is supported until its deprecation on {evidence["deprecationDate"]}.", evidence);
        }
    }

    private static Dictionary<string, DateOnly> Parse(IReadOnlyList<string> entries)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var separator = entry.LastIndexOf(':');
            if (separator <= 0 || !DateOnly.TryParseExact(entry[(separator + 1)..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"Parameter deprecatedRuntimes: '{entry}' is not runtime:yyyy-mm-dd.");
            }

            result[entry[..separator].Trim()] = date;
        }

        return result;
    }
}
