using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// CloudTrail trails. IsLogging is a required property, so the template decides it. Single-Region, not an
/// organization trail and no log file validation unless the template says otherwise; global service events are
/// included by default; without event selectors a trail logs all management events.
/// </summary>
public sealed class CloudTrailMapper : IResourceMapper
{
    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.Trail];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.Trail, NameProperty = "TrailName",
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:cloudtrail:{region}:{account}:trail/{name}" },
        },
    ];

    public void Map(MappingContext context)
    {
        foreach (var trail in context.Resources(ResourceTypes.Trail))
        {
            var p = trail.Properties;
            var flags = new[] { ("IsMultiRegionTrail", false), ("IncludeGlobalServiceEvents", true), ("IsOrganizationTrail", false), ("EnableLogFileValidation", false) }
                .Select(f => p.Bool(f.Item1, absent: f.Item2)).ToList();
            if (flags.Any(f => f is null))
            {
                context.NotJudged(trail, "whether it is multi-Region, an organization trail, or validates its log files cannot be decided");
                continue;
            }

            context.Add(new Trail
            {
                Id = trail.Name, Region = trail.Region, AccountId = trail.AccountId, Tags = p.Tags(),
                Arn = trail.Attribute("Arn"),
                IsMultiRegionTrail = flags[0]!.Value,
                IncludeGlobalServiceEvents = flags[1]!.Value,
                IsOrganizationTrail = flags[2]!.Value,
                LogFileValidationEnabled = flags[3]!.Value,
                KmsKeyId = p.String("KMSKeyId"),
                S3BucketName = p.String("S3BucketName"),
                CloudWatchLogsLogGroupArn = p.String("CloudWatchLogsLogGroupArn"),
                IsLogging = p.Bool("IsLogging", absent: null),
                EventSelectors = Selectors(p),
            }, trail);
        }
    }

    private static TrailEventSelectors? Selectors(Props p)
    {
        if (p.Maps("EventSelectors") is not { } basic || p.Maps("AdvancedEventSelectors") is not { } advanced)
        {
            return null;
        }

        var basicSelectors = new List<EventSelector>();
        foreach (var s in basic)
        {
            if (s.String("ReadWriteType", absent: "All") is not { } readWrite || s.Bool("IncludeManagementEvents", absent: true) is not { } management
                || s.Strings("ExcludeManagementEventSources") is not { } excluded || s.Maps("DataResources") is not { } data)
            {
                return null;
            }

            basicSelectors.Add(new EventSelector(readWrite, management)
            {
                ExcludeManagementEventSources = excluded,
                DataResources = data.Select(d => new DataResource(d.String("Type") ?? "", d.Strings("Values") ?? [])).ToList(),
            });
        }

        var advancedSelectors = new List<AdvancedEventSelector>();
        foreach (var s in advanced)
        {
            if (s.Maps("FieldSelectors") is not { } fields)
            {
                return null;
            }

            var parsed = fields.Select(f => f.String("Field") is { } field ? new FieldSelector
            {
                Field = field,
                EqualTo = f.Strings("Equals") ?? [], NotEquals = f.Strings("NotEquals") ?? [],
                StartsWith = f.Strings("StartsWith") ?? [], NotStartsWith = f.Strings("NotStartsWith") ?? [],
                EndsWith = f.Strings("EndsWith") ?? [], NotEndsWith = f.Strings("NotEndsWith") ?? [],
            } : null).ToList();
            if (parsed.Any(f => f is null))
            {
                return null;
            }

            advancedSelectors.Add(new AdvancedEventSelector(s.String("Name"), parsed.OfType<FieldSelector>().ToList()));
        }

        return new TrailEventSelectors { Basic = basicSelectors, Advanced = advancedSelectors };
    }
}
