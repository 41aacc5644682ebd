using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Checker.Templates.Model;
using Compliance.Checker.Templates.Reading;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// AWS Config rules, declared directly or by a conformance pack whose TemplateBody the template holds. A rule takes its
/// Source (owner and identifier) and MaximumExecutionFrequency from the template and the state of a new rule, ACTIVE;
/// its evaluation status is live state and stays unknown. A pack's rules are read from the pack template's
/// AWS::Config::ConfigRule resources whose Source is written literally; a pack kept in S3 (TemplateS3Uri) is not read,
/// with a warning.
/// </summary>
public sealed class ConfigRulesMapper : IResourceMapper
{
    /// <summary>The service that creates a conformance pack's rules, as DescribeConfigRules names it.</summary>
    public const string ConformsService = "config-conforms.amazonaws.com";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.ConfigRule, ResourceTypes.ConformancePack];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.ConfigRule, NameProperty = "ConfigRuleName",
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:config:{region}:{account}:config-rule/{name}" },
        },
        new() { Type = ResourceTypes.ConformancePack, NameProperty = "ConformancePackName" },
    ];

    public void Map(MappingContext context)
    {
        foreach (var declared in context.Resources(ResourceTypes.ConfigRule))
        {
            var p = declared.Properties;
            var source = p.Map("Source");
            if (source?.String("Owner") is not { } owner || source.String("SourceIdentifier", absent: "") is not { } identifier)
            {
                context.NotJudged(declared, $"its Source cannot be decided ({p.UnknownReason("Source") ?? "Source.Owner is not written"})");
                continue;
            }

            context.Add(Rule(declared, declared.Name, owner, identifier, p.String("MaximumExecutionFrequency"), createdBy: null), declared);
        }

        foreach (var pack in context.Resources(ResourceTypes.ConformancePack))
        {
            MapPack(context, pack);
        }
    }

    private static void MapPack(MappingContext context, DeclaredResource pack)
    {
        var p = pack.Properties;
        if (!p.Has("TemplateBody") || p.String("TemplateBody") is not { } body)
        {
            context.NotJudged(pack, p.Has("TemplateBody")
                ? $"its TemplateBody cannot be decided ({p.UnknownReason("TemplateBody")}), so the Config rules it deploys are not known"
                : "its rules are in TemplateS3Uri, which a template scan does not read, so the Config rules it deploys are not known");
            return;
        }

        TemplateDocument document;
        try
        {
            document = TemplateReader.Parse(System.Text.Encoding.UTF8.GetBytes(body), $"{pack.Describe("TemplateBody")}");
        }
        catch (InputException ex)
        {
            context.NotJudged(pack, $"its TemplateBody is not a template ({ex.Message}), so the Config rules it deploys are not known");
            return;
        }

        foreach (var resource in document.Resources.Where(r => r.Type == ResourceTypes.ConfigRule))
        {
            var source = resource.Properties["Source"] as MapNode;
            if (Literal(source?["Owner"]) is not { } owner || (source!["SourceIdentifier"] is { } node ? Literal(node) : "") is not { } identifier)
            {
                context.NotJudged(pack, $"the Source of its rule {resource.LogicalId} is not written literally, so that rule is not known");
                continue;
            }

            var name = Literal(resource.Properties["ConfigRuleName"]) ?? resource.LogicalId;
            context.Add(Rule(pack, $"{name}-conformance-pack-{pack.Name}", owner, identifier,
                Literal(resource.Properties["MaximumExecutionFrequency"]), ConformsService), pack);
        }
    }

    private static ConfigRule Rule(DeclaredResource at, string name, string owner, string identifier, string? frequency, string? createdBy) => new()
    {
        Id = name, Region = at.Region, AccountId = at.AccountId,
        Arn = $"arn:{at.Partition}:config:{at.Region}:{at.AccountId}:config-rule/{name}",
        Owner = owner,
        SourceIdentifier = identifier,
        State = "ACTIVE",
        MaximumExecutionFrequency = frequency,
        CreatedBy = createdBy,
        EvaluationStatus = null,
    };

    /// <summary>A scalar written as it is (no intrinsic function), or null.</summary>
    private static string? Literal(TemplateNode? node) => node is ScalarNode { Value: { } value } ? value : null;
}
