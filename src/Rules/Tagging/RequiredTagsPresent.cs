using Compliance.Rules.Inventory;

namespace Compliance.Rules.Tagging;

/// <summary>Every taggable resource carries the mandatory tags, with allowed values where a key has a fixed vocabulary.</summary>
public sealed class RequiredTagsPresent : IComplianceRule
{
    /// <summary>
    /// Types that carry no tags of their own: account- and Region-wide settings, policies and entries that belong to
    /// another resource, and resources AWS does not let you tag (IAM groups, inline policies, metric filters, ...).
    /// Records of these types get no finding.
    /// </summary>
    public static IReadOnlySet<string> NotTaggable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ResourceTypes.Account, ResourceTypes.EbsEncryptionByDefault, ResourceTypes.AccountPublicAccessBlock, ResourceTypes.PasswordPolicy,
        ResourceTypes.VpcBlockPublicAccessOptions, ResourceTypes.ConfigurationRecorder, ResourceTypes.ConfigDeliveryChannel,
        ResourceTypes.ConformancePack, ResourceTypes.BucketPolicy, ResourceTypes.SnsTopicPolicy, ResourceTypes.SecretRotationSchedule,
        ResourceTypes.NetworkAclEntry, ResourceTypes.LogsMetricFilter, ResourceTypes.IamGroup, ResourceTypes.IamPolicy,
        ResourceTypes.LambdaPermission, ResourceTypes.LambdaUrl, ResourceTypes.ApiGatewayMethod, ResourceTypes.WafWebAclAssociation,
        ResourceTypes.EventsEventBusPolicy, ResourceTypes.IamRootUser, ResourceTypes.IamCredentialReport,
    };

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.TaggingResource1,
        Title = "Every taggable resource has the mandatory tags with allowed values",
        Rationale = "Owner, environment, data classification and PCI scope tags are how an inventory of system components shows who answers for each one and whether it is in the cardholder data environment.",
        Severity = Severity.Low,
        ResourceTypes = [.. typeof(ResourceTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!).Where(t => !NotTaggable.Contains(t))],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "12.5.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "12.5.2", MappingConfidence.Proposed),
            .. new[] { "EC2.43", "EC2.44", "EC2.46", "EC2.48", "SNS.3", "SecretsManager.5", "Lambda.6", "DynamoDB.5", "IAM.24", "GuardDuty.4" }
                .Select(control => new FrameworkReference(Frameworks.AwsSecurityHub, control, MappingConfidence.Published)),
            new(Frameworks.AwsConfig, "REQUIRED_TAGS", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("requiredTags", "Owner,Environment,DataClassification,PCIScope", "Tag keys every taggable resource must carry with a non-empty value (keys are case-sensitive)."),
            new("allowedValues", "Environment=dev|test|staging|prod;DataClassification=public|internal|confidential|restricted|cardholder;PCIScope=true|false",
                "Allowed values per key, as Key=v1|v2 separated by ';' (values compared case-insensitively); a key not listed may have any value."),
            new("tierTagKey", "Tier", "The tag that names a network resource's tier."),
            new("tierTaggedTypes", $"{ResourceTypes.Subnet},{ResourceTypes.RouteTable},{ResourceTypes.NetworkAcl},{ResourceTypes.SecurityGroup}",
                "Resource types that must also carry the tier tag (the tier rules read it)."),
            new("resourceTypes", "", "Only these resource types are checked (comma-separated); empty checks every taggable type."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var required = context.ListParameter("requiredTags");
        var allowedValues = AllowedValues(context.Parameter("allowedValues"));
        var tierKey = context.Parameter("tierTagKey");
        var tierTypes = context.ListParameter("tierTaggedTypes").ToHashSet(StringComparer.Ordinal);
        var only = context.ListParameter("resourceTypes").ToHashSet(StringComparer.Ordinal);
        var defaultVpcs = context.Inventory.Vpcs.Where(v => v.IsDefault).Select(v => (v.AccountId, v.Region, v.Id)).ToHashSet();

        foreach (var resource in context.Inventory.AllResources())
        {
            if (NotTaggable.Contains(resource.ResourceType) || (only.Count > 0 && !only.Contains(resource.ResourceType)))
            {
                continue;
            }

            var subject = $"{resource.ResourceType} {resource.DisplayName}";
            if (CreatedByAws(resource, defaultVpcs) is { } why)
            {
                yield return Descriptor.NotApplicable(resource.Ref, $"{subject} is {why}, not a resource the account's owners create and tag.");
                continue;
            }

            if (resource.TagsUnknown)
            {
                yield return Descriptor.Error(resource.Ref, $"{subject}: its tags could not be read, so the mandatory tags cannot be checked.");
                continue;
            }

            var keys = tierTypes.Contains(resource.ResourceType) ? [.. required, tierKey] : required;
            var missing = keys.Where(k => string.IsNullOrWhiteSpace(resource.Tag(k))).ToList();
            var disallowed = keys
                .Where(k => !missing.Contains(k) && allowedValues.TryGetValue(k, out var values) && !values.Contains(resource.Tag(k)!.Trim()))
                .Select(k => $"{k}='{resource.Tag(k)}' (allowed: {string.Join(", ", allowedValues[k])})")
                .ToList();
            var evidence = keys.ToDictionary(k => $"tag:{k}", k => resource.Tag(k) ?? "(missing)");
            if (missing.Count == 0 && disallowed.Count == 0)
            {
                yield return Descriptor.Pass(resource.Ref, $"{subject} has every mandatory tag ({string.Join(", ", keys)}) with an allowed value.", evidence);
                continue;
            }

            var problems = new List<string>();
            if (missing.Count > 0)
            {
                evidence["missingTags"] = string.Join(",", missing);
                problems.Add($"lacks the mandatory tag{(missing.Count == 1 ? "" : "s")} {Wording.Prose(missing)}");
            }

            if (disallowed.Count > 0)
            {
                problems.Add($"has {Wording.Prose(disallowed)}");
            }

            yield return Descriptor.Fail(resource.Ref, $"{subject} {Wording.Prose(problems)}.", evidence);
        }
    }

    /// <summary>Why AWS, not the account's owners, made the resource: AWS managed keys and what comes with a VPC.</summary>
    private static string? CreatedByAws(AwsResource resource, IReadOnlySet<(string, string, string)> defaultVpcs) => resource switch
    {
        KmsKey { IsAwsManaged: true } => "an AWS managed key, which cannot be tagged",
        Vpc { IsDefault: true } => "the Region's default VPC, which AWS creates",
        Subnet s when defaultVpcs.Contains((s.AccountId, s.Region, s.VpcId)) => "a default subnet of the default VPC, which AWS creates",
        SecurityGroup { IsDefault: true } => "a VPC's default security group, which AWS creates with the VPC",
        NetworkAcl { IsDefault: true } => "a VPC's default network ACL, which AWS creates with the VPC",
        RouteTable t when t.Associations.Any(a => a.Main) => "a VPC's main route table, which AWS creates with the VPC",
        _ => null,
    };

    /// <summary>"Environment=dev|prod;PCIScope=in-scope" → {Environment: [dev, prod], PCIScope: [in-scope]}.</summary>
    private static Dictionary<string, IReadOnlySet<string>> AllowedValues(string text)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"Parameter allowedValues: '{entry}' is not Key=value1|value2.");
            }

            result[parts[0]] = parts[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return result;
    }
}
