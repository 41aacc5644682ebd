using System.Globalization;
using System.Text;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Intrinsics;

/// <summary>The intrinsic functions themselves.</summary>
public sealed partial class IntrinsicResolver
{
    private CfnValue Function(string name, TemplateNode argument, MapNode call) => name switch
    {
        "Ref" => Resolve(argument).Text is { } target ? Ref(target) : CfnValue.Unknown("Ref needs a name"),
        "Fn::GetAtt" => GetAtt(argument),
        "Fn::Sub" => Sub(argument),
        "Fn::Join" => Join(argument),
        "Fn::Select" => Select(argument),
        "Fn::Split" => Split(argument),
        "Fn::If" => If(argument),
        "Fn::FindInMap" => FindInMap(argument),
        "Fn::Equals" => Equals(argument),
        "Fn::And" => Logic(argument, all: true),
        "Fn::Or" => Logic(argument, all: false),
        "Fn::Not" => Args(argument, 1) is [var operand] && ConditionValue(operand) is { } value ? CfnValue.Bool(!value) : Unresolved(name, argument),
        "Fn::Contains" => Contains(argument),
        "Fn::Base64" => Resolve(argument) is { Text: { } text } ? CfnValue.Of(Convert.ToBase64String(Encoding.UTF8.GetBytes(text))) : Unresolved(name, argument),
        "Fn::ImportValue" => Resolve(argument) is { Text: { } export } ? _set.Import(export) : Unresolved(name, argument),
        "Fn::Length" => Resolve(argument) is CfnList list ? CfnValue.Of(list.Items.Count.ToString(CultureInfo.InvariantCulture)) : Unresolved(name, argument),
        "Fn::ToJsonString" => Resolve(argument) is { IsKnown: true } value && value.ToJson() is { } json ? CfnValue.Of(json.ToJsonString()) : Unresolved(name, argument),
        "Fn::GetAZs" => CfnValue.Unknown("Fn::GetAZs: the Availability Zones of the account's region are known only at deployment"),
        "Fn::Cidr" => CfnValue.Unknown("Fn::Cidr is not evaluated"),
        _ => CfnValue.Unknown($"{name} is not evaluated ({call.Position})"),
    };

    private CfnValue GetAtt(TemplateNode argument)
    {
        var parts = argument switch
        {
            ScalarNode { Value: { } text } when text.Contains('.') => [text[..text.IndexOf('.')], text[(text.IndexOf('.') + 1)..]],
            ListNode { Items: [var resource, var attribute] } => new[] { Resolve(resource).Text, Resolve(attribute).Text },
            _ => [],
        };
        return parts is [{ } logicalId, { } attributeName] ? GetAtt(logicalId, attributeName) : CfnValue.Unknown("Fn::GetAtt needs a resource and an attribute");
    }

    private CfnValue Sub(TemplateNode argument)
    {
        var (template, variables) = argument switch
        {
            ScalarNode s => (s.Text, (MapNode?)null),
            ListNode { Items: [ScalarNode s, MapNode vars] } => (s.Text, vars),
            _ => ((string?)null, (MapNode?)null),
        };
        if (template is null)
        {
            return CfnValue.Unknown("Fn::Sub needs a string, or a string and a map of variables");
        }

        var text = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("${", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template[(open + 2)..close];
            if (name.StartsWith('!'))
            {
                text.Append("${").Append(name[1..]).Append('}');
            }
            else
            {
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                var value = variables?[name] is { } variable ? Resolve(variable)
                    : dot > 0 ? GetAtt(name[..dot], name[(dot + 1)..])
                    : Ref(name);
                if (value.Text is not { } part)
                {
                    return value.IsKnown ? CfnValue.Unknown($"Fn::Sub: ${{{name}}} is not a single value") : value;
                }

                text.Append(part);
            }

            i = close + 1;
        }

        return CfnValue.Of(text.ToString());
    }

    private CfnValue Join(TemplateNode argument)
    {
        if (Args(argument, 2) is not [var delimiterNode, var listNode] || Resolve(delimiterNode).Text is not { } delimiter)
        {
            return CfnValue.Unknown("Fn::Join needs a delimiter and a list");
        }

        var list = Resolve(listNode);
        if (list is not CfnList { } items)
        {
            return list.IsKnown ? CfnValue.Unknown("Fn::Join needs a list") : list;
        }

        if (items.Items.FirstOrDefault(v => v is not CfnScalar) is { } bad)
        {
            return bad.IsKnown ? CfnValue.Unknown("Fn::Join joins only strings") : bad;
        }

        return CfnValue.Of(string.Join(delimiter, items.Items.Select(v => v.Text)));
    }

