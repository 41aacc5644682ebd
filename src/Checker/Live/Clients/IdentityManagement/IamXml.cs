using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Compliance.Checker.Live.Clients.IdentityManagement;

/// <summary>Reading IAM's awsQuery XML: scalars, member lists, and the lists a request sends as Name.member.N.</summary>
internal static class IamXml
{
    public static string? Text(XElement parent, string name) => parent.Element(name)?.Value;

    public static int? Int(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? XmlConvert.ToInt32(text) : null;

    public static bool? Bool(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? XmlConvert.ToBoolean(text) : null;

    public static DateTime? Date(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;

    /// <summary>The &lt;member&gt; children of a list element (none when it is absent).</summary>
    public static IEnumerable<XElement> Members(XElement parent, string list) =>
        parent.Element(list)?.Elements("member") ?? [];

    public static IReadOnlyList<string> Strings(XElement parent, string list) => Members(parent, list).Select(m => m.Value).ToList();

    public static IReadOnlyList<Tag> Tags(XElement parent) =>
        Members(parent, "Tags").Select(t => new Tag(Text(t, "Key") ?? "", Text(t, "Value") ?? "")).ToList();

    public static IReadOnlyList<PolicyDetail> Policies(XElement parent, string list) =>
        Members(parent, list).Select(p => new PolicyDetail(Text(p, "PolicyName") ?? "", Text(p, "PolicyDocument"))).ToList();

    public static IReadOnlyList<AttachedPolicy> Attached(XElement parent) =>
        Members(parent, "AttachedManagedPolicies").Select(p => new AttachedPolicy(Text(p, "PolicyArn") ?? "", Text(p, "PolicyName"))).ToList();

    /// <summary>Name.member.1, Name.member.2, ... as awsQuery sends a list.</summary>
    public static IEnumerable<KeyValuePair<string, string>> List(string name, IEnumerable<string> values) =>
        values.Select((v, i) => KeyValuePair.Create($"{name}.member.{(i + 1).ToString(CultureInfo.InvariantCulture)}", v));

    public static IEnumerable<KeyValuePair<string, string>> Paging(string? marker, int? maxItems)
    {
        if (marker is not null)
        {
            yield return KeyValuePair.Create("Marker", marker);
        }

        if (maxItems is { } max)
        {
            yield return KeyValuePair.Create("MaxItems", max.ToString(CultureInfo.InvariantCulture));
        }
    }
}
