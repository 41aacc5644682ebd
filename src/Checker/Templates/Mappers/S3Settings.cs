using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>The bucket settings whose CloudFormation shape differs most from the inventory's.</summary>
internal static class S3Settings
{
    private const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    private const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private const string LogDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    /// <summary>The grants a canned ACL adds beyond the owner's own; null when the ACL is unknown.</summary>
    public static IReadOnlyList<AclGrant>? CannedAcl(string? acl) => acl switch
    {
        null => null,
        "PublicRead" => [new(AllUsers, "READ")],
        "PublicReadWrite" => [new(AllUsers, "READ"), new(AllUsers, "WRITE")],
        "AuthenticatedRead" => [new(AuthenticatedUsers, "READ")],
        "LogDeliveryWrite" => [new(LogDelivery, "WRITE"), new(LogDelivery, "READ_ACP")],
        _ => [],
    };

    /// <summary>OwnershipControls' rule; BucketOwnerEnforced (ACLs disabled) for a new bucket that sets none.</summary>
    public static string? Ownership(Props p)
    {
        if (!p.Has("OwnershipControls"))
        {
            return "BucketOwnerEnforced";
        }

        return p.Map("OwnershipControls")?.Maps("Rules") switch
        {
            null => null,
            [] => "BucketOwnerEnforced",
            var rules => rules[0].String("ObjectOwnership"),
        };
    }

    /// <summary>LoggingConfiguration; without a DestinationBucketName, S3 delivers the logs into the bucket itself.</summary>
    public static BucketLogging? Logging(Props p, string self)
    {
        if (!p.Has("LoggingConfiguration"))
        {
            return new BucketLogging(null, null);
        }

        if (p.Map("LoggingConfiguration") is not { } logging || (logging.Has("DestinationBucketName") && logging.String("DestinationBucketName") is null))
        {
            return null;
        }

        return new BucketLogging(logging.String("DestinationBucketName") ?? self, logging.String("LogFilePrefix"));
    }

    /// <summary>LifecycleConfiguration's rules; empty without one; null when any rule cannot be read.</summary>
    public static IReadOnlyList<LifecycleRule>? Lifecycle(Props p)
    {
        if (p.Map("LifecycleConfiguration")?.Maps("Rules") is not { } rules)
        {
            return null;
        }

        var mapped = rules.Select(Rule).ToList();
        return mapped.Any(r => r is null) ? null : mapped.OfType<LifecycleRule>().ToList();
    }

    private static LifecycleRule? Rule(Props rule)
    {
        var noncurrentExpiration = rule.Map("NoncurrentVersionExpiration");
        var abort = rule.Map("AbortIncompleteMultipartUpload");
        if (rule.String("Status") is not { } status
            || noncurrentExpiration is null || abort is null
            || Unknown(rule, "ExpirationInDays") || Unknown(rule, "NoncurrentVersionExpirationInDays")
            || Unknown(noncurrentExpiration, "NoncurrentDays") || Unknown(abort, "DaysAfterInitiation"))
        {
            return null;
        }

        var transitions = Transitions(rule, "Transitions", "Transition", "TransitionInDays");
        var noncurrent = Transitions(rule, "NoncurrentVersionTransitions", "NoncurrentVersionTransition", "TransitionInDays");
        if (transitions is null || noncurrent is null)
        {
            return null;
        }

        return new LifecycleRule
        {
            Id = rule.String("Id"),
            Status = status,
            ExpirationDays = rule.Int("ExpirationInDays"),
            NoncurrentVersionExpirationDays = noncurrentExpiration.Int("NoncurrentDays") ?? rule.Int("NoncurrentVersionExpirationInDays"),
            Transitions = transitions,
            NoncurrentVersionTransitions = noncurrent,
            AbortIncompleteMultipartUploadDays = abort.Int("DaysAfterInitiation"),
        };
    }

    /// <summary>True when a whole-number property is written but cannot be decided.</summary>
    private static bool Unknown(Props p, string name) => p.Has(name) && p.Int(name) is null;

    /// <summary>
    /// A rule's transitions, from the list property and the older single one; a transition on a date (no days) is left
    /// out; null when one is unknown.
    /// </summary>
    private static List<LifecycleTransition>? Transitions(Props rule, string listName, string singleName, string daysName)
    {
        if (rule.Maps(listName) is not { } list)
        {
            return null;
        }

        var items = list.ToList();
        if (rule.Has(singleName))
        {
            if (rule.Map(singleName) is not { } single)
            {
                return null;
            }

            items.Add(single);
        }

        var transitions = new List<LifecycleTransition>();
        foreach (var item in items.Where(i => i.Has(daysName) || !i.Has("TransitionDate")))
        {
            if (item.Int(daysName) is not { } days || item.String("StorageClass") is not { } storageClass)
            {
                return null;
            }

            transitions.Add(new LifecycleTransition(days, storageClass));
        }

        return transitions;
    }

    /// <summary>Object Lock: enabled with ObjectLockEnabled, default retention from ObjectLockConfiguration (years count 365 days).</summary>
    public static ObjectLock? ObjectLock(Props p)
    {
        var configuration = p.Map("ObjectLockConfiguration");
        var enabled = p.Bool("ObjectLockEnabled", absent: false);
        if (configuration is null || enabled is null)
        {
            return null;
        }

        enabled |= configuration.String("ObjectLockEnabled") == "Enabled";
        var retention = configuration.Map("Rule")?.Map("DefaultRetention");
        if (retention is null)
        {
            return null;
        }

        if (Unknown(retention, "Days") || Unknown(retention, "Years"))
        {
            return null;
        }

        var days = retention.Int("Days") ?? retention.Int("Years") * 365;
        return new ObjectLock(enabled.Value, retention.String("Mode"), days);
    }
}
