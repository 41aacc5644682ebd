using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Stacks;

/// <summary>
/// Every stack of one scan (a lone template, or each stack and nested stack of a cdk.out), with what they share:
/// the namings of resource types, the --param values, and the exports that Fn::ImportValue reads across stacks.
/// </summary>
public sealed class TemplateSet
{
    private readonly IReadOnlyDictionary<string, ResourceNaming> _namings;
    private Dictionary<string, (TemplateStack Stack, TemplateNode Value)>? _exports;
    private bool _collectingExports;

    public TemplateSet(IReadOnlyList<TemplateStack> stacks, IReadOnlyDictionary<string, ResourceNaming> namings, IReadOnlyDictionary<string, string> parameterValues)
    {
        Stacks = stacks;
        _namings = namings;
        ParameterValues = parameterValues;
        foreach (var stack in stacks)
        {
            stack.Resolver = new IntrinsicResolver(stack, this);
        }
    }

    /// <summary>Every stack, parents before their nested stacks.</summary>
    public IReadOnlyList<TemplateStack> Stacks { get; }

    /// <summary>--param values, by parameter name; they apply to every top-level stack that declares the parameter.</summary>
    public IReadOnlyDictionary<string, string> ParameterValues { get; }

    /// <summary>How Ref and Fn::GetAtt name a resource of this type.</summary>
    public ResourceNaming Naming(string type) => _namings.TryGetValue(type, out var naming) ? naming : ResourceNaming.Generic(type);

    /// <summary>The value exported under a name by any stack of the set, or an unknown saying why not.</summary>
    internal CfnValue Import(string exportName)
    {
        if (_exports is null)
        {
            if (_collectingExports)
            {
                return CfnValue.Unknown($"the export name {exportName} depends on another import");
            }

            _collectingExports = true;
            _exports = CollectExports();
            _collectingExports = false;
        }

        return _exports.TryGetValue(exportName, out var export)
            ? export.Stack.Resolver.Resolve(export.Value)
            : CfnValue.Unknown($"no stack in this scan exports {exportName}");
    }

    private Dictionary<string, (TemplateStack, TemplateNode)> CollectExports()
    {
        var exports = new Dictionary<string, (TemplateStack, TemplateNode)>(StringComparer.Ordinal);
        foreach (var stack in Stacks)
        {
            foreach (var output in stack.Document.Outputs.Entries)
            {
                if (output.Value is MapNode body && body["Export"] is MapNode export && export["Name"] is { } nameNode && body["Value"] is { } value
                    && stack.Resolver.Resolve(nameNode).Text is { } name)
                {
                    exports.TryAdd(name, (stack, value));
                }
            }
        }

        return exports;
    }
}
