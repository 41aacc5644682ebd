using System.Text.Json;
using Compliance.Checker.Json;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Templates.Stacks;

/// <summary>One CloudFormation stack a cdk.out manifest lists.</summary>
/// <param name="StackName">The deployed stack name (properties.stackName, else the artifact id).</param>
/// <param name="ArtifactId">The artifact id, unique within its assembly.</param>
/// <param name="TemplateFile">The template's full path.</param>
/// <param name="AccountId">The account of the stack's environment, or null when it is environment-agnostic.</param>
/// <param name="Region">The region of the stack's environment, or null when it is environment-agnostic.</param>
/// <param name="Tags">The stack-level tags (properties.tags; CDK's Tags.of on a stack or the app), which CloudFormation applies to the stack's taggable resources.</param>
public sealed record StackArtifact(string StackName, string ArtifactId, string TemplateFile, string? AccountId, string? Region, IReadOnlyDictionary<string, string>? Tags = null);

/// <summary>Reads a cdk.out folder: its manifest.json lists the stacks; nested assemblies (CDK stages) are followed.</summary>
internal static class CloudAssembly
{
    public const string ManifestFile = "manifest.json";

    public static IReadOnlyList<StackArtifact> Stacks(string folder, string displayFolder)
    {
        var stacks = new List<StackArtifact>();
        Read(folder, displayFolder, stacks, depth: 0);
        return stacks.Count > 0
            ? stacks
            : throw new InputException($"{displayFolder}/{ManifestFile}: the cloud assembly lists no CloudFormation stack.");
    }

    private static void Read(string folder, string displayFolder, List<StackArtifact> stacks, int depth)
    {
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new InputException($"{displayFolder}: not a cdk.out folder: {ManifestFile} is missing (synthesize the app first, e.g. `cdk synth`).");
        }

        JsonDocument manifest;
        try
        {
            manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        }
        catch (JsonException ex)
        {
            throw new InputException($"{displayFolder}/{ManifestFile}: invalid JSON{JsonErrors.Where(ex)}: {JsonErrors.Reason(ex)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{displayFolder}/{ManifestFile}: cannot read the manifest: {ex.Message}");
        }

        using (manifest)
        {
            if (!manifest.RootElement.TryGetProperty("artifacts", out var artifacts) || artifacts.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var artifact in artifacts.EnumerateObject())
            {
                var type = Text(artifact.Value, "type");
                var properties = artifact.Value.TryGetProperty("properties", out var p) ? p : default;
                if (type == "aws:cloudformation:stack" && properties.ValueKind == JsonValueKind.Object && Text(properties, "templateFile") is { } template)
                {
                    var (account, region) = Environment(Text(artifact.Value, "environment"));
                    var tags = properties.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object
                        ? t.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String).ToDictionary(e => e.Name, e => e.Value.GetString()!, StringComparer.Ordinal)
                        : null;
                    stacks.Add(new StackArtifact(Text(properties, "stackName") ?? artifact.Name, artifact.Name, Path.Combine(folder, template), account, region, tags));
                }
                else if (type == "cdk:cloud-assembly" && depth < 8 && properties.ValueKind == JsonValueKind.Object && Text(properties, "directoryName") is { } directory)
                {
                    Read(Path.Combine(folder, directory), $"{displayFolder}/{directory}", stacks, depth + 1);
                }
            }
        }
    }

    /// <summary>"aws://123456789012/eu-west-1" → its account and region; CDK writes unknown-account/unknown-region for agnostic stacks.</summary>
    private static (string? Account, string? Region) Environment(string? environment)
    {
        var parts = environment is not null && environment.StartsWith("aws://", StringComparison.Ordinal) ? environment[6..].Split('/') : [];
        return parts.Length == 2
            ? (parts[0] is "unknown-account" or "" ? null : parts[0], parts[1] is "unknown-region" or "" ? null : parts[1])
            : (null, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
