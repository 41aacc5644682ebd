using System.Text;
using System.Xml.Linq;

namespace Compliance.Checker.Live.Http;

/// <summary>
/// The awsQuery protocol (SNS, IAM): a form-encoded POST with Action and Version; XML responses whose payload sits in
/// "{Action}Result"; errors as &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;.
/// </summary>
public sealed class QueryProtocol(AwsTransport transport, string service, string signingName, string version, string signingRegion, Uri endpoint)
{
    /// <summary>Calls one action and returns its {Action}Result element (namespace stripped from every name).</summary>
    public async Task<XElement> InvokeAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new[] { KeyValuePair.Create("Action", action), KeyValuePair.Create("Version", version) }.Concat(parameters);
        var body = Encoding.UTF8.GetBytes(string.Join("&", form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
        var response = await transport.SendAsync(
            new AwsHttpRequest(service, action, signingName, signingRegion, HttpMethod.Post, endpoint)
            {
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" },
                Body = body,
            },
            ParseError,
            cancellationToken);
        var root = StripNamespaces(XDocument.Parse(Encoding.UTF8.GetString(response.Body)).Root!);
        return root.Element($"{action}Result") ?? new XElement($"{action}Result");
    }

    public static (string Code, string Message) ParseError(AwsHttpResponse response)
    {
        try
        {
            var root = StripNamespaces(XDocument.Parse(Encoding.UTF8.GetString(response.Body)).Root!);
            var error = root.Name.LocalName == "Error" ? root : root.Descendants("Error").FirstOrDefault();
            return (error?.Element("Code")?.Value ?? $"Http{(int)response.Status}", error?.Element("Message")?.Value ?? response.Status.ToString());
        }
        catch (System.Xml.XmlException)
        {
            return ($"Http{(int)response.Status}", Encoding.UTF8.GetString(response.Body));
        }
    }

    /// <summary>Removes XML namespaces so elements are found by local name.</summary>
    public static XElement StripNamespaces(XElement element) =>
        new(element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(n => n is XElement child ? StripNamespaces(child) : n));
}
