using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules;

/// <summary>What a rule sees: the inventory and its own parameter values.</summary>
public sealed class RuleContext
{
    private readonly RuleDescriptor _descriptor;
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly Lazy<InventoryIndex> _index;

    /// <summary>Creates a context for one rule.</summary>
    /// <param name="inventory">The inventory to judge.</param>
    /// <param name="descriptor">The rule's descriptor, whose parameter defaults apply.</param>
    /// <param name="overrides">Parameter values that replace the defaults, by name.</param>
    /// <param name="index">Lookups over the inventory, shared by the rules of one evaluation; built on first use when not given.</param>
    /// <param name="fromTemplate">True when the inventory was read from a CloudFormation template rather than an account.</param>
    public RuleContext(AwsInventory inventory, RuleDescriptor descriptor, IReadOnlyDictionary<string, string>? overrides = null, InventoryIndex? index = null, bool fromTemplate = false)
    {
        Inventory = inventory;
        FromTemplate = fromTemplate;
        _index = index is null ? new Lazy<InventoryIndex>(() => new InventoryIndex(inventory)) : new Lazy<InventoryIndex>(index);
        _descriptor = descriptor;
        _overrides = overrides ?? new Dictionary<string, string>();
    }

    /// <summary>The inventory to judge.</summary>
    public AwsInventory Inventory { get; }

    /// <summary>
    /// True when the inventory came from a CloudFormation template: it holds what the template declares, not what the
    /// account has. A rule about the whole account or Region (a detector or recorder in every Region, a trail for the
    /// account) then judges what the template declares and reports NOT_APPLICABLE where it declares nothing, since the
    /// account may well have it; the live scan decides.
    /// </summary>
    public bool FromTemplate { get; }

    /// <summary>Lookups over the inventory (keys, buckets, log groups, subnets).</summary>
    public InventoryIndex Index => _index.Value;

    /// <summary>A parameter's value as text: the override if given, else the default.</summary>
    /// <exception cref="ArgumentException">The rule declares no parameter of that name.</exception>
    public string Parameter(string name)
    {
        var declared = _descriptor.Parameters.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"Rule {_descriptor.Id} declares no parameter '{name}'.", nameof(name));
        return _overrides.TryGetValue(name, out var value) ? value : declared.DefaultValue;
    }

    /// <summary>A whole-number parameter.</summary>
    public int IntParameter(string name) => int.Parse(Parameter(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A comma-separated list parameter, trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> ListParameter(string name) =>
        Parameter(name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
