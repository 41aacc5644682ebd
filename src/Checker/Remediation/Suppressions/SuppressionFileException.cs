namespace Compliance.Checker.Remediation.Suppressions;

/// <summary>A suppressions file cannot be used; the message names the file, the line, the entry and the field.</summary>
public sealed class SuppressionFileException(string message) : Exception(message);
