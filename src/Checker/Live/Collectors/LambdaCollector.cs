using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Http;
using Compliance.Rules.Inventory;
using Fn = Compliance.Checker.Live.Clients.Lambda;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Lambda functions: ListFunctions (paginated, 50 a page; runtime, package type, VPC, environment, KMS key), then per
/// function (at most 4 at once) GetPolicy (resource policy; ResourceNotFoundException = none), ListFunctionUrlConfigs
/// (paginated) and ListTags. ListFunctions returns the environment variables only to a caller that may use the
/// function's KMS key; otherwise Lambda returns Environment.Error, and the variables stay unknown.
/// </summary>
public sealed class LambdaCollector : ICollector
{
    private const string ServiceKey = "lambda";
    private const string Type = ResourceTypes.LambdaFunction;
    private const int FunctionConcurrency = 4;

    public string Service => ServiceKey;
    public IReadOnlyList<string> Produces { get; } = [Type];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["lambda:ListFunctions"] = "lambda:ListFunctions",
        ["lambda:GetPolicy"] = "lambda:GetPolicy",
        ["lambda:ListFunctionUrlConfigs"] = "lambda:ListFunctionUrlConfigs",
        ["lambda:ListTags"] = "lambda:ListTags",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(Type))
        {
            return;
        }

        var client = Fn.LambdaClient.For(context.Session, context.Region);
        var wanted = context.Scope.IdsFor(Type)?.ToHashSet(StringComparer.Ordinal);
        var functions = new List<Fn.FunctionConfiguration>();
        string? marker = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListFunctions", Type,
                ct => client.ListFunctionsAsync(new Fn.ListFunctionsRequest { Marker = marker, MaxItems = 50 }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded; the functions listed so far are still read
            }

            functions.AddRange((page.Functions ?? []).Where(f => f.FunctionName is { } name && (wanted is null || wanted.Contains(name) || wanted.Contains(f.FunctionArn ?? ""))));
            marker = page.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = FunctionConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(functions, parallel, async (function, ct) => context.Builder.Add(await ReadAsync(context, client, function, ct)));
    }

    private static async Task<LambdaFunction> ReadAsync(CollectorContext context, Fn.IAmazonLambda client, Fn.FunctionConfiguration function, CancellationToken cancellationToken)
    {
        var name = function.FunctionName!;
        var arn = function.FunctionArn ?? $"arn:{Amazon.RegionEndpoint.GetBySystemName(context.Region).PartitionName}:lambda:{context.Region}:{context.AccountId}:function:{name}";
        var policy = ReadPolicyAsync(context, client, name, cancellationToken);
        var urls = ReadUrlsAsync(context, client, name, cancellationToken);
        var tags = context.CallAsync(ServiceKey, "ListTags", Type, ct => client.ListTagsAsync(new Fn.ListTagsRequest(arn), ct), cancellationToken, name);
        await Task.WhenAll(policy, urls, tags);

        var packageType = function.PackageType ?? "Zip"; // the API's default
        var environment = Environment(context, name, function.Environment);
        return new LambdaFunction
        {
            Id = name,
            Region = context.Region,
            AccountId = context.AccountId,
            Arn = arn,
            Tags = tags.Result?.Tags ?? new Dictionary<string, string>(), // a failed ListTags leaves them empty; the error says so
            PackageType = packageType,
            Runtime = function.Runtime ?? (packageType == "Image" ? "" : null),
            Architectures = function.Architectures ?? ["x86_64"],
            VpcConfig = function.VpcConfig is { } vpc && (vpc.SubnetIds?.Count > 0 || !string.IsNullOrEmpty(vpc.VpcId))
                ? new LambdaVpcConfig(vpc.VpcId ?? "", vpc.SubnetIds ?? [], vpc.SecurityGroupIds ?? [])
                : LambdaVpcConfig.None,
            EnvironmentVariables = environment.Variables,
            EnvironmentError = environment.Error,
            KmsKeyArn = string.IsNullOrEmpty(function.KMSKeyArn) ? null : function.KMSKeyArn,
            Policy = policy.Result,
            FunctionUrls = urls.Result,
        };
    }

    /// <summary>No Environment: no variables. Variables: known. An Error instead of variables: unknown, and recorded.</summary>
    private static (IReadOnlyDictionary<string, string>? Variables, string Error) Environment(CollectorContext context, string name, Fn.EnvironmentResponse? environment)
    {
        if (environment?.Variables is { } variables)
        {
            return (variables, "");
        }

        if (environment?.Error is { } error)
        {
            var code = error.ErrorCode is { Length: > 0 } c ? c : "EnvironmentError";
            context.Missing(ServiceKey, "ListFunctions", Type, code, error.Message ?? "Lambda returned an error instead of the environment variables.", name);
            return (null, code);
        }

        return (new Dictionary<string, string>(), "");
    }

    /// <summary>The resource policy; Empty when the function has none; null when unknown (failed call or unreadable JSON).</summary>
    private static async Task<PolicyDocument?> ReadPolicyAsync(CollectorContext context, Fn.IAmazonLambda client, string name, CancellationToken cancellationToken)
    {
        var answer = await context.CallAsync(ServiceKey, "GetPolicy", Type, async ct =>
        {
            try
            {
                return new PolicyText((await client.GetPolicyAsync(new Fn.GetPolicyRequest(name), ct)).Policy);
            }
            catch (AwsServiceError e) when (e.ErrorCode == "ResourceNotFoundException")
            {
                return new PolicyText(null); // the documented answer for a function without a resource policy
            }
        }, cancellationToken, name);
        if (answer is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(answer.Json))
        {
            return PolicyDocument.Empty;
        }

        try
        {
            return PolicyDocumentJsonConverter.Parse(answer.Json);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            context.Missing(ServiceKey, "GetPolicy", Type, "InvalidPolicy", $"The resource policy is not a readable policy document: {ex.Message}", name);
            return null;
        }
    }

    /// <summary>Every function URL (the function's and its aliases'); null when a page could not be read.</summary>
    private static async Task<IReadOnlyList<LambdaFunctionUrl>?> ReadUrlsAsync(CollectorContext context, Fn.IAmazonLambda client, string name, CancellationToken cancellationToken)
    {
        var urls = new List<LambdaFunctionUrl>();
        string? marker = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListFunctionUrlConfigs", Type,
                ct => client.ListFunctionUrlConfigsAsync(new Fn.ListFunctionUrlConfigsRequest { FunctionName = name, Marker = marker, MaxItems = 50 }, ct), cancellationToken, name);
            if (page is null)
            {
                return null; // an incomplete list could hide a public URL
            }

            urls.AddRange((page.FunctionUrlConfigs ?? []).Select(u => new LambdaFunctionUrl(u.FunctionUrl ?? "", u.FunctionArn ?? "", u.AuthType ?? "")));
            marker = page.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));

        return urls;
    }

    private sealed record PolicyText(string? Json);
}
