using Amazon.CDK;
using Compliance.Infra;
using Compliance.Infra.Baseline;
using Compliance.Infra.Checker;

// `cdk synth` sets CDK_OUTDIR; a plain `dotnet run --project src/Infra` writes to cdk.out at the repository root.
RepositoryLayout layout;
try
{
    layout = RepositoryLayout.Find();
}
catch (InvalidOperationException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 1;
}

var app = new App(new AppProps { Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? Path.Combine(layout.Root, "cdk.out") });
DeploymentSettings settings;
string functionCode;
try
{
    settings = DeploymentSettings.FromContext(app);
    functionCode = layout.RequireFunctionCode();
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 1;
}

var env = new Amazon.CDK.Environment
{
    Account = settings.Account ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
    Region = settings.Region ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
};

_ = new CheckerStack(app, $"compliance-checker-{settings.EnvironmentName}",
    new StackProps { Env = env, Description = "Compliance checker: the scanning function, its triggers, report bucket, alert topic and alarms." },
    new CheckerStackProps { Settings = settings, FunctionCode = functionCode, Handler = layout.Handler() });

_ = new BaselineStack(app, $"compliance-baseline-{settings.EnvironmentName}",
    new StackProps { Env = env, Description = "Zero-trust baseline the compliance checker guards: network, keys, buckets, monitoring, GuardDuty, secrets, Config, audit table, IAM." },
    new BaselineStackProps { Settings = settings });

app.Synth();
return 0;
