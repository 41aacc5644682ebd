using System.Reflection;
using System.Text.Json;

namespace Compliance.Checker.Tests.Function;

public sealed class LambdaToolsDefaultsTests
{
    [Fact]
    public void The_handler_named_in_aws_lambda_tools_defaults_resolves_to_a_stream_handler()
    {
        using var defaults = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "aws-lambda-tools-defaults.json")));
        var handler = defaults.RootElement.GetProperty("function-handler").GetString()!.Split("::");
        Assert.Equal("dotnet10", defaults.RootElement.GetProperty("function-runtime").GetString());

        var assembly = Assembly.Load(handler[0]);
        var type = assembly.GetType(handler[1], throwOnError: true)!;
        var method = type.GetMethod(handler[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)]);

        Assert.True(type.IsPublic);
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        Assert.NotNull(method);
        Assert.Equal(typeof(Task<Stream>), method!.ReturnType);
    }
}
