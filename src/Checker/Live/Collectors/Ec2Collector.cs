using Amazon;
using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// EC2 in one region: VPCs, subnets, route tables, security groups with their rules, network ACLs, flow logs, VPC
/// endpoints, EBS volumes and snapshots, instances, the region's EBS encryption defaults and its VPC Block Public Access
/// settings. Every type is read by
/// its own list call (paginated); the only per-resource call is DescribeSnapshotAttribute, which the API forces.
/// The readers live in the other Ec2Collector.*.cs files.
/// </summary>
public sealed partial class Ec2Collector : ICollector
{
    private const string Ec2Service = "ec2";

    /// <summary>How many per-snapshot calls run at once.</summary>
    private const int SnapshotConcurrency = 8;

    public string Service => Ec2Service;

    public IReadOnlyList<string> Produces { get; } =
    [
        ResourceTypes.Vpc, ResourceTypes.Subnet, ResourceTypes.RouteTable, ResourceTypes.SecurityGroup, ResourceTypes.NetworkAcl,
        ResourceTypes.FlowLog, ResourceTypes.VpcEndpoint, ResourceTypes.Volume, ResourceTypes.Snapshot, ResourceTypes.Instance,
        ResourceTypes.EbsEncryptionByDefault, ResourceTypes.VpcBlockPublicAccessOptions,
    ];

    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["ec2:DescribeVpcs"] = "ec2:DescribeVpcs",
        ["ec2:DescribeSubnets"] = "ec2:DescribeSubnets",
        ["ec2:DescribeRouteTables"] = "ec2:DescribeRouteTables",
        ["ec2:DescribeSecurityGroups"] = "ec2:DescribeSecurityGroups",
        ["ec2:DescribeSecurityGroupRules"] = "ec2:DescribeSecurityGroupRules",
        ["ec2:DescribeNetworkAcls"] = "ec2:DescribeNetworkAcls",
        ["ec2:DescribeFlowLogs"] = "ec2:DescribeFlowLogs",
        ["ec2:DescribeVpcEndpoints"] = "ec2:DescribeVpcEndpoints",
        ["ec2:DescribeVolumes"] = "ec2:DescribeVolumes",
        ["ec2:DescribeSnapshots"] = "ec2:DescribeSnapshots",
        ["ec2:DescribeSnapshotAttribute"] = "ec2:DescribeSnapshotAttribute",
        ["ec2:DescribeInstances"] = "ec2:DescribeInstances",
        ["ec2:GetEbsEncryptionByDefault"] = "ec2:GetEbsEncryptionByDefault",
        ["ec2:GetEbsDefaultKmsKeyId"] = "ec2:GetEbsDefaultKmsKeyId",
        ["ec2:DescribeVpcBlockPublicAccessOptions"] = "ec2:DescribeVpcBlockPublicAccessOptions",
        ["ec2:DescribeVpcBlockPublicAccessExclusions"] = "ec2:DescribeVpcBlockPublicAccessExclusions",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var client = context.Session.Ec2(context.Region);
        var readers = new List<Task>();
        void Read(string type, Func<IAmazonEC2, CollectorContext, CancellationToken, Task> reader)
        {
            if (context.Scope.Wants(type))
            {
                readers.Add(reader(client, context, cancellationToken));
            }
        }

        Read(ResourceTypes.Vpc, ReadVpcsAsync);
        Read(ResourceTypes.Subnet, ReadSubnetsAsync);
        Read(ResourceTypes.RouteTable, ReadRouteTablesAsync);
        Read(ResourceTypes.SecurityGroup, ReadSecurityGroupsAsync);
        Read(ResourceTypes.NetworkAcl, ReadNetworkAclsAsync);
        Read(ResourceTypes.FlowLog, ReadFlowLogsAsync);
        Read(ResourceTypes.VpcEndpoint, ReadVpcEndpointsAsync);
        Read(ResourceTypes.Volume, ReadVolumesAsync);
        Read(ResourceTypes.Snapshot, ReadSnapshotsAsync);
        Read(ResourceTypes.Instance, ReadInstancesAsync);
        Read(ResourceTypes.EbsEncryptionByDefault, ReadRegionSettingsAsync);
        Read(ResourceTypes.VpcBlockPublicAccessOptions, ReadBlockPublicAccessAsync);
        await Task.WhenAll(readers);
    }

    /// <summary>
    /// Every page of a list call. Stops at the first failed page (already recorded as a collection error) and returns
    /// what was read so far, with Complete = false.
    /// </summary>
    private static async Task<(List<TItem> Items, bool Complete)> ListAsync<TResponse, TItem>(
        CollectorContext context,
        string operation,
        string resourceType,
        Func<string?, CancellationToken, Task<TResponse>> call,
        Func<TResponse, IEnumerable<TItem>?> items,
        Func<TResponse, string?> nextToken,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        var all = new List<TItem>();
        string? token = null;
        do
        {
            var current = token;
            var page = await context.CallAsync(Ec2Service, operation, resourceType, ct => call(current, ct), cancellationToken);
            if (page is null)
            {
                return (all, false);
            }

            all.AddRange(items(page) ?? []);
            token = nextToken(page);
            if (token == current)
            {
                break; // a token that does not advance would loop forever
            }
        }
        while (!string.IsNullOrEmpty(token));

        return (all, true);
    }

    /// <summary>
    /// The filter that narrows a list call to a targeted scan's ids, or null for the whole type. A filter (not the
    /// call's id list) because an id list fails the whole call when one id no longer exists (InvalidXxx.NotFound),
    /// while a filter simply returns what does exist.
    /// </summary>
    private static List<Ec2.Filter>? IdFilter(string filterName, IReadOnlyList<string>? ids) =>
        ids is null ? null : [new Ec2.Filter { Name = filterName, Values = ids.Distinct(StringComparer.Ordinal).ToList() }];

    /// <summary>True when a targeted scan names no resource of the type: nothing to read, no call to make.</summary>
    private static bool NothingWanted(CollectorContext context, string resourceType) => context.Scope.IdsFor(resourceType) is { Count: 0 };

    /// <summary>arn:{partition}:ec2:{region}:{account}:{resource}.</summary>
    private static string Arn(CollectorContext context, string resource, bool withAccount = true) =>
        $"arn:{RegionEndpoint.GetBySystemName(context.Region).PartitionName}:ec2:{context.Region}:{(withAccount ? context.AccountId : "")}:{resource}";

    /// <summary>An EC2 tag list as a dictionary (SDK v4 leaves an absent list null).</summary>
    private static Dictionary<string, string> Tags(IEnumerable<Ec2.Tag>? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            if (tag.Key is not null)
            {
                result[tag.Key] = tag.Value ?? "";
            }
        }

        return result;
    }
}
