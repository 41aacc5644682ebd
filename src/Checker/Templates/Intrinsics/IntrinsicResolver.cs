using Compliance.Checker.Templates.Model;
using Compliance.Checker.Templates.Stacks;

namespace Compliance.Checker.Templates.Intrinsics;

/// <summary>
/// Evaluates one stack's intrinsic functions, pseudo parameters, parameters and conditions. A reference to a
/// resource of the same template (or, through Fn::ImportValue and nested-stack outputs, of the same scan) resolves
/// to the id the resource's inventory record carries; what only deployment can tell becomes <see cref="CfnUnknown"/>.
/// </summary>
public sealed partial class IntrinsicResolver
{
    private const int MaxDepth = 200;
    private readonly TemplateStack _stack;
    private readonly TemplateSet _set;
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool?> _conditions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _depth;

    internal IntrinsicResolver(TemplateStack stack, TemplateSet set)
    {
        _stack = stack;
        _set = set;
    }

    /// <summary>The value of a node with every intrinsic function evaluated.</summary>
    public CfnValue Resolve(TemplateNode node)
    {
        if (++_depth > MaxDepth)
        {
            _depth--;
            return CfnValue.Unknown("the value nests too deeply to evaluate");
        }

        try
        {
            return node switch
            {
                ScalarNode { Kind: ScalarKind.Null } => CfnNull.Instance,
                ScalarNode scalar => new CfnScalar(scalar.Text),
                ListNode list => new CfnList(list.Items.Select(Resolve).Where(v => v is not CfnNoValue).ToList()),
                MapNode { Entries: [var only] } map when IsFunction(only.Key) => Function(only.Key, only.Value, map),
                MapNode map => new CfnMap(map.Entries
                    .Select(e => KeyValuePair.Create(e.Key, Resolve(e.Value)))
                    .Where(e => e.Value is not CfnNoValue)
                    .ToList()),
                _ => CfnValue.Unknown("unsupported node"),
            };
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>Whether a named condition holds: true, false, or null when it depends on something unknown.</summary>
    public bool? Condition(string name)
    {
        if (_conditions.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (_stack.Document.Conditions[name] is not { } definition || !_inProgress.Add("condition:" + name))
        {
            return null;
        }

        try
        {
            return _conditions[name] = ConditionValue(definition);
        }
        finally
        {
            _inProgress.Remove("condition:" + name);
        }
    }

    /// <summary>Whether the resource is created: true without a condition, else the condition's value (null = unknown).</summary>
    public bool? IsCreated(TemplateResource resource) => resource.Condition is null ? true : Condition(resource.Condition);

    /// <summary>
    /// The resource's name as its record and every reference carry it: the physical name the template gives in the
    /// type's name property when that resolves, else the synthetic id (the logical id, prefixed in multi-stack scans).
    /// </summary>
    public string NameOf(TemplateResource resource)
    {
        if (_names.TryGetValue(resource.LogicalId, out var cached))
        {
            return cached;
        }

        var naming = _set.Naming(resource.Type);
        string? given = null;
        if (naming.NameProperty is { } property && resource.Properties[property] is { } node && _inProgress.Add("name:" + resource.LogicalId))
        {
            try
            {
                given = Resolve(node).Text;
            }
            finally
            {
                _inProgress.Remove("name:" + resource.LogicalId);
            }
        }

        return _names[resource.LogicalId] = given is { Length: > 0 } ? given : naming.SyntheticPrefix + _stack.SyntheticId(resource.LogicalId);
    }

    /// <summary>What Ref returns for a resource of this stack.</summary>
    public CfnValue RefOf(TemplateResource resource) => Format(_set.Naming(resource.Type).Ref, resource);

    /// <summary>What Fn::GetAtt returns for a resource of this stack.</summary>
    public CfnValue AttributeOf(TemplateResource resource, string attribute)
    {
        if (resource.Type == "AWS::CloudFormation::Stack" && attribute.StartsWith("Outputs.", StringComparison.Ordinal))
        {
            return _stack.Nested.TryGetValue(resource.LogicalId, out var nested)
                ? nested.Resolver.Output(attribute["Outputs.".Length..])
                : CfnValue.Unknown($"the template of nested stack {resource.LogicalId} is not part of this scan");
        }

        return _set.Naming(resource.Type).Attributes.TryGetValue(attribute, out var format)
            ? Format(format, resource)
            : CfnValue.Unknown($"{resource.LogicalId}.{attribute} is known only after deployment");
    }

    /// <summary>The value of one of this stack's outputs.</summary>
    public CfnValue Output(string name)
    {
        if (_stack.Document.Outputs[name] is not MapNode { } output || output["Value"] is not { } value)
        {
            return CfnValue.Unknown($"stack {_stack.StackName} has no output {name}");
        }

        return Guarded("output:" + name, () => Resolve(value));
    }

    private bool? ConditionValue(TemplateNode node)
    {
        if (node is MapNode { Entries: [{ Key: "Condition", Value: ScalarNode { Value: { } other } }] })
        {
            return Condition(other);
        }

        return Resolve(node).Text switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
    }

    private CfnValue Guarded(string key, Func<CfnValue> evaluate)
    {
        if (!_inProgress.Add(key))
        {
            return CfnValue.Unknown($"circular reference through {key}");
        }

        try
        {
            return evaluate();
        }
        finally
        {
            _inProgress.Remove(key);
        }
    }

    private static bool IsFunction(string key) => key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal);
}
