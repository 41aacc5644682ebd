using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>Every region has an active IAM Access Analyzer for external access (account or organization zone of trust).</summary>
public sealed class ExternalAccessAnalyzerEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamAccount4,
        Title = "An IAM Access Analyzer for external access is active in every region",
        Rationale = "Access Analyzer finds the buckets, keys, roles, queues and secrets that a resource policy shares outside the account or organization; without it, such a grant goes unnoticed.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.AccessAnalyzer],
        Modes = EvaluationModes.TemplatePresenceAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.4", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "1.20", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.28", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_EXTERNAL_ACCESS_ANALYZER_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var (account, region) in context.Inventory.AccountRegions())
        {
            var subject = new ResourceRef(ResourceTypes.Account, account, null, region, account);
            var listingFailed = context.Inventory.CollectionErrors.FirstOrDefault(e =>
                e.ResourceType == ResourceTypes.AccessAnalyzer && e.Region == region && e.ResourceId is null && (e.AccountId is null || e.AccountId == account));
            if (listingFailed is not null)
            {
                yield return Descriptor.Error(subject, $"Account {account} in {region}: analyzers could not be listed ({listingFailed.ErrorCode}), so whether Access Analyzer is active is unknown.");
                continue;
            }

            var external = context.Inventory.AccessAnalyzers
                .Where(a => a.AccountId == account && a.Region == region && a.Type is { } type && AccessAnalyzer.ExternalAccessTypes.Contains(type))
                .OrderBy(a => a.Id, StringComparer.Ordinal)
                .ToList();
            var evidence = new Dictionary<string, string>
            {
                ["externalAccessAnalyzers"] = string.Join(",", external.Select(a => $"{a.Id}:{a.Type}:{a.Status ?? "unknown"}")),
            };

            // A template shows the analyzers it declares; the account may have others, so declaring none proves nothing.
            if (context.FromTemplate && external.Count == 0)
            {
                var untyped = context.Inventory.AccessAnalyzers.Where(a => a.AccountId == account && a.Region == region && a.Type is null).Select(a => a.Id).ToList();
                yield return untyped.Count > 0
                    ? Descriptor.Error(subject, $"Account {account} in {region}: the type of analyzer {untyped[0]} cannot be decided from the template, so whether it reports external access is unknown.", evidence)
                    : Descriptor.NotApplicable(subject, $"Account {account} in {region}: an IAM Access Analyzer for external access is not declared in this template; judged on the live account.", evidence);
                continue;
            }

            if (external.FirstOrDefault(a => a.Status == "ACTIVE") is { } active)
            {
                yield return Descriptor.Pass(subject, $"Account {account} in {region} has the active {active.Type} analyzer {active.Id} for external access.", evidence);
            }
            else if (external.Any(a => a.Status is null))
            {
                yield return Descriptor.Error(subject, $"Account {account} in {region}: the status of its external access analyzer is unknown.", evidence);
            }
            else if (external.Count > 0)
            {
                yield return Descriptor.Fail(subject, $"Account {account} in {region} has no active external access analyzer: {external[0].Id} is {external[0].Status}.", evidence);
            }
            else
            {
                yield return Descriptor.Fail(subject, $"Account {account} in {region} has no IAM Access Analyzer for external access.", evidence);
            }
        }
    }
}
