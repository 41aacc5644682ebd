using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Every VPC has the gateway and interface endpoints the baseline requires, interface endpoints with private DNS.</summary>
public sealed class VpcRequiredEndpoints : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Vpc2,
        Title = "Every VPC has the required gateway and private-DNS interface endpoints",
        Rationale = "With endpoints for the AWS services workloads call, that traffic stays on the AWS network and private "
            + "subnets need no route to the internet; private DNS makes the default SDK hostnames resolve to the endpoint.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Vpc, ResourceTypes.VpcEndpoint],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.3.2", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "SERVICE_VPC_ENDPOINT_ENABLED", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("gatewayServices", "s3,dynamodb", "Services that need a Gateway endpoint in every VPC (short names, as in com.amazonaws.<region>.<name>)."),
            new("interfaceServices", "kms,secretsmanager,logs,monitoring,sns,sts,events,execute-api",
                "Services that need an Interface endpoint with private DNS enabled in every VPC (short names)."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var gatewayServices = context.ListParameter("gatewayServices");
        var interfaceServices = context.ListParameter("interfaceServices");
        var endpointsByVpc = context.Inventory.VpcEndpoints.ToLookup(e => e.VpcId, StringComparer.Ordinal);

        foreach (var vpc in context.Inventory.Vpcs)
        {
            var endpoints = endpointsByVpc[vpc.Id].Where(e => e.Region == vpc.Region && e.AccountId == vpc.AccountId).ToList();
            var prefix = $"com.amazonaws.{vpc.Region}.";
            var shortNames = endpoints.Select(e => e.ShortServiceName).ToList(); // computed once per endpoint, not once per service asked
            var missingGateway = new List<string>();
            var missingInterface = new List<string>();
            var withoutPrivateDns = new List<string>();
            var notAvailable = new List<string>();

            foreach (var service in gatewayServices)
            {
                var candidates = Candidates(endpoints, shortNames, prefix, service, "Gateway");
                if (!candidates.Any(IsUsable))
                {
                    missingGateway.Add(service);
                    notAvailable.AddRange(candidates.Select(e => $"{e.Id} ({service}, {e.State})"));
                }
            }

            foreach (var service in interfaceServices)
            {
                var candidates = Candidates(endpoints, shortNames, prefix, service, "Interface");
                var usable = candidates.Where(IsUsable).ToList();
                if (usable.Count == 0)
                {
                    missingInterface.Add(service);
                    notAvailable.AddRange(candidates.Select(e => $"{e.Id} ({service}, {e.State})"));
                }
                else if (!usable.Any(e => e.PrivateDnsEnabled))
                {
                    withoutPrivateDns.Add($"{service} ({string.Join(", ", usable.Select(e => e.Id))})");
                }
            }

            var evidence = new Dictionary<string, string>
            {
                ["vpcId"] = vpc.Id,
                ["vpcEndpointIds"] = NetworkRuleSupport.Join(endpoints.Select(e => e.Id)),
                ["missingGatewayEndpoints"] = NetworkRuleSupport.Join(missingGateway),
                ["missingInterfaceEndpoints"] = NetworkRuleSupport.Join(missingInterface),
                ["interfaceEndpointsWithoutPrivateDns"] = NetworkRuleSupport.Join(withoutPrivateDns),
            };
            if (notAvailable.Count > 0)
            {
                evidence["endpointsNotAvailable"] = string.Join(",", notAvailable);
            }

            if (missingGateway.Count == 0 && missingInterface.Count == 0 && withoutPrivateDns.Count == 0)
            {
                var required = gatewayServices.Concat(interfaceServices).ToList();
                yield return Descriptor.Pass(vpc.Ref, required.Count == 0
                    ? $"VPC {vpc.DisplayName}: no endpoints are required by the parameters."
                    : $"VPC {vpc.DisplayName} has available gateway endpoints for {Or(gatewayServices)} and private-DNS interface endpoints for {Or(interfaceServices)}.",
                    evidence);
                continue;
            }

            if (missingGateway.Count + missingInterface.Count > 0
                && NetworkRuleSupport.CollectionFailure(context.Inventory, ResourceTypes.VpcEndpoint, vpc.Region) is { } failure)
            {
                evidence["collectionError"] = failure.ErrorCode;
                yield return Descriptor.Error(vpc.Ref,
                    $"VPC {vpc.DisplayName}: VPC endpoints in {vpc.Region} could not be collected ({failure.ErrorCode}), so the required endpoints cannot be confirmed.",
                    evidence);
                continue;
            }

            var parts = new List<string>();
            if (missingGateway.Count > 0)
            {
                parts.Add($"gateway endpoints for {Wording.Prose(missingGateway)}");
            }

            if (missingInterface.Count > 0)
            {
                parts.Add($"interface endpoints for {Wording.Prose(missingInterface)}");
            }

            if (withoutPrivateDns.Count > 0)
            {
                parts.Add($"private DNS on the interface endpoints for {Wording.Prose(withoutPrivateDns)}");
            }

            var unavailable = notAvailable.Count > 0 ? $" (present but not available: {string.Join(", ", notAvailable)})" : "";
            yield return Descriptor.Fail(vpc.Ref, $"VPC {vpc.DisplayName} lacks {string.Join("; ", parts)}{unavailable}.", evidence);
        }
    }

    private static string Or(IReadOnlyList<string> services) => services.Count == 0 ? "no services" : string.Join(", ", services);

    /// <summary>Endpoints of the given type for com.amazonaws.&lt;region&gt;.&lt;service&gt; (<paramref name="prefix"/> is com.amazonaws.&lt;region&gt;.).</summary>
    private static List<VpcEndpoint> Candidates(List<VpcEndpoint> endpoints, List<string> shortNames, string prefix, string service, string type)
    {
        var candidates = new List<VpcEndpoint>();
        for (var i = 0; i < endpoints.Count; i++)
        {
            var e = endpoints[i];
            if (string.Equals(e.VpcEndpointType, type, StringComparison.OrdinalIgnoreCase)
                && e.ServiceName.StartsWith(prefix, StringComparison.Ordinal)
                && string.Equals(shortNames[i], service, StringComparison.OrdinalIgnoreCase))
            {
                candidates.Add(e);
            }
        }

        return candidates;
    }

    /// <summary>Available, or a state the inventory does not know (accepted by the catalog's definition).</summary>
    private static bool IsUsable(VpcEndpoint endpoint) =>
        endpoint.State is null || string.Equals(endpoint.State, "available", StringComparison.OrdinalIgnoreCase);
}
