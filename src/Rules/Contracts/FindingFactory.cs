namespace Compliance.Rules;

/// <summary>Builds findings from a descriptor, so a rule writes only the resource, the message and the evidence.</summary>
public static class FindingFactory
{
    /// <summary>A PASS finding.</summary>
    public static Finding Pass(this RuleDescriptor rule, ResourceRef resource, string message, IReadOnlyDictionary<string, string>? evidence = null) =>
        rule.Create(ComplianceStatus.Pass, resource, message, evidence);

    /// <summary>A FAIL finding.</summary>
    public static Finding Fail(this RuleDescriptor rule, ResourceRef resource, string message, IReadOnlyDictionary<string, string>? evidence = null) =>
        rule.Create(ComplianceStatus.Fail, resource, message, evidence);

    /// <summary>An ERROR finding: the value needed is unknown.</summary>
    public static Finding Error(this RuleDescriptor rule, ResourceRef resource, string message, IReadOnlyDictionary<string, string>? evidence = null) =>
        rule.Create(ComplianceStatus.Error, resource, message, evidence);

    /// <summary>A NOT_APPLICABLE finding.</summary>
    public static Finding NotApplicable(this RuleDescriptor rule, ResourceRef resource, string message, IReadOnlyDictionary<string, string>? evidence = null) =>
        rule.Create(ComplianceStatus.NotApplicable, resource, message, evidence);

    /// <summary>A finding with the given status.</summary>
    public static Finding Create(this RuleDescriptor rule, ComplianceStatus status, ResourceRef resource, string message, IReadOnlyDictionary<string, string>? evidence = null) =>
        new()
        {
            RuleId = rule.Id,
            Status = status,
            Severity = rule.Severity,
            Resource = resource,
            Message = message,
            Evidence = StringMap.From(evidence),
        };
}
