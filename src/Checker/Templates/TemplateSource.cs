using System.Reflection;
using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates.Mapping;
using Compliance.Checker.Templates.Stacks;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates;

/// <summary>
/// The template inventory source: a CloudFormation template (JSON or YAML) or a cdk.out folder, read into the same
/// inventory the live source fills. Bad input is an <see cref="InputException"/> naming the file and position.
/// </summary>
public static class TemplateSource
{
    /// <summary>Types a scan reads but never maps: nested stacks are expanded, CDK's metadata is not a resource.</summary>
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal) { "AWS::CloudFormation::Stack", "AWS::CDK::Metadata" };

    public static TemplateInventory Load(string path, TemplateOptions options) => Load(path, options, TemplateMappers.All);

    public static TemplateInventory Load(string path, TemplateOptions options, IReadOnlyList<IResourceMapper> mappers)
    {
        var warnings = new List<string>();
        var loader = new StackLoader(warnings);
        var display = StackLoader.DisplayPath(path);
        if (Directory.Exists(path))
        {
            var artifacts = CloudAssembly.Stacks(path, display);
            var duplicated = artifacts.GroupBy(a => a.StackName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            foreach (var artifact in artifacts)
            {
                var prefix = artifacts.Count == 1 ? "" : (duplicated.Contains(artifact.StackName) ? artifact.ArtifactId : artifact.StackName) + ".";
                loader.AddTopLevel(artifact.TemplateFile, artifact.StackName, prefix,
                    new StackEnvironment(artifact.AccountId ?? options.AccountId, artifact.Region ?? options.Region), artifact.Tags);
            }
        }
        else if (File.Exists(path))
        {
            loader.AddTopLevel(path, StackName(path), "", new StackEnvironment(options.AccountId, options.Region));
        }
        else
        {
            throw new InputException($"{display}: no such template file or cdk.out folder.");
        }

        var topLevel = loader.Stacks.Where(s => s.Parent is null).ToList();
        if (options.Parameters.Keys.FirstOrDefault(k => !topLevel.Any(s => s.Document.Parameters.Entry(k) is not null)) is { } undeclared)
        {
            throw new InputException($"--param {undeclared}: no template of {display} declares a parameter of that name.");
        }

        var set = new TemplateSet(loader.Stacks, TemplateMappers.Namings(mappers), options.Parameters);
        foreach (var stack in loader.Stacks.Where(s => s.Document.Transforms.Count > 0))
        {
            warnings.Add($"{stack.Document.DisplayPath}: the template uses the transform {string.Join(", ", stack.Document.Transforms)}, which is not expanded; resources it would create are not judged.");
        }

        foreach (var stack in loader.Stacks)
        {
            warnings.AddRange(stack.Document.Unexpanded.Select(u => $"{stack.Document.DisplayPath}:{u.Position}: {u.Key} is not expanded; the resources it generates are not judged."));
        }

        var context = new MappingContext(set);
        foreach (var mapper in mappers)
        {
            mapper.Map(context);
        }

        var mapped = mappers.SelectMany(m => m.MappedTypes).ToHashSet(StringComparer.Ordinal);
        return new TemplateInventory
        {
            Inventory = Inventory(context.Records, loader.Stacks),
            Locations = context.Locations,
            NotMapped = context.All.Where(r => !mapped.Contains(r.Type) && !Structural.Contains(r.Type))
                .GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Warnings = [.. warnings, .. context.Warnings],
            Files = loader.Stacks.Select(s => s.Document.DisplayPath).Distinct().ToList(),
        };
    }

    /// <summary>"templates/app.template.yaml" → "app": what AWS::StackName gives for a lone template.</summary>
    private static string StackName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.EndsWith(".template", StringComparison.OrdinalIgnoreCase) ? name[..^".template".Length] : name;
    }

    /// <summary>
    /// The inventory of the mapped records: each record goes to the AwsInventory list of its type, found by reflection so
    /// that a mapper producing a new record type needs no change here.
    /// </summary>
    private static AwsInventory Inventory(IReadOnlyList<AwsResource> records, IReadOnlyList<TemplateStack> stacks)
    {
        var inventory = new AwsInventory
        {
            AccountIds = stacks.Select(s => s.Environment.AccountId).Distinct().ToList(),
            Regions = stacks.Select(s => s.Environment.Region).Distinct().ToList(),
        };
        var placed = new HashSet<Type>();
        foreach (var list in InventoryLists)
        {
            var itemType = list.PropertyType.GetGenericArguments()[0];
            var items = Array.CreateInstance(itemType, records.Count(itemType.IsInstanceOfType));
            var i = 0;
            foreach (var record in records.Where(itemType.IsInstanceOfType))
            {
                items.SetValue(record, i++);
            }

            list.SetValue(inventory, items);
            placed.Add(itemType);
        }

        return records.FirstOrDefault(r => !placed.Contains(r.GetType())) is { } stray
            ? throw new InvalidOperationException($"AwsInventory has no list of {stray.GetType().Name}; a mapper produced a record the inventory cannot hold.")
            : inventory;
    }

    /// <summary>The AwsInventory properties that hold records: IReadOnlyList of an AwsResource type.</summary>
    private static readonly PropertyInfo[] InventoryLists = typeof(AwsInventory).GetProperties()
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            && typeof(AwsResource).IsAssignableFrom(p.PropertyType.GetGenericArguments()[0]) && p.CanWrite)
        .ToArray();
}
