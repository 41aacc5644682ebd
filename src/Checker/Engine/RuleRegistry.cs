using System.Reflection;
using System.Runtime.Loader;
using Compliance.Rules;

namespace Compliance.Checker.Engine;

/// <summary>The rules available to a scan: the built-in pack plus plugin assemblies from configured folders.</summary>
public sealed class RuleRegistry
{
    private readonly Dictionary<string, IComplianceRule> _byId;

    private RuleRegistry(IReadOnlyList<IComplianceRule> rules)
    {
        Rules = rules;
        _byId = rules.ToDictionary(r => r.Descriptor.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every rule, ordered by id.</summary>
    public IReadOnlyList<IComplianceRule> Rules { get; }

    /// <summary>A rule by id (case-insensitive), or null.</summary>
    public IComplianceRule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A registry of exactly these rules (a narrowed selection).</summary>
    public static RuleRegistry FromRules(IEnumerable<IComplianceRule> rules) =>
        new(rules.OrderBy(r => r.Descriptor.Id, RuleIdComparer.Instance).ToList());

    /// <summary>The built-in rule pack.</summary>
    public static RuleRegistry BuiltIn() => FromAssemblies([typeof(RuleIds).Assembly]);

    /// <summary>The built-in pack plus every rule in the *.dll files of <paramref name="pluginFolders"/>.</summary>
    /// <exception cref="RuleRegistryException">A folder is missing, an assembly cannot be loaded, or two rules share an id.</exception>
    public static RuleRegistry Load(IEnumerable<string> pluginFolders)
    {
        var assemblies = new List<Assembly> { typeof(RuleIds).Assembly };
        foreach (var folder in pluginFolders)
        {
            if (!Directory.Exists(folder))
            {
                throw new RuleRegistryException($"Rules path '{folder}' does not exist.");
            }

            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(dll).Equals("Compliance.Rules.dll", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // the contract assembly is shared with the host, never loaded twice
                }

                try
                {
                    assemblies.Add(AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(dll)));
                }
                catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException)
                {
                    throw new RuleRegistryException($"Cannot load rule plugin '{dll}': {ex.Message}");
                }
            }
        }

        return FromAssemblies(assemblies);
    }

    /// <summary>Discovers every concrete <see cref="IComplianceRule"/> with a public parameterless constructor.</summary>
    /// <exception cref="RuleRegistryException">Two rules share an id, or a rule cannot be created.</exception>
    public static RuleRegistry FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        var rules = new List<(IComplianceRule Rule, string Origin)>();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in LoadableTypes(assembly).Where(IsRuleType).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                IComplianceRule rule;
                try
                {
                    rule = (IComplianceRule)Activator.CreateInstance(type)!;
                }
                catch (Exception ex)
                {
                    throw new RuleRegistryException($"Cannot create rule {type.FullName} from {assembly.GetName().Name}: {(ex.InnerException ?? ex).Message}");
                }

                rules.Add((rule, $"{type.FullName} in {assembly.GetName().Name}"));
            }
        }

        var duplicates = rules.GroupBy(r => r.Rule.Descriptor.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            var detail = string.Join("; ", duplicates.Select(g => $"{g.Key} is declared by {string.Join(" and ", g.Select(r => r.Origin))}"));
            throw new RuleRegistryException($"Duplicate rule id: {detail}. Rule ids must be unique; rename or remove one of the rules.");
        }

        return new RuleRegistry(rules.Select(r => r.Rule).OrderBy(r => r.Descriptor.Id, RuleIdComparer.Instance).ToList());
    }

    private static bool IsRuleType(Type type) =>
        type is { IsClass: true, IsAbstract: false } && typeof(IComplianceRule).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            throw new RuleRegistryException($"Cannot read the types of rule plugin {assembly.GetName().Name}: {ex.LoaderExceptions.FirstOrDefault()?.Message}");
        }
    }
}

/// <summary>The rule set cannot be assembled; the scan must not start.</summary>
public sealed class RuleRegistryException(string message) : Exception(message);
