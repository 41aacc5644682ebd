using Amazon.CDK;
using Compliance.Infra;
using Compliance.Infra.Checker;

var app = new App();
DeploymentSettings settings;
RepositoryLayout layout;
try
{
    settings = DeploymentSettings.FromContext(app);
    layout = RepositoryLayout.Find();
    layout.RequireFunctionCode();
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
    new CheckerStackProps { Settings = settings, FunctionCode = layout.FunctionCode, Handler = layout.Handler() });

app.Synth();
return 0;
