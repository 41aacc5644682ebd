using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Flow logs and VPC endpoints. A flow log CloudFormation created is ACTIVE (the only status EC2 reports); its
/// delivery status is live state and stays unknown. An endpoint without a PolicyDocument gets the full-access policy
/// AWS attaches by default; private DNS is off unless the template turns it on.
/// </summary>
public sealed class VpcServicesMapper : IResourceMapper
{
    /// <summary>The policy AWS gives an endpoint that names none.</summary>
    private const string FullAccessPolicy = """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.FlowLog, ResourceTypes.VpcEndpoint];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.FlowLog, Attributes = new Dictionary<string, string> { ["Id"] = "{name}" } },
        new() { Type = ResourceTypes.VpcEndpoint, Attributes = new Dictionary<string, string> { ["Id"] = "{name}" } },
    ];

    public void Map(MappingContext context)
    {
        foreach (var log in context.Resources(ResourceTypes.FlowLog))
        {
            var p = log.Properties;
            if (p.String("ResourceId") is not { } resourceId || p.String("TrafficType") is not { } traffic || p.String("LogDestinationType", "cloud-watch-logs") is not { } destinationType)
            {
                context.NotJudged(log, $"its ResourceId, TrafficType or LogDestinationType cannot be decided ({p.UnknownReason("ResourceId") ?? p.UnknownReason("TrafficType") ?? p.UnknownReason("LogDestinationType") ?? "TrafficType is not set"})");
                continue;
            }

            context.Add(new FlowLog
            {
                Id = log.Name, Region = log.Region, AccountId = log.AccountId, Tags = p.Tags(),
                Arn = $"arn:{log.Partition}:ec2:{log.Region}:{log.AccountId}:vpc-flow-log/{log.Name}",
                ResourceId = resourceId,
                TrafficType = traffic,
                LogDestinationType = destinationType,
                LogDestination = p.String("LogDestination"),
                LogGroupName = p.String("LogGroupName"),
                FlowLogStatus = "ACTIVE",
            }, log);
        }

        foreach (var endpoint in context.Resources(ResourceTypes.VpcEndpoint))
        {
            var p = endpoint.Properties;
            if (p.String("ServiceName") is not { } service || p.String("VpcEndpointType", "Gateway") is not { } type || p.Bool("PrivateDnsEnabled", absent: false) is not { } privateDns)
            {
                context.NotJudged(endpoint, $"its ServiceName, VpcEndpointType or PrivateDnsEnabled cannot be decided ({p.UnknownReason("ServiceName") ?? p.UnknownReason("VpcEndpointType") ?? p.UnknownReason("PrivateDnsEnabled")})");
                continue;
            }

            var policy = p.Has("PolicyDocument") ? p.Policy("PolicyDocument", out _) : PolicyDocumentJsonConverter.Parse(FullAccessPolicy);
            context.Add(new VpcEndpoint
            {
                Id = endpoint.Name, Region = endpoint.Region, AccountId = endpoint.AccountId, Tags = p.Tags(),
                Arn = $"arn:{endpoint.Partition}:ec2:{endpoint.Region}:{endpoint.AccountId}:vpc-endpoint/{endpoint.Name}",
                VpcId = p.String("VpcId") ?? Ec2NetworkMapper.Unknown,
                ServiceName = service,
                VpcEndpointType = type,
                PrivateDnsEnabled = privateDns,
                PolicyDocument = policy,
            }, endpoint);
        }
    }
}
