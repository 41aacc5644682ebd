using Compliance.Checker.Templates.Stacks;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mapping;

/// <summary>
/// What the mappers share in one scan: every declared resource that is created (a resource whose condition is
/// known false is left out), the records added so far with where they are declared, and the warnings.
/// </summary>
public sealed class MappingContext
{
    private readonly List<DeclaredResource> _declared = [];
    private readonly Dictionary<string, Dictionary<string, DeclaredResource>> _byReference = new(StringComparer.Ordinal);
    private readonly List<AwsResource> _records = [];
    private readonly Dictionary<(string Type, string Id), SourceLocation> _locations = [];
    private readonly List<string> _warnings = [];

    /// <summary>
    /// Taggable resources whose CloudFormation type has no Tags property: their tags are set outside the template
    /// (TagPolicy, TagResource), so a template leaves them unknown.
    /// </summary>
    private static readonly HashSet<string> NoTagsProperty = new(StringComparer.Ordinal) { "AWS::IAM::ManagedPolicy", "AWS::Events::Rule" };

    /// <summary>Types CloudFormation cannot tag (no Tags property), so stack tags do not reach them.</summary>
    private static readonly HashSet<string> NoStackTags = new(StringComparer.Ordinal)
    {
        "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy",
        "AWS::Events::Rule", "AWS::Lambda::Permission", "AWS::Lambda::Url", "AWS::SNS::TopicPolicy", "AWS::S3::BucketPolicy",
    };

    internal MappingContext(TemplateSet set)
    {
        foreach (var stack in set.Stacks.Where(IsCreated))
        {
            foreach (var resource in stack.Document.Resources)
            {
                switch (stack.Resolver.IsCreated(resource))
                {
                    case false:
                        continue;
                    case null:
                        _warnings.Add($"{stack.Document.DisplayPath}:{resource.Position}: the condition {resource.Condition} of {resource.LogicalId} cannot be evaluated from the template; it is judged as if created.");
                        break;
                }

                _declared.Add(new DeclaredResource(resource, stack));
            }
        }
    }

    /// <summary>A nested stack exists when its AWS::CloudFormation::Stack resource is created (unknown counts as created).</summary>
    private static bool IsCreated(TemplateStack stack) =>
        stack.Parent is not { } parent || (parent.Resolver.IsCreated(stack.ParentResource!) != false && IsCreated(parent));

    /// <summary>Every created resource of every stack, in declaration order.</summary>
    public IReadOnlyList<DeclaredResource> All => _declared;

    /// <summary>The records added so far.</summary>
    public IReadOnlyList<AwsResource> Records => _records;

    /// <summary>Where each record is declared, by (resource type, id).</summary>
    public IReadOnlyDictionary<(string Type, string Id), SourceLocation> Locations => _locations;

    /// <summary>What the mappers could not judge, and why.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The created resources of one type, in declaration order.</summary>
    public IEnumerable<DeclaredResource> Resources(string type) => _declared.Where(r => r.Type == type);

    /// <summary>
    /// The declared resource of <paramref name="type"/> that a reference names: its name, what Ref returns for it, or its
    /// ARN, as a Ref, Fn::GetAtt or Fn::ImportValue resolved it. Null for null, or for a resource outside the scan.
    /// </summary>
    public DeclaredResource? Find(string type, string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        if (!_byReference.TryGetValue(type, out var index))
        {
            index = new Dictionary<string, DeclaredResource>(StringComparer.Ordinal);
            foreach (var resource in Resources(type))
            {
                foreach (var key in new[] { resource.Name, resource.RefText, resource.Attribute("Arn") })
                {
                    if (key is not null)
                    {
                        index.TryAdd(key, resource);
                    }
                }
            }

            _byReference[type] = index;
        }

        return index.GetValueOrDefault(reference);
    }

    /// <summary>
    /// Adds a record, located at the resource that declares it. When the declaring resource's Tags hold a value the
    /// template cannot decide, the record's tags are unknown (<see cref="AwsResource.TagsUnknown"/>), not missing.
    /// </summary>
    public void Add(AwsResource record, DeclaredResource declaredAt)
    {
        if ((declaredAt.Properties["Tags"] is { IsKnown: false } || NoTagsProperty.Contains(declaredAt.Type)) && !record.TagsUnknown)
        {
            record = record with { TagsUnknown = true };
        }
        else if (declaredAt.Stack.StackTags.Count > 0 && !record.TagsUnknown && !NoStackTags.Contains(declaredAt.Type))
        {
            // CloudFormation applies stack tags to the taggable resources it creates; a resource's own tag of the same key wins.
            var tags = new Dictionary<string, string>(declaredAt.Stack.StackTags, StringComparer.Ordinal);
            foreach (var (key, value) in record.Tags)
            {
                tags[key] = value;
            }

            record = record with { Tags = tags };
        }

        _records.Add(record);
        if (!_locations.TryAdd((record.ResourceType, record.Id), declaredAt.Location))
        {
            var first = _locations[(record.ResourceType, record.Id)];
            _warnings.Add($"{declaredAt.Stack.Document.DisplayPath}:{declaredAt.Resource.Position}: {declaredAt.LogicalId} and {first.LogicalId} ({first.File}:{first.Line}:{first.Column}) "
                + $"both declare the {record.ResourceType} {record.Id}; CloudFormation cannot create two with one name, and findings on it point at the first.");
        }
    }

    /// <summary>
    /// Locates findings on a subject that has no record of its own, such as an inline policy (AWS::IAM::Policy
    /// "role/R/P"), at the resource that declares it; the first declaration wins.
    /// </summary>
    public void Locate(string type, string id, DeclaredResource declaredAt) => _locations.TryAdd((type, id), declaredAt.Location);

    /// <summary>Records that a resource (or part of one) is not judged, and why; listed as a warning.</summary>
    public void NotJudged(DeclaredResource resource, string reason) =>
        _warnings.Add($"{resource.Stack.Document.DisplayPath}:{resource.Resource.Position}: {resource.Type} {resource.LogicalId} is not judged: {reason}.");

    /// <summary>Adds a warning.</summary>
    public void Warn(string message) => _warnings.Add(message);
}
