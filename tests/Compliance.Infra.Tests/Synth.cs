using System.Collections.Concurrent;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Compliance.Infra.Baseline;
using Compliance.Infra.Checker;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Compliance.Infra.Tests;

/// <summary>Synthesizes the checker stack once per context (jsii runs one Node process; synthesis takes seconds).</summary>
internal static class Synth
{
    private static readonly ConcurrentDictionary<string, Template> Cache = new();

    public static Template Checker(params (string Key, object Value)[] context)
    {
        var cacheKey = string.Join(';', context.Select(c => $"{c.Key}={c.Value}"));
        return Cache.GetOrAdd(cacheKey, _ =>
        {
            var app = new App(new AppProps { Context = context.ToDictionary(c => c.Key, c => c.Value) });
            var settings = DeploymentSettings.FromContext(app);
            var layout = RepositoryLayout.Find();
            var stack = new CheckerStack(app, "test-checker",
                new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } },
                new CheckerStackProps { Settings = settings, FunctionCode = layout.RequireFunctionCode(), Handler = layout.Handler() });
            return Template.FromStack(stack);
        });
    }

    public static Template Baseline(params (string Key, object Value)[] context)
    {
        var cacheKey = "baseline:" + string.Join(';', context.Select(c => $"{c.Key}={c.Value}"));
        return Cache.GetOrAdd(cacheKey, _ =>
        {
            var app = new App(new AppProps { Context = context.ToDictionary(c => c.Key, c => c.Value) });
            var stack = new BaselineStack(app, "test-baseline",
                new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } },
                new BaselineStackProps { Settings = DeploymentSettings.FromContext(app) });
            return Template.FromStack(stack);
        });
    }

    /// <summary>Every resource of a type, as plain JSON-ish dictionaries.</summary>
    public static IEnumerable<KeyValuePair<string, IDictionary<string, object>>> Resources(this Template template, string type) =>
        template.FindResources(type).Select(kv => new KeyValuePair<string, IDictionary<string, object>>(kv.Key, (IDictionary<string, object>)kv.Value));
}
