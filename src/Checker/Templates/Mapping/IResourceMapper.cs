using Compliance.Checker.Templates.Intrinsics;

namespace Compliance.Checker.Templates.Mapping;

/// <summary>
/// Turns the declared resources of one service family into inventory records. A mapper reads any declared
/// resource it needs (a security group mapper reads SecurityGroupIngress resources too), adds records through
/// the context, and says how Ref and Fn::GetAtt name the types it knows. Register it in <see cref="TemplateMappers"/>.
/// </summary>
public interface IResourceMapper
{
    /// <summary>The CloudFormation types this mapper turns into records or folds into them; others count as "not mapped".</summary>
    IReadOnlyList<string> MappedTypes { get; }

    /// <summary>What Ref and Fn::GetAtt return for the types this mapper knows (including ones it maps to no record).</summary>
    IReadOnlyList<ResourceNaming> Namings { get; }

    /// <summary>Adds the records of this family to <paramref name="context"/>.</summary>
    void Map(MappingContext context);
}
