using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Stacks;
using Compliance.Rules;

namespace Compliance.Checker.Templates.Mapping;

/// <summary>A resource of the scan as a mapper sees it: where it is declared, the stack it lives in, and its resolved properties.</summary>
public sealed class DeclaredResource
{
    private Props? _properties;

    internal DeclaredResource(TemplateResource resource, TemplateStack stack)
    {
        Resource = resource;
        Stack = stack;
    }

    public TemplateResource Resource { get; }
    public TemplateStack Stack { get; }
    public string LogicalId => Resource.LogicalId;
    public string Type => Resource.Type;

    /// <summary>The id the resource's record carries and references resolve to: its physical name when the template gives one, else the synthetic id.</summary>
    public string Name => Stack.Resolver.NameOf(Resource);

    /// <summary>What Ref returns for the resource, as text (always known for declared types).</summary>
    public string? RefText => Stack.Resolver.RefOf(Resource).Text;

    /// <summary>What Fn::GetAtt returns for an attribute, as text, or null when unknown.</summary>
    public string? Attribute(string name) => Stack.Resolver.AttributeOf(Resource, name).Text;

    public string AccountId => Stack.Environment.AccountId;
    public string Region => Stack.Environment.Region;
    public string Partition => Stack.Environment.Partition;

    /// <summary>The resolved Properties.</summary>
    public Props Properties => _properties ??= Stack.Resolver.Resolve(Resource.Properties) is CfnMap map ? new Props(map) : Props.Empty;

    /// <summary>Where the resource's key is written.</summary>
    public SourceLocation Location => new(Stack.Document.DisplayPath, LogicalId, Resource.Position.Line, Resource.Position.Column);

    /// <summary>"BucketName of DataBucket (template.yaml:12:3)": how warnings name a place.</summary>
    public string Describe(string? property = null) =>
        $"{(property is null ? "" : property + " of ")}{LogicalId} ({Stack.Document.DisplayPath}:{Resource.Position})";
}
