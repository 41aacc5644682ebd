using Amazon.CDK;

namespace Compliance.Infra.Tests;

public sealed class DeploymentSettingsTests
{
    private static DeploymentSettings Read(params (string Key, object Value)[] context) =>
        DeploymentSettings.FromContext(new App(new AppProps { Context = context.ToDictionary(c => c.Key, c => c.Value) }));

    [Fact]
    public void Defaults_are_dev_remediation_off_nat_on_no_trail()
    {
        var settings = Read();
        Assert.Equal("dev", settings.EnvironmentName);
        Assert.Equal("off", settings.RemediationMode);
        Assert.True(settings.Nat);
        Assert.False(settings.CloudTrail);
        Assert.Empty(settings.RemediationAllow);
        Assert.Null(settings.AlertEmail);
    }

    [Fact]
    public void Context_values_are_read()
    {
        var settings = Read(("env", "prod"), ("remediationMode", "enforce"), ("remediationAllow", "S3.Bucket.5, KMS.Key.1"),
            ("cloudTrail", "true"), ("nat", false), ("alertEmail", "sec@example.com"), ("adminCidr", "198.51.100.7/32"));
        Assert.Equal("prod", settings.EnvironmentName);
        Assert.Equal("enforce", settings.RemediationMode);
        Assert.Equal(["S3.Bucket.5", "KMS.Key.1"], settings.RemediationAllow);
        Assert.True(settings.CloudTrail);
        Assert.False(settings.Nat);
        Assert.Equal("sec@example.com", settings.AlertEmail);
        Assert.Equal("198.51.100.7/32", settings.AdminCidr);
    }

    [Theory]
    [InlineData("remediationMode", "always")]
    [InlineData("env", "Prod_1")]
    [InlineData("adminCidr", "everywhere")]
    [InlineData("cloudTrail", "yes")]
    public void Invalid_values_name_the_context_key(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Read((key, value)));
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }
}
