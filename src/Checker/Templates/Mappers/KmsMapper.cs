using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Customer managed KMS keys and their aliases. A new key is Enabled unless Enabled is false; KeySpec defaults to
/// SYMMETRIC_DEFAULT, Origin to AWS_KMS, EnableKeyRotation to false; without a KeyPolicy, KMS attaches its default
/// policy (the account root may do everything). Its key id is the synthetic id, so a Ref to the key, its ARN and
/// its aliases all resolve to it (InventoryIndex.ResolveKey).
/// </summary>
public sealed class KmsMapper : IResourceMapper
{
    private const string AliasType = "AWS::KMS::Alias";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.KmsKey, AliasType];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.KmsKey,
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:kms:{region}:{account}:key/{name}", ["KeyId"] = "{name}" },
        },
        new() { Type = AliasType, NameProperty = "AliasName" },
    ];

    public void Map(MappingContext context)
    {
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var alias in context.Resources(AliasType))
        {
            var p = alias.Properties;
            var target = p.String("TargetKeyId");
            var key = context.Find(ResourceTypes.KmsKey, target);
            if (key is null || p.String("AliasName") is not { } name)
            {
                context.NotJudged(alias, $"its key {target ?? "(unknown)"} is not declared in this scan, or its name cannot be decided");
                continue;
            }

            if (!aliases.TryGetValue(key.Name, out var list))
            {
                aliases[key.Name] = list = [];
            }

            list.Add(name);
        }

        foreach (var key in context.Resources(ResourceTypes.KmsKey))
        {
            var p = key.Properties;
            var enabled = p.Bool("Enabled", absent: true);
            string? problem = null;
            var policy = p.Has("KeyPolicy") ? p.Policy("KeyPolicy", out problem) : DefaultPolicy(key);
            if (p.Has("KeyPolicy") && policy is null)
            {
                context.Warn($"{key.Stack.Document.DisplayPath}:{key.Resource.Position}: the key policy of {key.LogicalId} is unknown: {problem}.");
            }

            context.Add(new KmsKey
            {
                Id = key.Name, Region = key.Region, AccountId = key.AccountId, Tags = p.Tags(),
                Arn = key.Attribute("Arn"),
                KeyManager = "CUSTOMER",
                KeyState = enabled switch { true => "Enabled", false => "Disabled", null => null },
                KeySpec = p.String("KeySpec", absent: "SYMMETRIC_DEFAULT"),
                Origin = p.String("Origin", absent: "AWS_KMS"),
                RotationEnabled = p.Bool("EnableKeyRotation", absent: false),
                Policy = policy,
                Aliases = aliases.GetValueOrDefault(key.Name) ?? [],
            }, key);
        }
    }

    private static PolicyDocument DefaultPolicy(DeclaredResource key) => new("2012-10-17",
    [
        new PolicyStatement
        {
            Sid = "Enable IAM User Permissions",
            Effect = "Allow",
            Principal = new PolicyPrincipal(false, new Dictionary<string, IReadOnlyList<string>> { ["AWS"] = [$"arn:{key.Partition}:iam::{key.AccountId}:root"] }),
            Actions = ["kms:*"],
            Resources = ["*"],
        },
    ]);
}
