using System.Text;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Intrinsics;

/// <summary>Ref and Fn::GetAtt targets: pseudo parameters, parameters, resources, and the naming formats.</summary>
public sealed partial class IntrinsicResolver
{
    private CfnValue Ref(string name)
    {
        switch (name)
        {
            case "AWS::AccountId": return CfnValue.Of(_stack.Environment.AccountId);
            case "AWS::Region": return CfnValue.Of(_stack.Environment.Region);
            case "AWS::Partition": return CfnValue.Of(_stack.Environment.Partition);
            case "AWS::URLSuffix": return CfnValue.Of(_stack.Environment.UrlSuffix);
            case "AWS::StackName": return CfnValue.Of(_stack.StackName);
            case "AWS::StackId":
                return CfnValue.Of($"arn:{_stack.Environment.Partition}:cloudformation:{_stack.Environment.Region}:{_stack.Environment.AccountId}:stack/{_stack.StackName}/00000000-0000-0000-0000-000000000000");
            case "AWS::NoValue": return CfnNoValue.Instance;
            case "AWS::NotificationARNs": return CfnValue.Unknown("AWS::NotificationARNs is set at deployment");
        }

        if (_stack.Document.Parameters[name] is MapNode parameter)
        {
            return Guarded("parameter:" + name, () => Parameter(name, parameter));
        }

        if (_stack.Document.Resource(name) is { } resource)
        {
            return IsCreated(resource) == false
                ? CfnValue.Unknown($"{name} is not created (its condition {resource.Condition} is false)")
                : Guarded("ref:" + name, () => RefOf(resource));
        }

        return CfnValue.Unknown($"Ref to {name}, which the template does not declare");
    }

    private CfnValue GetAtt(string logicalId, string attribute)
    {
        if (_stack.Document.Resource(logicalId) is not { } resource)
        {
            return CfnValue.Unknown($"Fn::GetAtt of {logicalId}, which the template does not declare");
        }

        return IsCreated(resource) == false
            ? CfnValue.Unknown($"{logicalId} is not created (its condition {resource.Condition} is false)")
            : Guarded($"getatt:{logicalId}.{attribute}", () => AttributeOf(resource, attribute));
    }

    /// <summary>
    /// A parameter's value: what the parent stack passes (nested stacks), else --param, else the Default.
    /// SSM-typed parameters are read from Parameter Store at deployment, so their Default (a parameter name) is not the value.
    /// </summary>
    private CfnValue Parameter(string name, MapNode declaration)
    {
        var type = (declaration["Type"] as ScalarNode)?.Text ?? "String";
        CfnValue value;
        if (_stack.Parent is { } parent)
        {
            value = _stack.PassedParameter(name) is { } passed ? parent.Resolver.Resolve(passed)
                : declaration["Default"] is { } nestedDefault ? Resolve(nestedDefault)
                : CfnValue.Unknown($"parameter {name} of nested stack {_stack.StackName} is neither passed nor defaulted");
        }
        else if (_set.ParameterValues.TryGetValue(name, out var given))
        {
            value = CfnValue.Of(given);
        }
        else if (type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal))
        {
            return CfnValue.Unknown($"parameter {name} is read from SSM Parameter Store at deployment (pass --param {name}=VALUE to judge a value)");
        }
        else if (declaration["Default"] is { } fallback)
        {
            value = Resolve(fallback);
        }
        else
        {
            return CfnValue.Unknown($"parameter {name} has no default (pass --param {name}=VALUE)");
        }

        var isList = type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
            || type.StartsWith("AWS::SSM::Parameter::Value<List<", StringComparison.Ordinal)
            || type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
        return isList && value.Text is { } text
            ? new CfnList(text.Split(',').Select(item => (CfnValue)new CfnScalar(item.Trim())).ToList())
            : value;
    }

    /// <summary>Expands a naming format: {name}, {partition}, {region}, {account}, {urlSuffix}, {prop:X}.</summary>
    private CfnValue Format(string format, TemplateResource resource)
    {
        if (format.StartsWith("{prop:", StringComparison.Ordinal) && format.EndsWith('}') && format.IndexOf('}', StringComparison.Ordinal) == format.Length - 1)
        {
            return Property(resource, format[6..^1]);
        }

        var text = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(format, i, format.Length - i);
                break;
            }

            var close = format.IndexOf('}', open);
            text.Append(format, i, open - i);
            var placeholder = format[(open + 1)..close];
            var value = placeholder switch
            {
                "name" => CfnValue.Of(NameOf(resource)),
                "partition" => CfnValue.Of(_stack.Environment.Partition),
                "region" => CfnValue.Of(_stack.Environment.Region),
                "account" => CfnValue.Of(_stack.Environment.AccountId),
                "urlSuffix" => CfnValue.Of(_stack.Environment.UrlSuffix),
                _ when placeholder.StartsWith("prop:", StringComparison.Ordinal) => Property(resource, placeholder[5..]),
                _ => CfnValue.Unknown($"unknown naming placeholder {placeholder}"),
            };
            if (value.Text is not { } part)
            {
                return value.IsKnown ? CfnValue.Unknown($"{resource.LogicalId}: {placeholder} is not a single value") : value;
            }

            text.Append(part);
            i = close + 1;
        }

        return CfnValue.Of(text.ToString());
    }

    /// <summary>A property's value for {prop:X}; {prop:X|default} gives the default when X is not set (an IAM Path is "/").</summary>
    private CfnValue Property(TemplateResource resource, string spec)
    {
        var bar = spec.IndexOf('|', StringComparison.Ordinal);
        var name = bar < 0 ? spec : spec[..bar];
        var value = resource.Properties[name] is { } node
            ? Guarded($"property:{resource.LogicalId}.{name}", () => Resolve(node))
            : null;
        return value is not (null or CfnNoValue) ? value
            : bar >= 0 ? CfnValue.Of(spec[(bar + 1)..])
            : value ?? CfnValue.Unknown($"{resource.LogicalId} does not set {name}, so its value is chosen at deployment");
    }
}
