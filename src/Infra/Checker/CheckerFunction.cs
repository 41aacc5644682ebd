using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="CheckerFunction"/>.</summary>
public sealed record CheckerFunctionProps
{
    /// <summary>The function's name.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The `dotnet publish` output of src/Checker.</summary>
    public required string Code { get; init; }

    /// <summary>The handler (aws-lambda-tools-defaults.json).</summary>
    public required string Handler { get; init; }

    /// <summary>The role, built beforehand.</summary>
    public required IRole Role { get; init; }

    /// <summary>The log group, built beforehand.</summary>
    public required ILogGroup LogGroup { get; init; }

    /// <summary>The key of the dead-letter queue and of the environment variables.</summary>
    public required IKey Key { get; init; }

    /// <summary>The function's environment (the README's table).</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Lambda SnapStart on published versions, invoked through an alias (<see cref="CheckerSnapStart"/>).</summary>
    public bool SnapStart { get; init; }
}

/// <summary>
/// The checker function on the managed dotnet10 runtime, with a KMS-encrypted dead-letter queue for asynchronous
/// invocations (EventBridge invokes asynchronously).
/// </summary>
public sealed class CheckerFunction : Construct
{
    /// <summary>
    /// 1024 MB, chosen for CPU rather than memory: Lambda allots CPU in proportion to memory (about 0.6 vCPU here), and
    /// a .NET cold start (JIT of the AWS SDK) and rule evaluation are CPU-bound. Measured locally (the published
    /// compliance.dll judging samples/snapshots/noncompliant.json): 56 MB peak RSS, 0.36 s; a live scan adds API
    /// latency, not memory. Not yet measured on Lambda: read Max Memory Used / Duration from the REPORT log line of
    /// the first nightly runs and lower this (512 MB) if the duration allows.
    /// </summary>
    public const int MemoryMb = 1024;

    /// <summary>
    /// The scan's own deadline (COMPLIANCE_DEADLINE_SECONDS, the function's default 600 s): collection stops there
    /// and the partial report is still written, so the timeout is never what ends a slow scan.
    /// </summary>
    public const int DeadlineSeconds = 600;

    /// <summary>The deadline plus 60 s to write the report, publish the summary and flush logs.</summary>
    public const int TimeoutSeconds = DeadlineSeconds + 60;

    /// <summary>The managed runtime (CDK 2.160 has no Runtime.DOTNET_10 constant); like every managed .NET runtime since .NET 8, it supports SnapStart.</summary>
    public static Runtime Dotnet10 { get; } = new("dotnet10", RuntimeFamily.DOTNET_CORE, new LambdaRuntimeProps { SupportsSnapStart = true });

    /// <summary>The function.</summary>
    public Function Function { get; }

    /// <summary>The dead-letter queue of failed asynchronous invocations.</summary>
    public Queue DeadLetterQueue { get; }

    /// <summary>What triggers invoke: the function, or with SnapStart the alias of its published version.</summary>
    public IFunction InvokeTarget { get; }

    public CheckerFunction(Construct scope, string id, CheckerFunctionProps props) : base(scope, id)
    {
        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = $"sqs-{props.FunctionName}-dlq",
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = props.Key,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });

        var environment = props.Environment.ToDictionary(kv => kv.Key, kv => kv.Value);
        environment["COMPLIANCE_DEADLINE_SECONDS"] = DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Function = new Function(this, "Function", new FunctionProps
        {
            FunctionName = props.FunctionName,
            Description = "Compliance checker: nightly scan, security-group change scans, on-demand scans.",
            Runtime = Dotnet10,
            Architecture = Architecture.X86_64,
            Handler = props.Handler,
            Code = Code.FromAsset(props.Code),
            MemorySize = MemoryMb,
            Timeout = Duration.Seconds(TimeoutSeconds),
            Role = props.Role,
            LogGroup = props.LogGroup,
            Environment = environment,
            EnvironmentEncryption = props.Key,
            DeadLetterQueue = DeadLetterQueue,
            RetryAttempts = 2,
            MaxEventAge = Duration.Hours(6),
            Tracing = Tracing.DISABLED,
            SnapStart = CheckerSnapStart.Configuration(props.SnapStart),
        });
        NagExceptions.Declare(Function, (NagExceptions.LambdaInsideVpc,
            "The checker reads the AWS APIs of every scanned Region and takes no inbound traffic. In a VPC it would need a NAT "
            + "gateway (the interface endpoints of one VPC serve only their own Region), adding a network path without narrowing "
            + "what it can reach; its role is read-only plus the remediations enabled, each scoped (CheckerRole)."));
        InvokeTarget = CheckerSnapStart.InvokeTarget(this, Function, props.SnapStart);
    }
}
