namespace Compliance.Rules.Inventory;

/// <summary>
/// A Lambda function, its unpublished version $LATEST (ListFunctions, GetPolicy, ListFunctionUrlConfigs, ListTags).
/// Id is the function name; Arn the unqualified function ARN.
/// </summary>
public sealed record LambdaFunction : AwsResource
{
    public override string ResourceType => ResourceTypes.LambdaFunction;

    /// <summary>"Zip" (a .zip archive on a managed or OS-only runtime) or "Image" (a container image, which has no runtime).</summary>
    public string? PackageType { get; init; }

    /// <summary>The runtime identifier, e.g. "dotnet10", "python3.13"; "" for a container image.</summary>
    public string? Runtime { get; init; }

    /// <summary>x86_64 and/or arm64.</summary>
    public IReadOnlyList<string> Architectures { get; init; } = [];

    /// <summary>The VPC attachment; <see cref="LambdaVpcConfig.None"/> for a function outside any VPC.</summary>
    public LambdaVpcConfig? VpcConfig { get; init; }

    /// <summary>
    /// Environment variables by name, values as Lambda returns them; empty when there are none. Null when unknown:
    /// Lambda returns the variables only to a caller that may use the function's KMS key (see <see cref="EnvironmentError"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>Environment.Error.ErrorCode when Lambda returned an error instead of the variables; "" when it returned them.</summary>
    public string? EnvironmentError { get; init; }

    /// <summary>The customer managed key that encrypts the environment variables (KMSKeyArn); null means Lambda's AWS managed key aws/lambda.</summary>
    public string? KmsKeyArn { get; init; }

    /// <summary>The resource-based policy of the unqualified function; <see cref="PolicyDocument.Empty"/> when it has none.</summary>
    public PolicyDocument? Policy { get; init; }

    /// <summary>The function URLs of the function and its aliases; empty when it has none.</summary>
    public IReadOnlyList<LambdaFunctionUrl>? FunctionUrls { get; init; }
}

/// <summary>A function's VPC attachment (VpcConfig).</summary>
/// <param name="VpcId">The VPC; "" when the function is not attached to one.</param>
/// <param name="SubnetIds">The subnets Lambda creates network interfaces in.</param>
/// <param name="SecurityGroupIds">The security groups of those interfaces.</param>
public sealed record LambdaVpcConfig(string VpcId, IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroupIds)
{
    /// <summary>Not attached to a VPC.</summary>
    public static LambdaVpcConfig None { get; } = new("", [], []);

    /// <summary>True when the function runs in a VPC.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool InVpc => VpcId.Length > 0 || SubnetIds.Count > 0;
}

/// <summary>One function URL (FunctionUrlConfig).</summary>
/// <param name="FunctionUrl">The HTTPS endpoint.</param>
/// <param name="FunctionArn">The function, or the alias (qualified ARN) the URL invokes.</param>
/// <param name="AuthType">AWS_IAM (callers sign with SigV4) or NONE (anyone may call; only the resource policy restricts).</param>
public sealed record LambdaFunctionUrl(string FunctionUrl, string FunctionArn, string AuthType);
