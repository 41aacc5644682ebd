using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mappers;
using Compliance.Checker.Templates.Mapping;

namespace Compliance.Checker.Templates;

/// <summary>
/// The mappers a template scan runs, one per service family. To map a new resource type, add a mapper file under
/// Mappers/ and one line here; no other file changes (see docs/templates.md).
/// </summary>
public static class TemplateMappers
{
    public static IReadOnlyList<IResourceMapper> All { get; } =
    [
        new Ec2NetworkMapper(),
        new NetworkAclMapper(),
        new SecurityGroupMapper(),
        new VpcServicesMapper(),
        new Ec2ComputeMapper(),
        new S3Mapper(),
        new KmsMapper(),
        new LogsMapper(),
        new GuardDutyMapper(),
        new SnsMapper(),
        new SecretsManagerMapper(),
        new DynamoDbMapper(),
        new CloudTrailMapper(),
        new ConfigMapper(),
        new IamMapper(),
        new AccessAnalyzerMapper(),
        new ConfigRulesMapper(),
        new CloudWatchMapper(),
        new ApiGatewayMapper(),
        new LambdaMapper(),
        new EventsMapper(),
        new VpcBlockPublicAccessMapper(),
    ];

    /// <summary>Every mapper's namings by type; a type declared twice is a programming error.</summary>
    public static IReadOnlyDictionary<string, ResourceNaming> Namings(IEnumerable<IResourceMapper> mappers) =>
        mappers.SelectMany(m => m.Namings).ToDictionary(n => n.Type, StringComparer.Ordinal);
}
