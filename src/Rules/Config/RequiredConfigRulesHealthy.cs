using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Config;

/// <summary>
/// In every covered Region, each required AWS managed Config rule is deployed (directly or by a conformance pack), active,
/// not failing its evaluations, and, when periodic, evaluated recently.
/// </summary>
public sealed class RequiredConfigRulesHealthy : IComplianceRule
{
    /// <summary>The encryption rules the CDK baseline deploys (ConfigRecording.EncryptionRules), then regional PCI DSS rules.</summary>
    public const string DefaultRequiredRules =
        "S3_DEFAULT_ENCRYPTION_KMS,ENCRYPTED_VOLUMES,CLOUDWATCH_LOG_GROUP_ENCRYPTED,DYNAMODB_TABLE_ENCRYPTED_KMS,SNS_ENCRYPTED_KMS,RDS_STORAGE_ENCRYPTED,"
        + "S3_BUCKET_PUBLIC_READ_PROHIBITED,S3_BUCKET_PUBLIC_WRITE_PROHIBITED,VPC_FLOW_LOGS_ENABLED,INCOMING_SSH_DISABLED";

    private static readonly IReadOnlyDictionary<string, int> FrequencyHours = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["One_Hour"] = 1, ["Three_Hours"] = 3, ["Six_Hours"] = 6, ["Twelve_Hours"] = 12, ["TwentyFour_Hours"] = 24,
    };

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ConfigConfigRule1,
        Title = "Required AWS Config rules are deployed, active and evaluating without errors",
        Rationale = "Continuous compliance evidence exists only while the rules run: a missing, deleted, failing or stalled rule silently stops detecting drift.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.ConfigRule, ResourceTypes.ConformancePack],
        Modes = EvaluationModes.TemplatePresenceAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.7.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "11.5.2", MappingConfidence.Proposed),
        ],
        Parameters =
        [
            new("requiredRules", DefaultRequiredRules, "AWS managed rule identifiers (Source.SourceIdentifier) that must be deployed in every covered Region."),
            new("maxEvaluationAgeHours", "24", "The longest time since a periodic rule's last successful evaluation; never less than the rule's own frequency plus one hour."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var inventory = context.Inventory;
        var required = context.ListParameter("requiredRules");
        var maxAge = context.IntParameter("maxEvaluationAgeHours");
        if (context.FromTemplate)
        {
            foreach (var finding in inventory.AccountRegions().Select(ar => JudgeDeclared(inventory, ar.AccountId, ar.Region, required)))
            {
                yield return finding;
            }

            yield break;
        }

        foreach (var (account, region) in inventory.AccountRegions())
        {
            var accountRef = new ResourceRef(ResourceTypes.Account, account, null, region, account);
            var listingFailed = inventory.CollectionErrors.FirstOrDefault(e =>
                e.ResourceType == ResourceTypes.ConfigRule && e.Region == region && e.ResourceId is null && (e.AccountId is null || e.AccountId == account));
            var rules = inventory.ConfigRules.Where(r => r.AccountId == account && r.Region == region).ToList();
            var evidence = new Dictionary<string, string> { ["requiredRules"] = string.Join(",", required) };
            var failures = new List<string>();
            var unknowns = new List<string>();
            var healthy = new List<string>();

            foreach (var identifier in required)
            {
                var deployed = rules.Where(r => r.Owner == "AWS" && string.Equals(r.SourceIdentifier, identifier, StringComparison.Ordinal)).ToList();
                if (deployed.Count == 0)
                {
                    evidence[identifier] = "not deployed";
                    if (listingFailed is null)
                    {
                        failures.Add($"{identifier} is not deployed");
                    }
                    else
                    {
                        unknowns.Add($"{identifier} is not among the rules listed, but the listing failed ({listingFailed.Operation}: {listingFailed.ErrorCode})");
                    }

                    continue;
                }

                // One healthy deployment of the identifier is enough (a conformance pack may deploy a second copy).
                var judged = deployed.Select(r => (Rule: r, Problem: Judge(r, maxAge))).ToList();
                evidence[identifier] = string.Join("; ", judged.Select(j => $"{j.Rule.Id}: {j.Problem.Text ?? "healthy"}"));
                if (judged.FirstOrDefault(j => j.Problem.Text is null) is { Rule: { } good })
                {
                    healthy.Add($"{identifier} ({good.Id})");
                }
                else if (judged.FirstOrDefault(j => !j.Problem.Unknown) is { Rule: { } bad, Problem: var problem })
                {
                    failures.Add($"{identifier} ({bad.Id}) {problem.Text}");
                }
                else
                {
                    unknowns.Add($"{identifier} ({judged[0].Rule.Id}) {judged[0].Problem.Text}");
                }
            }

            var subject = $"Account {account} in {region}";
            if (failures.Count > 0)
            {
                if (unknowns.Count > 0)
                {
                    evidence["unknown"] = string.Join("; ", unknowns);
                }

                yield return Descriptor.Fail(accountRef, $"{subject}: required Config rule {string.Join("; ", failures)}.", evidence);
            }
            else if (unknowns.Count > 0)
            {
                yield return Descriptor.Error(accountRef, $"{subject}: required Config rule {string.Join("; ", unknowns)}.", evidence);
            }
            else if (required.Count == 0)
            {
                yield return Descriptor.NotApplicable(accountRef, $"{subject}: the requiredRules parameter names no Config rule.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(accountRef, $"{subject} has every required Config rule deployed, active and evaluating without errors: {string.Join(", ", healthy)}.", evidence);
            }
        }
    }

    /// <summary>
    /// A template shows which rules it deploys, not how they evaluate: a Region where it declares no Config rule is judged
    /// on the live account; where it declares some, the required ones must be among them. Health is never judged here.
    /// </summary>
    private Finding JudgeDeclared(AwsInventory inventory, string account, string region, IReadOnlyList<string> required)
    {
        var accountRef = new ResourceRef(ResourceTypes.Account, account, null, region, account);
        var subject = $"Account {account} in {region}";
        var rules = inventory.ConfigRules.Where(r => r.AccountId == account && r.Region == region).ToList();
        var evidence = new Dictionary<string, string> { ["requiredRules"] = string.Join(",", required), ["evaluationHealth"] = "judged on the live account" };
        if (rules.Count == 0)
        {
            return Descriptor.NotApplicable(accountRef, $"{subject}: AWS Config rules are not declared in this template; judged on the live account.", evidence);
        }

        if (required.Count == 0)
        {
            return Descriptor.NotApplicable(accountRef, $"{subject}: the requiredRules parameter names no Config rule.", evidence);
        }

        var missing = new List<string>();
        foreach (var identifier in required)
        {
            var declared = rules.FirstOrDefault(r => r.Owner == "AWS" && string.Equals(r.SourceIdentifier, identifier, StringComparison.Ordinal));
            evidence[identifier] = declared is null ? "not declared" : $"declared as {declared.Id}";
            if (declared is null)
            {
                missing.Add(identifier);
            }
        }

        return missing.Count > 0
            ? Descriptor.Fail(accountRef, $"{subject}: this template declares AWS Config rules but not the required {Wording.Prose(missing)}.", evidence)
            : Descriptor.Pass(accountRef,
                $"{subject}: this template declares every required Config rule ({string.Join(", ", required)}); whether they are active and evaluating without errors is judged on the live account.",
                evidence);
    }

    /// <summary>What is wrong with one deployed rule (null text = healthy), and whether that is an unknown rather than a failure.</summary>
    private static (string? Text, bool Unknown) Judge(ConfigRule rule, int maxAgeHours)
    {
        if (rule.State is not ("ACTIVE" or "EVALUATING"))
        {
            return ($"is in state {rule.State}", false);
        }

        if (rule.EvaluationStatus is not { } status)
        {
            return ("has an evaluation status that could not be read", true);
        }

        var lastSuccess = Max(status.LastSuccessfulEvaluationTime, null);
        var lastFailure = Max(status.LastFailedEvaluationTime, status.LastFailedInvocationTime);
        if (lastFailure is { } failed && (lastSuccess is null || failed > lastSuccess))
        {
            var code = status.LastErrorCode.Length > 0 ? $" ({status.LastErrorCode}{(status.LastErrorMessage.Length > 0 ? ": " + status.LastErrorMessage : "")})" : "";
            return ($"failed its last evaluation at {Iso(failed)}{code}", false);
        }

        if (!status.FirstEvaluationStarted && lastSuccess is null)
        {
            return ("has never been evaluated", false);
        }

        // Only a periodic rule must have evaluated recently: a change-triggered rule evaluates only when a resource in its
        // scope changes, which in a quiet account may be long ago.
        if (rule.MaximumExecutionFrequency is { } frequency && FrequencyHours.TryGetValue(frequency, out var hours))
        {
            var allowed = Math.Max(maxAgeHours, hours + 1);
            if (lastSuccess is null)
            {
                return ($"is periodic ({frequency}) but has no successful evaluation", false);
            }

            var age = status.ReadAt - lastSuccess.Value;
            if (age > TimeSpan.FromHours(allowed))
            {
                return ($"is periodic ({frequency}) but last evaluated successfully at {Iso(lastSuccess.Value)}, {age.TotalHours.ToString("0", CultureInfo.InvariantCulture)} h before the scan (more than {allowed} h)", false);
            }
        }

        return (null, false);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
