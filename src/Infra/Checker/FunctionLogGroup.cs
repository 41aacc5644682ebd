using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="FunctionLogGroup"/>.</summary>
public sealed record FunctionLogGroupProps
{
    /// <summary>The function whose logs these are.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The key (its policy allows CloudWatch Logs).</summary>
    public required IKey Key { get; init; }
}

/// <summary>The function's own log group: KMS-encrypted, one year's retention (LogRetention), created before the function.</summary>
public sealed class FunctionLogGroup : Construct
{
    /// <summary>How long the JSON log lines are kept.</summary>
    public static RetentionDays Retention => LogRetention.Days;

    /// <summary>The log group.</summary>
    public LogGroup LogGroup { get; }

    public FunctionLogGroup(Construct scope, string id, FunctionLogGroupProps props) : base(scope, id)
    {
        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            LogGroupName = $"/aws/lambda/{props.FunctionName}",
            EncryptionKey = props.Key,
            Retention = Retention,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }
}
