namespace Compliance.Infra.Tests;

public sealed class ProgramTests
{
    [Fact]
    public void Synthesis_stops_with_the_publish_command_when_the_function_output_is_missing()
    {
        var root = Directory.CreateTempSubdirectory("infra-layout");
        try
        {
            var layout = new RepositoryLayout { Root = root.FullName };
            var error = Assert.Throws<InvalidOperationException>(layout.RequireFunctionCode);
            Assert.Contains("compliance.dll", error.Message, StringComparison.Ordinal);
            Assert.Contains(RepositoryLayout.PublishCommand, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_handler_is_read_from_aws_lambda_tools_defaults()
    {
        Assert.Equal("compliance::Compliance.Checker.Function.ComplianceFunction::HandleAsync", RepositoryLayout.Find().Handler());
    }

    [Fact]
    public void The_build_published_the_function()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryLayout.Find().RequireFunctionCode(), "compliance.dll")));
    }
}
