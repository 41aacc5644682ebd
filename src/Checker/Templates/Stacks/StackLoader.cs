using Compliance.Checker.Templates.Reading;

namespace Compliance.Checker.Templates.Stacks;

/// <summary>Reads top-level templates and, recursively, the nested stacks whose templates are local files.</summary>
internal sealed class StackLoader(List<string> warnings)
{
    private const string NestedStackType = "AWS::CloudFormation::Stack";
    private readonly List<TemplateStack> _stacks = [];
    private readonly Dictionary<string, NestedTemplates> _nestedByFolder = new(StringComparer.Ordinal);

    /// <summary>Every stack read so far, parents before their nested stacks.</summary>
    public IReadOnlyList<TemplateStack> Stacks => _stacks;

    public void AddTopLevel(string file, string stackName, string idPrefix, StackEnvironment environment, IReadOnlyDictionary<string, string>? stackTags = null)
    {
        var stack = new TemplateStack(TemplateReader.ReadFile(file, DisplayPath(file)), stackName, idPrefix, environment) { StackTags = stackTags ?? new Dictionary<string, string>() };
        _stacks.Add(stack);
        AddNested(stack, Path.GetDirectoryName(Path.GetFullPath(file))!, [Path.GetFullPath(file)]);
    }

    /// <summary>
    /// A path as findings and messages name it: relative to the working directory with forward slashes, or the full
    /// path when the file lies outside it.
    /// </summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        var outside = Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return (outside ? full : relative).Replace('\\', '/');
    }

    private void AddNested(TemplateStack parent, string folder, List<string> chain)
    {
        foreach (var resource in parent.Document.Resources.Where(r => r.Type == NestedStackType))
        {
            if (!_nestedByFolder.TryGetValue(folder, out var finder))
            {
                _nestedByFolder[folder] = finder = new NestedTemplates(folder);
            }

            var file = finder.Find(resource);
            if (file is null)
            {
                warnings.Add($"{parent.Document.DisplayPath}:{resource.Position}: the template of nested stack {resource.LogicalId} is not a local file of this scan; its resources are not judged.");
                continue;
            }

            var full = Path.GetFullPath(file);
            if (chain.Contains(full))
            {
                warnings.Add($"{parent.Document.DisplayPath}:{resource.Position}: nested stack {resource.LogicalId} includes its own ancestor {DisplayPath(file)}; not followed.");
                continue;
            }

            var nested = new TemplateStack(TemplateReader.ReadFile(file, DisplayPath(file)), $"{parent.StackName}-{resource.LogicalId}",
                $"{parent.IdPrefix}{resource.LogicalId}.", parent.Environment, parent, resource);
            parent.AddNested(resource.LogicalId, nested);
            _stacks.Add(nested);
            AddNested(nested, Path.GetDirectoryName(full)!, [.. chain, full]);
        }
    }
}
