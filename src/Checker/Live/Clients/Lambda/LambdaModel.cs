namespace Compliance.Checker.Live.Clients.Lambda;

/// <summary>GET /2015-03-31/functions/?Marker=&amp;MaxItems= (at most 50 per page).</summary>
public sealed record ListFunctionsRequest
{
    public string? Marker { get; init; }
    public int? MaxItems { get; init; }
}

public sealed record ListFunctionsResponse
{
    public IReadOnlyList<FunctionConfiguration>? Functions { get; init; }
    public string? NextMarker { get; init; }
}

/// <summary>The members of a function's configuration that the inventory reads.</summary>
public sealed record FunctionConfiguration
{
    public string? FunctionName { get; init; }
    public string? FunctionArn { get; init; }

    /// <summary>Absent for a container image.</summary>
    public string? Runtime { get; init; }

    /// <summary>Zip or Image.</summary>
    public string? PackageType { get; init; }

    public IReadOnlyList<string>? Architectures { get; init; }
    public VpcConfigResponse? VpcConfig { get; init; }
    public EnvironmentResponse? Environment { get; init; }

    /// <summary>Absent when Lambda's AWS managed key encrypts the environment.</summary>
    public string? KMSKeyArn { get; init; }
}

public sealed record VpcConfigResponse
{
    public IReadOnlyList<string>? SubnetIds { get; init; }
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }
    public string? VpcId { get; init; }
    public bool? Ipv6AllowedForDualStack { get; init; }
}

/// <summary>The variables, or the error Lambda returns instead (e.g. when the caller may not use the function's KMS key).</summary>
public sealed record EnvironmentResponse
{
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
    public EnvironmentError? Error { get; init; }
}

public sealed record EnvironmentError
{
    public string? ErrorCode { get; init; }
    public string? Message { get; init; }
}

/// <summary>GET /2015-03-31/functions/{FunctionName}/policy; ResourceNotFoundException (404) when the function has no policy.</summary>
public sealed record GetPolicyRequest(string FunctionName);

public sealed record GetPolicyResponse
{
    /// <summary>The resource-based policy as JSON text.</summary>
    public string? Policy { get; init; }
    public string? RevisionId { get; init; }
}

/// <summary>GET /2021-10-31/functions/{FunctionName}/urls?Marker=&amp;MaxItems= (at most 50 per page).</summary>
public sealed record ListFunctionUrlConfigsRequest
{
    public required string FunctionName { get; init; }
    public string? Marker { get; init; }
    public int? MaxItems { get; init; }
}

public sealed record ListFunctionUrlConfigsResponse
{
    public IReadOnlyList<FunctionUrlConfig>? FunctionUrlConfigs { get; init; }
    public string? NextMarker { get; init; }
}

public sealed record FunctionUrlConfig
{
    public string? FunctionUrl { get; init; }
    public string? FunctionArn { get; init; }

    /// <summary>AWS_IAM or NONE.</summary>
    public string? AuthType { get; init; }

    public string? InvokeMode { get; init; }
    public string? CreationTime { get; init; }
    public string? LastModifiedTime { get; init; }
}

/// <summary>GET /2017-03-31/tags/{ARN}.</summary>
public sealed record ListTagsRequest(string Resource);

public sealed record ListTagsResponse
{
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
