namespace Compliance.Checker.Remediation;

/// <summary>The remediations cannot be assembled (two for one rule, or one that cannot be created); nothing must start.</summary>
public sealed class RemediationCatalogException(string message) : Exception(message);
