using Compliance.Rules.Inventory;
using Compliance.Rules.KMS;

namespace Compliance.Rules.Lambda;

/// <summary>A function with environment variables encrypts them with a customer managed KMS key.</summary>
public sealed class EnvironmentEncryptedWithCustomerKey : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LambdaFunction3,
        Title = "Lambda environment variables are encrypted with a customer managed KMS key",
        Rationale = "With the AWS managed key aws/lambda anyone who may read the function's configuration sees its variables; "
            + "a customer managed key limits that to the principals its key policy admits, and its use is audited and revocable.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.LambdaFunction, ResourceTypes.KmsKey],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "8.3.2", MappingConfidence.Proposed),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var function in context.Inventory.LambdaFunctions)
        {
            var key = context.Index.ResolveKey(function.KmsKeyArn, function.Region, function.AccountId);
            var evidence = new Dictionary<string, string> { ["kmsKeyArn"] = function.KmsKeyArn ?? "none (aws/lambda)" };
            var subject = $"Lambda function {function.DisplayName}";

            if (function.EnvironmentVariables is null)
            {
                evidence["environmentError"] = function.EnvironmentError is { Length: > 0 } code ? code : "unknown";
                // Whatever the variables are, a customer managed key protects them; anything else needs to know whether there are any.
                evidence["keyOwnership"] = key.Ownership.ToString();
                yield return key.Ownership == KeyOwnership.CustomerManaged
                    ? Descriptor.Pass(function.Ref, $"{subject}'s environment is encrypted with the customer managed key {key.Reference}.", evidence)
                    : Descriptor.Error(function.Ref, $"{subject}: its environment variables are unknown (Lambda did not return them), so it is unknown whether they need a customer managed key.", evidence);
                continue;
            }

            evidence["environmentVariableCount"] = function.EnvironmentVariables.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (function.EnvironmentVariables.Count == 0)
            {
                yield return Descriptor.NotApplicable(function.Ref, $"{subject} has no environment variables to encrypt.", evidence);
                continue;
            }

            yield return CustomerKeyVerdict.Judge(
                Descriptor, function.Ref, $"{subject}'s environment ({function.EnvironmentVariables.Count} variable(s))", key,
                () => Descriptor.Fail(function.Ref,
                    $"{subject} has {function.EnvironmentVariables.Count} environment variable(s) encrypted only with Lambda's AWS managed key aws/lambda (no KMSKeyArn).", evidence),
                evidence);
        }
    }
}
