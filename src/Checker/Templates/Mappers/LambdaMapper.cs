using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Lambda functions, with the permissions (AWS::Lambda::Permission) and function URLs (AWS::Lambda::Url) of the scan
/// folded in. A function's id is its name (what Ref returns), its ARN the unqualified function ARN. Each Permission
/// becomes the statement Lambda's AddPermission writes into the function's resource policy; a function without one
/// has no policy. Every function counts, also those CDK adds for its own plumbing (custom resource providers, log
/// retention): they run code in the account like any other.
/// </summary>
public sealed class LambdaMapper : IResourceMapper
{
    private const string FunctionArn = "arn:{partition}:lambda:{region}:{account}:function:{name}";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.LambdaFunction, ResourceTypes.LambdaPermission, ResourceTypes.LambdaUrl];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.LambdaFunction, NameProperty = "FunctionName",
            Attributes = new Dictionary<string, string> { ["Arn"] = FunctionArn },
        },
        new()
        {
            Type = ResourceTypes.LambdaUrl,
            Attributes = new Dictionary<string, string>
            {
                ["FunctionUrl"] = "https://{name}.lambda-url.{region}.on.aws/",
                ["FunctionArn"] = "{prop:TargetFunctionArn}",
            },
        },
    ];

    public void Map(MappingContext context)
    {
        var statements = new Dictionary<string, List<PolicyStatement>>(StringComparer.Ordinal);
        var unknownPolicy = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in context.Resources(ResourceTypes.LambdaPermission))
        {
            var p = permission.Properties;
            if (FunctionOf(context, p.String("FunctionName")) is not { } function)
            {
                context.NotJudged(permission, p.String("FunctionName") is { } name
                    ? $"its function {name} is not declared in this scan"
                    : $"the function it applies to cannot be decided ({p.UnknownReason("FunctionName")})");
                continue;
            }

            if (Statement(p, function) is { } statement)
            {
                statements.TryAdd(function.Name, []);
                statements[function.Name].Add(statement with { Sid = permission.LogicalId });
            }
            else
            {
                unknownPolicy.Add(function.Name);
                context.NotJudged(permission, $"a value of it cannot be decided ({FirstUnknown(p, "Principal", "Action", "SourceAccount", "SourceArn", "PrincipalOrgID", "FunctionUrlAuthType", "EventSourceToken")}), so the resource policy of function {function.LogicalId} is unknown");
            }
        }

        var urls = new Dictionary<string, List<LambdaFunctionUrl>>(StringComparer.Ordinal);
        var unknownUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in context.Resources(ResourceTypes.LambdaUrl))
        {
            var p = url.Properties;
            if (FunctionOf(context, p.String("TargetFunctionArn")) is not { } function)
            {
                context.NotJudged(url, p.String("TargetFunctionArn") is { } name
                    ? $"its function {name} is not declared in this scan"
                    : $"the function it serves cannot be decided ({p.UnknownReason("TargetFunctionArn")})");
                continue;
            }

            if (p.String("AuthType") is not { } authType)
            {
                unknownUrls.Add(function.Name);
                context.NotJudged(url, $"its AuthType cannot be decided ({p.UnknownReason("AuthType") ?? "not written"}), so the function URLs of {function.LogicalId} are unknown");
                continue;
            }

            var qualifier = p.String("Qualifier");
            var arn = function.Attribute("Arn")!;
            urls.TryAdd(function.Name, []);
            urls[function.Name].Add(new LambdaFunctionUrl(url.Attribute("FunctionUrl")!, qualifier is { Length: > 0 } q ? $"{arn}:{q}" : arn, authType));
        }

        foreach (var function in context.Resources(ResourceTypes.LambdaFunction))
        {
            var p = function.Properties;
            var packageType = p.String("PackageType", absent: "Zip");
            var arn = function.Attribute("Arn");
            context.Add(new LambdaFunction
            {
                Id = function.Name, Region = function.Region, AccountId = function.AccountId, Tags = p.Tags(), Arn = arn,
                PackageType = packageType,
                Runtime = string.Equals(packageType, "Image", StringComparison.OrdinalIgnoreCase) ? p.String("Runtime", absent: "") : p.String("Runtime"),
                Architectures = p.Strings("Architectures") is { Count: > 0 } architectures ? architectures : ["x86_64"],
                VpcConfig = VpcConfig(context, p.Map("VpcConfig")),
                EnvironmentVariables = Environment(context, function),
                EnvironmentError = "",
                KmsKeyArn = p.Has("KmsKeyArn") ? p.String("KmsKeyArn") ?? "(unknown)" : null,
                Policy = unknownPolicy.Contains(function.Name) ? null
                    : statements.TryGetValue(function.Name, out var granted) ? new PolicyDocument("2012-10-17", granted) : PolicyDocument.Empty,
                FunctionUrls = unknownUrls.Contains(function.Name) ? null : urls.GetValueOrDefault(function.Name) ?? [],
            }, function);
        }
    }

    /// <summary>
    /// The function a FunctionName or TargetFunctionArn names: its name, its ARN, or either with a version or alias
    /// qualifier (a permission or URL on an alias still exposes the function's code).
    /// </summary>
    private static DeclaredResource? FunctionOf(MappingContext context, string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        if (context.Find(ResourceTypes.LambdaFunction, reference) is { } function)
        {
            return function;
        }

        // arn:aws:lambda:region:account:function:name:qualifier, or name:qualifier
        var parts = reference.Split(':');
        var unqualified = parts.Length == 8 ? string.Join(':', parts[..7]) : parts.Length == 2 ? parts[0] : null;
        return unqualified is null ? null : context.Find(ResourceTypes.LambdaFunction, unqualified);
    }

    /// <summary>The statement AddPermission writes for a Permission, or null when one of its values is unknown.</summary>
    private static PolicyStatement? Statement(Props p, DeclaredResource function)
    {
        if (p.String("Principal") is not { } principal || p.String("Action") is not { } action)
        {
            return null;
        }

        var conditions = new List<PolicyCondition>();
        foreach (var (property, @operator, key) in new[]
        {
            ("SourceAccount", "StringEquals", "AWS:SourceAccount"),
            ("SourceArn", "ArnLike", "AWS:SourceArn"),
            ("PrincipalOrgID", "StringEquals", "aws:PrincipalOrgID"),
            ("FunctionUrlAuthType", "StringEquals", "lambda:FunctionUrlAuthType"),
            ("EventSourceToken", "StringEquals", "lambda:EventSourceToken"),
        })
        {
            if (!p.Has(property))
            {
                continue;
            }

            if (p.String(property) is not { } value)
            {
                return null;
            }

            conditions.Add(new PolicyCondition(@operator, key, [value]));
        }

        return new PolicyStatement
        {
            Effect = "Allow",
            Principal = Principal(principal, function.Partition),
            Actions = [action],
            Resources = [function.Attribute("Arn")!],
            Conditions = conditions,
        };
    }

    /// <summary>How Lambda writes a principal: "*", a service, or an account (id or ARN) as an AWS principal.</summary>
    private static PolicyPrincipal Principal(string principal, string partition)
    {
        if (principal == "*")
        {
            return new PolicyPrincipal(true, new Dictionary<string, IReadOnlyList<string>>());
        }

        var (type, value) = principal switch
        {
            _ when principal.EndsWith(".amazonaws.com", StringComparison.Ordinal) || principal.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal) => ("Service", principal),
            _ when principal.Length == 12 && principal.All(char.IsAsciiDigit) => ("AWS", $"arn:{partition}:iam::{principal}:root"),
            _ => ("AWS", principal),
        };
        return new PolicyPrincipal(false, new Dictionary<string, IReadOnlyList<string>> { [type] = [value] });
    }

    private static LambdaVpcConfig? VpcConfig(MappingContext context, Props? vpc)
    {
        if (vpc is null || vpc.Strings("SubnetIds") is not { } subnets || vpc.Strings("SecurityGroupIds") is not { } groups)
        {
            return null;
        }

        if (subnets.Count == 0)
        {
            return LambdaVpcConfig.None;
        }

        var vpcId = subnets.Select(s => context.Find(ResourceTypes.Subnet, s)?.Properties.String("VpcId")).FirstOrDefault(v => v is not null) ?? "";
        return new LambdaVpcConfig(vpcId, subnets, groups);
    }

    /// <summary>The variables as written; null (unknown) when any value cannot be decided, since it might be a secret passed in at deployment.</summary>
    private static IReadOnlyDictionary<string, string>? Environment(MappingContext context, DeclaredResource function)
    {
        var variables = function.Properties.Map("Environment") is { } environment ? environment["Variables"] : null;
        switch (variables)
        {
            case null or CfnNull:
                return new Dictionary<string, string>();
            case CfnMap map when map.IsKnown:
                return map.Entries.Where(e => e.Value is not CfnNoValue).ToDictionary(e => e.Key, e => e.Value.Text ?? e.Value.ToJson()?.ToJsonString() ?? "", StringComparer.Ordinal);
            default:
                context.Warn($"{function.Describe("Environment.Variables")}: {variables.UnknownReason ?? "not a map"}; the function's environment variables are unknown.");
                return null;
        }
    }

    private static string FirstUnknown(Props p, params string[] names) =>
        names.Select(p.UnknownReason).FirstOrDefault(r => r is not null) ?? "a required value is not written";
}
