using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// GuardDuty detectors: ENABLED or DISABLED as Enable says, with the protection plans the template names (Features,
/// or the older DataSources); a plan it does not name is ENABLED, as CreateDetector enables every optional plan but
/// Runtime Monitoring unless told otherwise. Who administers the detector is live state and stays unknown.
/// </summary>
public sealed class GuardDutyMapper : IResourceMapper
{
    /// <summary>The optional protection plans a new detector gets unless the call disables them (CreateDetector).</summary>
    private static readonly string[] DefaultPlans = ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS"];

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.GuardDutyDetector];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.GuardDutyDetector, Attributes = new Dictionary<string, string> { ["Id"] = "{name}" } },
    ];

    public void Map(MappingContext context)
    {
        foreach (var detector in context.Resources(ResourceTypes.GuardDutyDetector))
        {
            var p = detector.Properties;
            // CreateDetector enables every optional plan the call does not name, except Runtime Monitoring.
            var features = DefaultPlans.ToDictionary(f => f, _ => "ENABLED", StringComparer.Ordinal);
            var sources = p.Map("DataSources");
            if (sources is null || p.Maps("Features") is null)
            {
                context.Warn($"{detector.Describe(sources is null ? "DataSources" : "Features")}: {p.UnknownReason(sources is null ? "DataSources" : "Features")}; the detector's protection plans are unknown.");
                features.Clear();
            }

            AddLegacy(features, "S3_DATA_EVENTS", sources?.Map("S3Logs")?.Bool("Enable", absent: null));
            AddLegacy(features, "EKS_AUDIT_LOGS", sources?.Map("Kubernetes")?.Map("AuditLogs")?.Bool("Enable", absent: null));
            AddLegacy(features, "EBS_MALWARE_PROTECTION", sources?.Map("MalwareProtection")?.Map("ScanEc2InstanceWithFindings")?.Bool("EbsVolumes", absent: null));
            foreach (var feature in features.Count == 0 ? [] : p.Maps("Features") ?? [])
            {
                if (feature.String("Name") is { } name)
                {
                    if (feature.String("Status") is { } status)
                    {
                        features[name] = status;
                    }
                    else
                    {
                        features[name] = "(unknown)"; // the rule of that plan reports it cannot tell
                    }
                }
            }

            context.Add(new GuardDutyDetector
            {
                Id = detector.Name, Region = detector.Region, AccountId = detector.AccountId, Tags = p.Tags(),
                Arn = $"arn:{detector.Partition}:guardduty:{detector.Region}:{detector.AccountId}:detector/{detector.Name}",
                Status = p.Bool("Enable", absent: null) switch { true => "ENABLED", false => "DISABLED", null => null },
                AdministratorAccountId = null,
                Features = features,
            }, detector);
        }
    }

    private static void AddLegacy(Dictionary<string, string> features, string name, bool? enabled)
    {
        if (enabled is { } on)
        {
            features[name] = on ? "ENABLED" : "DISABLED";
        }
    }
}
