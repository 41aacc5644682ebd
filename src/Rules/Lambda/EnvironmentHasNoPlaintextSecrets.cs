using Compliance.Rules.Inventory;

namespace Compliance.Rules.Lambda;

/// <summary>No environment variable holds a plaintext secret; functions reference Secrets Manager or SSM instead.</summary>
public sealed class EnvironmentHasNoPlaintextSecrets : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LambdaFunction4,
        Title = "Lambda environment variables hold no plaintext secrets",
        Rationale = "Environment variables are shown to everyone who may read the function's configuration and are copied into every "
            + "deployment tool; a secret belongs in Secrets Manager or SSM Parameter Store, with only its ARN or name in the environment.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.LambdaFunction],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.3.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "8.6.2", MappingConfidence.Proposed),
        ],
        Parameters = [new("ignoredVariables", "", "Variable names (case-insensitive) never reported, for reviewed false positives.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ignored = context.ListParameter("ignoredVariables").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var function in context.Inventory.LambdaFunctions)
        {
            var subject = $"Lambda function {function.DisplayName}";
            if (function.EnvironmentVariables is not { } variables)
            {
                var why = function.EnvironmentError is { Length: > 0 } code ? $" (Lambda answered {code} instead)" : "";
                yield return Descriptor.Error(function.Ref, $"{subject}: its environment variables are unknown{why}, so they could not be checked for secrets.",
                    new Dictionary<string, string> { ["environmentError"] = function.EnvironmentError is { Length: > 0 } e ? e : "unknown" });
                continue;
            }

            if (variables.Count == 0)
            {
                yield return Descriptor.NotApplicable(function.Ref, $"{subject} has no environment variables.");
                continue;
            }

            var suspicions = variables
                .Where(v => !ignored.Contains(v.Key))
                .OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => EnvironmentSecretHeuristics.Inspect(v.Key, v.Value))
                .OfType<SecretSuspicion>()
                .ToList();
            var evidence = new Dictionary<string, string>
            {
                ["variablesChecked"] = string.Join(",", variables.Keys.Order(StringComparer.Ordinal)),
            };
            if (suspicions.Count == 0)
            {
                yield return Descriptor.Pass(function.Ref, $"{subject}'s {variables.Count} environment variable(s) hold no value shaped like a plaintext secret.", evidence);
                continue;
            }

            evidence["suspectVariables"] = string.Join(",", suspicions.Select(s => s.Variable));
            evidence["reasons"] = string.Join("; ", suspicions.Select(s => $"{s.Variable}: {s.Reason}, value {s.Masked}"));
            yield return Descriptor.Fail(function.Ref,
                $"{subject} keeps what looks like a plaintext secret in environment variable(s) {Wording.Prose(suspicions.Select(s => $"{s.Variable} ({s.Reason})").ToList())}; values are masked here.",
                evidence);
        }
    }
}
