using Compliance.Rules.Inventory;

namespace Compliance.Rules.KMS;

/// <summary>
/// The one verdict of "encrypted with a customer managed key" for a resource that names a single key:
/// a customer managed key passes, an AWS managed key fails, a key the inventory cannot place is unknown (ERROR).
/// </summary>
public static class CustomerKeyVerdict
{
    /// <param name="rule">The rule judging.</param>
    /// <param name="resource">The resource judged.</param>
    /// <param name="subject">How the message names the resource: "SNS topic arn:...".</param>
    /// <param name="key">The resolved key reference.</param>
    /// <param name="withoutKey">The finding when no key is set at all (usually a FAIL saying what protects the data instead).</param>
    /// <param name="evidence">Evidence collected so far; the key's ownership is added.</param>
    public static Finding Judge(RuleDescriptor rule, ResourceRef resource, string subject, KeyResolution key, Func<Finding> withoutKey, Dictionary<string, string> evidence)
    {
        evidence["keyOwnership"] = key.Ownership.ToString();
        return key.Ownership switch
        {
            KeyOwnership.None => withoutKey(),
            KeyOwnership.AwsManaged => rule.Fail(resource, $"{subject} is encrypted with the AWS managed key {Label(key)}, not a customer managed key.", evidence),
            KeyOwnership.CustomerManaged => rule.Pass(resource, $"{subject} is encrypted with the customer managed key {key.Reference}.", evidence),
            _ => rule.Error(resource, $"{subject} is encrypted with the key {key.Reference}, whose manager is unknown to the inventory.", evidence),
        };
    }

    /// <summary>The key as written, with its alias when the inventory knows one and the reference is not already the alias.</summary>
    private static string Label(KeyResolution key) =>
        key.Key?.Aliases.FirstOrDefault() is { } alias && alias != key.Reference ? $"{key.Reference} ({alias})" : key.Reference ?? "";
}
