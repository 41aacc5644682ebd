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

    [Fact]
    public void Remediation_targets_pass_through_by_variable_and_absent_ones_are_left_out()
    {
        const string SnsKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        var settings = Read(("snsKmsKeys", SnsKey));

        Assert.Equal(new Dictionary<string, string> { ["COMPLIANCE_REMEDIATION_SNS_KMS_KEYS"] = SnsKey }, settings.RemediationTargets);
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

    [Theory]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef!")]
    [InlineData(null)]
    public void An_auditor_external_id_shorter_than_32_or_with_other_characters_is_refused(string? externalId)
    {
        var context = new List<(string, object)> { ("auditorAccount", "210987654321"), ("auditorCidr", "198.51.100.0/24") };
        if (externalId is not null)
        {
            context.Add(("auditorExternalId", externalId));
        }

        var error = Assert.Throws<ArgumentException>(() => Read([.. context]));
        Assert.Contains("auditorExternalId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_auditor_needs_an_account_a_cidr_and_valid_regions()
    {
        Assert.Contains("auditorAccount", Assert.Throws<ArgumentException>(() => Read(("auditorExternalId", new string('a', 32)))).Message, StringComparison.Ordinal);
        Assert.Contains("auditorAccount", Assert.Throws<ArgumentException>(() => Read(("auditorAccount", "12345"), ("auditorExternalId", new string('a', 32)), ("auditorCidr", "10.0.0.0/8"))).Message, StringComparison.Ordinal);
        Assert.Contains("auditorCidr", Assert.Throws<ArgumentException>(() => Read(("auditorAccount", "210987654321"), ("auditorExternalId", new string('a', 32)))).Message, StringComparison.Ordinal);
        Assert.Contains("allowedRegions", Assert.Throws<ArgumentException>(() => Read(("allowedRegions", "eu-west-1,mars"))).Message, StringComparison.Ordinal);
        var settings = Read(("auditorAccount", "210987654321"), ("auditorExternalId", new string('a', 32)), ("auditorCidr", "198.51.100.0/24"), ("allowedRegions", "eu-west-1, us-east-1"));
        Assert.Equal("210987654321", settings.AuditorAccount);
        Assert.Equal(["eu-west-1", "us-east-1"], settings.AllowedRegions);
    }
}
