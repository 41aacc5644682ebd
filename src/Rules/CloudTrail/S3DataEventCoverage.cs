using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>Which S3 object-level data events (read, write) a trail's selectors log for every object of one bucket.</summary>
internal static class S3DataEventCoverage
{
    private const string ObjectType = "AWS::S3::Object";

    /// <summary>(read, write): whether every read, and every write, data event on any object of the bucket is logged.</summary>
    public static (bool Read, bool Write) Of(TrailEventSelectors selectors, string partition, string bucket)
    {
        var objects = $"arn:{partition}:s3:::{bucket}/";
        bool read = false, write = false;
        foreach (var selector in selectors.Basic)
        {
            if (Basic(selector, objects) is var (r, w))
            {
                read |= r;
                write |= w;
            }
        }

        foreach (var selector in selectors.Advanced)
        {
            if (Advanced(selector, objects) is var (r, w))
            {
                read |= r;
                write |= w;
            }
        }

        return (read, write);
    }

    /// <summary>
    /// A basic selector logs a bucket's object events when a data resource of type AWS::S3::Object names all buckets
    /// ("arn:aws:s3" or "arn:aws:s3:::") or the whole bucket ("arn:aws:s3:::bucket/" or without the slash); a value with an
    /// object prefix covers only part of the bucket. ReadWriteType says which events.
    /// </summary>
    private static (bool, bool)? Basic(EventSelector selector, string objects)
    {
        var covers = selector.DataResources.Any(d => string.Equals(d.Type, ObjectType, StringComparison.Ordinal)
            && d.Values.Any(v => CoversBucket(v, objects)));
        if (!covers)
        {
            return null;
        }

        return selector.ReadWriteType switch
        {
            var t when t.Equals("All", StringComparison.OrdinalIgnoreCase) => (true, true),
            var t when t.Equals("ReadOnly", StringComparison.OrdinalIgnoreCase) => (true, false),
            var t when t.Equals("WriteOnly", StringComparison.OrdinalIgnoreCase) => (false, true),
            _ => null,
        };
    }

    /// <summary>A value that is the bucket's ARN, with or without the trailing slash, or a prefix of every ARN in the bucket that ends at a separator.</summary>
    private static bool CoversBucket(string value, string objects)
    {
        var v = value.Trim();
        var partitionOnly = objects[..objects.IndexOf(":::", StringComparison.Ordinal)]; // arn:aws:s3
        return v == partitionOnly || v == partitionOnly + ":::" || v == objects || v == objects[..^1];
    }

    /// <summary>
    /// An advanced selector logs the bucket's object events when eventCategory admits Data and resources.type admits
    /// AWS::S3::Object; resources.ARN, when present, must admit every object ARN of the bucket (a StartsWith prefix of
    /// "arn:aws:s3:::bucket/", no exclusion that can match inside the bucket). readOnly narrows to read or write events.
    /// eventSource may only name s3.amazonaws.com; any other condition (eventName, userIdentity.arn, ...) logs a subset
    /// and does not count.
    /// </summary>
    private static (bool, bool)? Advanced(AdvancedEventSelector selector, string objects)
    {
        bool data = false, objectType = false, read = true, write = true;
        foreach (var field in selector.FieldSelectors)
        {
            switch (field.Field)
            {
                case var f when Is(f, "eventCategory"):
                    if (!Admits(field, "Data"))
                    {
                        return null;
                    }

                    data = true;
                    break;
                case var f when Is(f, "resources.type"):
                    if (!Admits(field, ObjectType))
                    {
                        return null;
                    }

                    objectType = true;
                    break;
                case var f when Is(f, "readOnly"):
                    read &= Admits(field, "true");
                    write &= Admits(field, "false");
                    break;
                case var f when Is(f, "resources.ARN"):
                    if (!AdmitsEveryObject(field, objects))
                    {
                        return null;
                    }

                    break;
                case var f when Is(f, "eventSource") && Admits(field, "s3.amazonaws.com") && field.EqualTo.Count > 0
                                && field.NotEquals.Count + field.NotStartsWith.Count + field.NotEndsWith.Count + field.EndsWith.Count + field.StartsWith.Count == 0:
                    break;
                default:
                    return null;
            }
        }

        return data && objectType && (read || write) ? (read, write) : null;
    }

    private static bool AdmitsEveryObject(FieldSelector field, string objects)
    {
        if (field.EqualTo.Count > 0 || field.EndsWith.Count > 0 || field.NotEndsWith.Count > 0)
        {
            return false; // exact object ARNs or suffixes name some objects only
        }

        if (field.StartsWith.Count > 0 && !field.StartsWith.Any(p => objects.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }

        // An exclusion that can match some object of the bucket leaves that object unlogged.
        var excludes = field.NotStartsWith.Any(p => objects.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(objects, StringComparison.Ordinal))
            || field.NotEquals.Any(v => v.StartsWith(objects, StringComparison.Ordinal));
        return !excludes;
    }

    private static bool Is(string field, string name) => field.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static bool Admits(FieldSelector field, string value) =>
        (field.EqualTo.Count == 0 || field.EqualTo.Contains(value, StringComparer.Ordinal))
        && (field.StartsWith.Count == 0 || field.StartsWith.Any(p => value.StartsWith(p, StringComparison.Ordinal)))
        && (field.EndsWith.Count == 0 || field.EndsWith.Any(p => value.EndsWith(p, StringComparison.Ordinal)))
        && !field.NotEquals.Contains(value, StringComparer.Ordinal)
        && !field.NotStartsWith.Any(p => value.StartsWith(p, StringComparison.Ordinal))
        && !field.NotEndsWith.Any(p => value.EndsWith(p, StringComparison.Ordinal));
}
