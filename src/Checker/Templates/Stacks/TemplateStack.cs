using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Stacks;

/// <summary>
/// One stack of a scan: its template, the account and region it is judged in, the prefix that makes its
/// resource ids unique across stacks, and for a nested stack the parent that passes its parameters.
/// </summary>
public sealed class TemplateStack
{
    private readonly Dictionary<string, TemplateStack> _nested = new(StringComparer.Ordinal);

    public TemplateStack(TemplateDocument document, string stackName, string idPrefix, StackEnvironment environment, TemplateStack? parent = null, TemplateResource? parentResource = null)
    {
        Document = document;
        StackName = stackName;
        IdPrefix = idPrefix;
        Environment = environment;
        Parent = parent;
        ParentResource = parentResource;
    }

    /// <summary>The template.</summary>
    public TemplateDocument Document { get; }

    /// <summary>What AWS::StackName gives.</summary>
    public string StackName { get; }

    /// <summary>"" for a lone template, else "StackName." (nested: "Parent.NestedLogicalId.").</summary>
    public string IdPrefix { get; }

    public StackEnvironment Environment { get; }

    /// <summary>
    /// Stack-level tags of a cdk.out stack (its manifest's tags), which CloudFormation applies to every taggable resource
    /// of the stack and its nested stacks; empty for a lone template, whose stack tags are given at deployment.
    /// </summary>
    public IReadOnlyDictionary<string, string> StackTags
    {
        get => Parent?.StackTags ?? field;
        init;
    } = new Dictionary<string, string>();

    /// <summary>The stack that declares this one as an AWS::CloudFormation::Stack, if nested.</summary>
    public TemplateStack? Parent { get; }

    /// <summary>The parent's AWS::CloudFormation::Stack resource, if nested.</summary>
    public TemplateResource? ParentResource { get; }

    /// <summary>Nested stacks by the logical id of their AWS::CloudFormation::Stack resource here.</summary>
    public IReadOnlyDictionary<string, TemplateStack> Nested => _nested;

    /// <summary>Resolves this stack's intrinsic functions; set by the <see cref="TemplateSet"/>.</summary>
    public IntrinsicResolver Resolver { get; internal set; } = null!;

    /// <summary>The synthetic id of a logical id: unique across every stack of the scan.</summary>
    public string SyntheticId(string logicalId) => IdPrefix + logicalId;

    internal void AddNested(string logicalId, TemplateStack stack) => _nested[logicalId] = stack;

    /// <summary>The value the parent passes for one of this stack's parameters, as written in the parent.</summary>
    internal TemplateNode? PassedParameter(string name) =>
        ParentResource?.Properties["Parameters"] is MapNode passed ? passed[name] : null;
}
