using Compliance.Rules.Inventory;

namespace Compliance.Rules.Config;

/// <summary>
/// Every covered Region of every account has an AWS Config recorder that is recording all supported resource types,
/// through the service-linked role, with global (IAM) resource types recorded in the home Region.
/// </summary>
public sealed class ConfigRecorderRecordsAllResources : IComplianceRule
{
    private const string ServiceLinkedRolePath = "aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
    private const string AllSupported = "ALL_SUPPORTED_RESOURCE_TYPES";
    private const string Exclusion = "EXCLUSION_BY_RESOURCE_TYPES";
    private const string Inclusion = "INCLUSION_BY_RESOURCE_TYPES";

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ConfigConfigurationRecorder1,
        Title = "AWS Config records all types in every Region with its service-linked role",
        Rationale = "Configuration history is the evidence for change tracking and for every Config-based control; a Region or resource type that is not recorded cannot be audited or evaluated.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.ConfigurationRecorder, ResourceTypes.Account],
        Modes = EvaluationModes.TemplatePresenceAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "11.5.2", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "3.3", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "Config.1", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("requireServiceLinkedRole", "true", "Whether the recorder must use the AWSServiceRoleForConfig service-linked role (Security Hub's includeConfigServiceLinkedRoleCheck)."),
            new("homeRegion", "", "The Region whose recorder must record global resource types such as IAM; empty means the first Region covered by the scan."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var inventory = context.Inventory;
        var requireSlr = bool.Parse(context.Parameter("requireServiceLinkedRole"));
        var homeRegion = context.Parameter("homeRegion") is { Length: > 0 } configured ? configured : inventory.Regions.FirstOrDefault();

        foreach (var (account, region) in inventory.AccountRegions())
        {
            var recorders = inventory.ConfigurationRecorders
                .Where(r => r.AccountId == account && r.Region == region)
                .ToList();

            if (recorders.Count == 0)
            {
                yield return context.FromTemplate
                    ? Descriptor.NotApplicable(new ResourceRef(ResourceTypes.Account, account, null, region, account),
                        $"Account {account} in {region}: an AWS Config recorder is not declared in this template; judged on the live account.",
                        new Dictionary<string, string> { ["recorderCount"] = "0" })
                    : NoRecorder(inventory, account, region);
                continue;
            }

            // Any one recorder that meets every requirement is enough; otherwise an unknown outranks a failure.
            var judged = recorders.Select(r => Judge(r, region == homeRegion, requireSlr)).ToList();
            yield return judged.FirstOrDefault(f => f.Status == ComplianceStatus.Pass)
                ?? judged.FirstOrDefault(f => f.Status == ComplianceStatus.Error)
                ?? judged[0];
        }

        // A template covers the Regions it deploys to; the home Region's recorder is the live scan's to find.
        if (homeRegion is not null && !inventory.Regions.Contains(homeRegion) && !context.FromTemplate)
        {
            foreach (var account in inventory.AccountIds)
            {
                yield return Descriptor.Error(new ResourceRef(ResourceTypes.Account, account, null, homeRegion, account),
                    $"Account {account}: the home Region {homeRegion} was not scanned, so recording of global resource types cannot be verified.",
                    new Dictionary<string, string> { ["homeRegion"] = homeRegion, ["regionsScanned"] = string.Join(",", inventory.Regions) });
            }
        }
    }

    private Finding NoRecorder(AwsInventory inventory, string account, string region)
    {
        var accountRef = new ResourceRef(ResourceTypes.Account, account, null, region, account);
        var listingFailed = inventory.CollectionErrors.FirstOrDefault(e =>
            e.ResourceType == ResourceTypes.ConfigurationRecorder && e.Region == region && e.ResourceId is null);
        if (listingFailed is not null)
        {
            return Descriptor.Error(accountRef,
                $"Account {account} in {region}: configuration recorders could not be listed ({listingFailed.Operation}: {listingFailed.ErrorCode}), so it is unknown whether AWS Config is recording.",
                new Dictionary<string, string> { ["errorCode"] = listingFailed.ErrorCode, ["operation"] = listingFailed.Operation });
        }

        return Descriptor.Fail(accountRef,
            $"Account {account} has no AWS Config configuration recorder in {region}, so no resource configuration is recorded there.",
            new Dictionary<string, string> { ["recorderCount"] = "0" });
    }

    private Finding Judge(ConfigurationRecorder recorder, bool isHomeRegion, bool requireSlr)
    {
        var evidence = new Dictionary<string, string>
        {
            ["recorderName"] = recorder.Id,
            ["recording"] = recorder.Recording is { } on ? Lower(on) : "unknown",
            ["allSupported"] = Lower(recorder.AllSupported),
            ["recordingStrategy"] = recorder.RecordingStrategy ?? "",
            ["includeGlobalResourceTypes"] = Lower(recorder.IncludeGlobalResourceTypes),
            ["roleArn"] = recorder.RoleArn ?? "unknown",
            ["homeRegion"] = Lower(isHomeRegion),
        };
        if (recorder.ExcludedResourceTypes.Count > 0)
        {
            evidence["excludedResourceTypes"] = string.Join(",", recorder.ExcludedResourceTypes);
        }

        if (recorder.LastStatus is not null)
        {
            evidence["lastStatus"] = recorder.LastStatus;
        }

        var failures = new List<string>();
        var unknowns = new List<string>();

        switch (recorder.Recording)
        {
            case null:
                unknowns.Add("its recording status could not be read");
                break;
            case false:
                failures.Add("is not recording");
                break;
        }

        var strategy = recorder.RecordingStrategy;
        if (Is(strategy, Exclusion))
        {
            failures.Add(recorder.ExcludedResourceTypes.Count > 0
                ? $"excludes resource types {string.Join(", ", recorder.ExcludedResourceTypes)}"
                : "uses an exclusion strategy instead of recording all supported resource types");
        }
        else if (Is(strategy, Inclusion) || (!recorder.AllSupported && !Is(strategy, AllSupported)))
        {
            failures.Add("records only selected resource types");
        }

        if (isHomeRegion && !recorder.IncludeGlobalResourceTypes)
        {
            failures.Add("does not record global resource types (IAM) although this is the home Region");
        }

        if (requireSlr)
        {
            if (recorder.RoleArn is null)
            {
                unknowns.Add("its role could not be read");
            }
            else if (!recorder.RoleArn.Contains(ServiceLinkedRolePath, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"uses role {recorder.RoleArn} instead of the AWSServiceRoleForConfig service-linked role");
            }
        }

        var subject = $"Configuration recorder {recorder.DisplayName} of account {recorder.AccountId} in {recorder.Region}";
        if (failures.Count > 0)
        {
            return Descriptor.Fail(recorder.Ref, $"{subject} {string.Join("; ", failures)}.", evidence);
        }

        if (unknowns.Count > 0)
        {
            return Descriptor.Error(recorder.Ref, $"{subject}: {string.Join(" and ", unknowns)}.", evidence);
        }

        var verified = "is recording all supported resource types"
            + (isHomeRegion ? " including global resource types" : "")
            + (requireSlr ? " through the AWS Config service-linked role" : "");
        return Descriptor.Pass(recorder.Ref, $"{subject} {verified}.", evidence);
    }

    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

    private static string Lower(bool value) => value ? "true" : "false";
}
