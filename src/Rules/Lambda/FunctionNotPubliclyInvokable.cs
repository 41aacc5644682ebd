using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.Lambda;

/// <summary>
/// No one outside known accounts may invoke a function: no resource-policy statement lets everyone invoke it without a
/// restricting condition, no account-less service principal invokes it without a source-account condition, and no
/// function URL accepts unauthenticated calls.
/// </summary>
public sealed class FunctionNotPubliclyInvokable : IComplianceRule
{
    /// <summary>The actions that run a function.</summary>
    private static readonly string[] InvokeActions = ["lambda:InvokeFunction", "lambda:InvokeFunctionUrl", "lambda:InvokeAsync"];

    /// <summary>Conditions that pin a service principal's calls to one account or organization.</summary>
    private static readonly string[] AccountConditionKeys = ["aws:SourceAccount", "aws:SourceOwner", "aws:SourceOrgID", "aws:SourceOrgPaths"];

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LambdaFunction5,
        Title = "Lambda functions cannot be invoked publicly (policy or function URL)",
        Rationale = "A function anyone can invoke runs attacker-chosen input with the function's role and on the owner's bill; "
            + "an unauthenticated function URL or a '*' principal without a source condition is exactly that.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.LambdaFunction, ResourceTypes.LambdaPermission, ResourceTypes.LambdaUrl],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "Lambda.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("accountScopedServicePrincipals", "s3.amazonaws.com",
                "Service principals whose source ARNs name no account (S3 buckets); a statement allowing them to invoke must also carry aws:SourceAccount."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var accountless = context.ListParameter("accountScopedServicePrincipals");
        foreach (var function in context.Inventory.LambdaFunctions)
        {
            var subject = $"Lambda function {function.DisplayName}";
            var reasons = new List<string>();
            var evidence = new Dictionary<string, string>();

            if (function.Policy is { } policy)
            {
                var invoking = policy.Statements.Where(s => s.IsAllow && InvokeActions.Any(s.MatchesAction)).ToList();
                var open = invoking.Where(s => s.HasPublicPrincipal() && !s.IsRestrictedByCondition()).ToList();
                var unscopedServices = invoking
                    .Where(s => !open.Contains(s) && s.Principal is { } p && p.Of("Service").Any(svc => accountless.Contains(svc, StringComparer.OrdinalIgnoreCase))
                        && !AccountConditionKeys.Any(k => s.ConditionsOn(k).Any(PinsValues)))
                    .ToList();
                if (open.Count > 0)
                {
                    evidence["publicStatements"] = string.Join(",", open.Select(Label));
                    reasons.Add($"its resource policy lets everyone invoke it (statement {Wording.Prose(open.Select(Label).ToList())}, principal '*' without a source or organization condition)");
                }

                if (unscopedServices.Count > 0)
                {
                    evidence["unscopedServiceStatements"] = string.Join(",", unscopedServices.Select(Label));
                    var services = unscopedServices.SelectMany(s => s.Principal!.Of("Service")).Distinct().ToList();
                    reasons.Add($"its resource policy lets {Wording.Prose(services)} invoke it for any account's resources (statement {Wording.Prose(unscopedServices.Select(Label).ToList())} has no aws:SourceAccount condition)");
                }

                evidence["policyStatements"] = policy.Statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (function.FunctionUrls is { } urls)
            {
                var unauthenticated = urls.Where(u => string.Equals(u.AuthType, "NONE", StringComparison.OrdinalIgnoreCase)).ToList();
                evidence["functionUrls"] = urls.Count == 0 ? "none" : string.Join(",", urls.Select(u => $"{u.FunctionUrl} ({u.AuthType})"));
                if (unauthenticated.Count > 0)
                {
                    reasons.Add($"its function URL {Wording.Prose(unauthenticated.Select(u => u.FunctionUrl).ToList())} has AuthType NONE, so it accepts unauthenticated calls");
                }
            }

            if (reasons.Count > 0)
            {
                yield return Descriptor.Fail(function.Ref, $"{subject} is publicly invokable: {string.Join("; ", reasons)}.", evidence);
            }
            else if (function.Policy is null || function.FunctionUrls is null)
            {
                var unknown = function.Policy is null ? "resource policy" : "function URLs";
                yield return Descriptor.Error(function.Ref, $"{subject}: its {unknown} could not be read, so it is unknown whether it can be invoked publicly.", evidence);
            }
            else
            {
                var urlText = function.FunctionUrls.Count == 0 ? "no function URL" : "function URLs that require IAM authentication";
                yield return Descriptor.Pass(function.Ref,
                    $"{subject} grants invocation to no one without a restricting condition and has {urlText}.", evidence);
            }
        }
    }

    /// <summary>A positive, unconditional test against fixed values (no Not… or …IfExists operator, no wildcard value).</summary>
    private static bool PinsValues(PolicyCondition condition) =>
        !condition.Operator.Contains("Not", StringComparison.OrdinalIgnoreCase)
        && !condition.Operator.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase)
        && condition.Values.Count > 0 && condition.Values.All(v => v != "*");

    private static string Label(PolicyStatement statement) => statement.Sid is { Length: > 0 } sid ? sid : "(no Sid)";
}