    private CfnValue Select(TemplateNode argument)
    {
        if (Args(argument, 2) is not [var indexNode, var listNode])
        {
            return CfnValue.Unknown("Fn::Select needs an index and a list");
        }

        var index = Resolve(indexNode);
        var list = Resolve(listNode);
        if (index.Text is not { } indexText || !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            return index.IsKnown ? CfnValue.Unknown("Fn::Select needs a whole-number index") : index;
        }

        return list switch
        {
            CfnList items when at < items.Items.Count => items.Items[at],
            CfnList => CfnValue.Unknown($"Fn::Select index {at} is outside the list"),
            _ => list.IsKnown ? CfnValue.Unknown("Fn::Select needs a list") : list,
        };
    }

    private CfnValue Split(TemplateNode argument)
    {
        if (Args(argument, 2) is not [var delimiterNode, var sourceNode] || Resolve(delimiterNode).Text is not { Length: > 0 } delimiter)
        {
            return CfnValue.Unknown("Fn::Split needs a delimiter and a string");
        }

        var source = Resolve(sourceNode);
        return source.Text is { } text
            ? new CfnList(text.Split(delimiter).Select(part => (CfnValue)new CfnScalar(part)).ToList())
            : source.IsKnown ? CfnValue.Unknown("Fn::Split needs a string") : source;
    }

    private CfnValue If(TemplateNode argument)
    {
        if (Args(argument, 3) is not [var conditionNode, var whenTrue, var whenFalse] || Resolve(conditionNode).Text is not { } condition)
        {
            return CfnValue.Unknown("Fn::If needs a condition name and two values");
        }

        return Condition(condition) switch
        {
            true => Resolve(whenTrue),
            false => Resolve(whenFalse),
            null => CfnValue.Unknown($"Fn::If: condition {condition} cannot be evaluated from the template"),
        };
    }

    private CfnValue FindInMap(TemplateNode argument)
    {
        var args = argument is ListNode list ? list.Items : [];
        if (args.Count is < 3 or > 4)
        {
            return CfnValue.Unknown("Fn::FindInMap needs a map name and two keys");
        }

        var keys = args.Take(3).Select(Resolve).ToList();
        if (keys.FirstOrDefault(k => k.Text is null) is { } missing)
        {
            return missing.IsKnown ? CfnValue.Unknown("Fn::FindInMap keys must be strings") : missing;
        }

        if (_stack.Document.Mappings[keys[0].Text!] is MapNode map && map[keys[1].Text!] is MapNode top && top[keys[2].Text!] is { } found)
        {
            return Resolve(found);
        }

        return args.Count == 4 && args[3] is MapNode { } options && options["DefaultValue"] is { } fallback
            ? Resolve(fallback)
            : CfnValue.Unknown($"Fn::FindInMap: {string.Join("/", keys.Select(k => k.Text))} is not in the Mappings");
    }

    private CfnValue Equals(TemplateNode argument)
    {
        if (Args(argument, 2) is not [var leftNode, var rightNode])
        {
            return CfnValue.Unknown("Fn::Equals needs two values");
        }

        var (left, right) = (Resolve(leftNode), Resolve(rightNode));
        if (!left.IsKnown || !right.IsKnown)
        {
            return left.IsKnown ? right : left;
        }

        return CfnValue.Bool(left.ToJson()?.ToJsonString() == right.ToJson()?.ToJsonString());
    }

    /// <summary>Fn::And (all) or Fn::Or (any), three-valued: a decisive known operand wins over unknown ones.</summary>
    private CfnValue Logic(TemplateNode argument, bool all)
    {
        var values = argument is ListNode list ? list.Items.Select(ConditionValue).ToList() : [];
        if (values.Count == 0)
        {
            return CfnValue.Unknown("Fn::And and Fn::Or need conditions");
        }

        if (values.Contains(!all))
        {
            return CfnValue.Bool(!all);
        }

        return values.Contains(null) ? CfnValue.Unknown("a condition depends on a value the template cannot decide") : CfnValue.Bool(all);
    }

    private CfnValue Contains(TemplateNode argument)
    {
        if (Args(argument, 2) is not [var listNode, var valueNode] || Resolve(listNode) is not CfnList { IsKnown: true } list || Resolve(valueNode).Text is not { } value)
        {
            return CfnValue.Unknown("Fn::Contains could not be evaluated");
        }

        return CfnValue.Bool(list.Items.Any(i => i.Text == value));
    }

    private static IReadOnlyList<TemplateNode> Args(TemplateNode argument, int count) =>
        argument is ListNode list && list.Items.Count == count ? list.Items : [];

    private CfnValue Unresolved(string function, TemplateNode argument) =>
        Resolve(argument) is { IsKnown: false } inner ? inner : CfnValue.Unknown($"{function} could not be evaluated");
}
