using System.Text.Json;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Stacks;

/// <summary>
/// Finds the local template of an AWS::CloudFormation::Stack resource: CDK's aws:asset:path metadata, else the asset
/// whose object key ends the TemplateURL (looked up in the folder's *.assets.json), else a TemplateURL that is a local path.
/// </summary>
internal sealed class NestedTemplates(string folder)
{
    private Dictionary<string, string>? _assetsByObjectKey;

    public string? Find(TemplateResource stack)
    {
        if (stack.Metadata?["aws:asset:path"] is ScalarNode { Value: { Length: > 0 } assetPath } && File.Exists(Path.Combine(folder, assetPath)))
        {
            return Path.Combine(folder, assetPath);
        }

        var url = stack.Properties["TemplateURL"];
        if (url is ScalarNode { Value: { Length: > 0 } local } && !local.Contains("://", StringComparison.Ordinal) && File.Exists(Path.Combine(folder, local)))
        {
            return Path.Combine(folder, local);
        }

        var key = Strings(url).LastOrDefault(s => s.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            return null;
        }

        key = key[(key.LastIndexOf('/') + 1)..];
        return Assets().TryGetValue(key, out var path) && File.Exists(Path.Combine(folder, path)) ? Path.Combine(folder, path) : null;
    }

    private static IEnumerable<string> Strings(TemplateNode? node) => node switch
    {
        ScalarNode { Value: { } text } => [text],
        ListNode list => list.Items.SelectMany(Strings),
        MapNode map => map.Entries.SelectMany(e => Strings(e.Value)),
        _ => [],
    };

    /// <summary>Object key → source path of every file asset in the folder's asset manifests.</summary>
    private Dictionary<string, string> Assets()
    {
        if (_assetsByObjectKey is not null)
        {
            return _assetsByObjectKey;
        }

        _assetsByObjectKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.assets.json") : [])
        {
            try
            {
                using var manifest = JsonDocument.Parse(File.ReadAllBytes(file));
                if (!manifest.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var asset in files.EnumerateObject())
                {
                    if (asset.Value.TryGetProperty("source", out var source) && source.TryGetProperty("path", out var path) && path.GetString() is { } sourcePath
                        && asset.Value.TryGetProperty("destinations", out var destinations) && destinations.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var destination in destinations.EnumerateObject())
                        {
                            if (destination.Value.TryGetProperty("objectKey", out var objectKey) && objectKey.GetString() is { } keyText)
                            {
                                _assetsByObjectKey.TryAdd(keyText, sourcePath);
                            }
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException)
            {
                // An unreadable asset manifest only means its nested templates are not found; the caller warns about those.
            }
        }

        return _assetsByObjectKey;
    }
}
