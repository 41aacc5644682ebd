using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// IAM Access Analyzer analyzers, in the Region of their stack. Type is required, so the template decides it. An
/// analyzer CloudFormation has created is ACTIVE: creation fails, and the stack rolls back, where the analyzer cannot
/// run (an ORGANIZATION analyzer outside the management or delegated administrator account).
/// </summary>
public sealed class AccessAnalyzerMapper : IResourceMapper
{
    private const string Arn = "arn:{partition}:access-analyzer:{region}:{account}:analyzer/{name}";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.AccessAnalyzer];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.AccessAnalyzer, NameProperty = "AnalyzerName", Ref = Arn,
            Attributes = new Dictionary<string, string> { ["Arn"] = Arn },
        },
    ];

    public void Map(MappingContext context)
    {
        foreach (var analyzer in context.Resources(ResourceTypes.AccessAnalyzer))
        {
            var p = analyzer.Properties;
            context.Add(new AccessAnalyzer
            {
                Id = analyzer.Name, Region = analyzer.Region, AccountId = analyzer.AccountId, Tags = p.Tags(),
                Arn = analyzer.RefText,
                Type = p.String("Type"),
                Status = "ACTIVE",
            }, analyzer);
        }
    }
}
