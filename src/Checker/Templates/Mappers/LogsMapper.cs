using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>CloudWatch Logs log groups. Without RetentionInDays the events never expire; without KmsKeyId the group uses service-managed encryption.</summary>
public sealed class LogsMapper : IResourceMapper
{
    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.LogGroup];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.LogGroup, NameProperty = "LogGroupName",
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:logs:{region}:{account}:log-group:{name}:*" },
        },
    ];

    public void Map(MappingContext context)
    {
        foreach (var group in context.Resources(ResourceTypes.LogGroup))
        {
            var p = group.Properties;
            var retention = p.Int("RetentionInDays");
            if ((p.Has("RetentionInDays") && retention is null) || (p.Has("KmsKeyId") && p.String("KmsKeyId") is null))
            {
                context.NotJudged(group, $"its retention or KMS key cannot be decided ({p.UnknownReason("RetentionInDays") ?? p.UnknownReason("KmsKeyId")})");
                continue;
            }

            context.Add(new LogGroup
            {
                Id = group.Name, Region = group.Region, AccountId = group.AccountId, Tags = p.Tags(),
                Arn = group.Attribute("Arn"),
                KmsKeyId = p.String("KmsKeyId"),
                RetentionInDays = retention,
            }, group);
        }
    }
}
