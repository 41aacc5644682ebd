using Compliance.Checker.Function;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Function;

public sealed class FunctionConfigurationTests
{
    private static FunctionConfiguration Read(params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        return FunctionConfiguration.FromEnvironment(name => env.GetValueOrDefault(name));
    }

    [Fact]
    public void Every_variable_is_read()
    {
        var config = Read(
            ("COMPLIANCE_REPORT_BUCKET", "compliance-reports-123456789012"), ("COMPLIANCE_REPORT_KMS_KEY", "alias/compliance-reports"),
            ("COMPLIANCE_SNS_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:compliance"), ("COMPLIANCE_REGIONS", "eu-west-1, us-east-1"),
            ("COMPLIANCE_RULES", "EC2.*"), ("COMPLIANCE_EXCLUDE", "EC2.Snapshot.1"), ("COMPLIANCE_REMEDIATION", "enforce"),
            ("COMPLIANCE_REMEDIATION_ALLOW", "EC2.SecurityGroup.2,S3.Bucket.5"), ("COMPLIANCE_REMEDIATION_MAX", "3"),
            ("COMPLIANCE_SUPPRESSIONS", "s3://compliance-config/suppressions.yaml"), ("COMPLIANCE_NOTIFY_MIN_SEVERITY", "high"),
            ("COMPLIANCE_DEADLINE_SECONDS", "300"), ("AWS_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));

        Assert.Equal(["eu-west-1", "us-east-1"], config.Regions);
        Assert.Equal((RemediationMode.Enforce, 3, Severity.High, 300.0), (config.Remediation, config.RemediationMax, config.NotifyMinSeverity, config.Deadline.TotalSeconds));
        Assert.Contains("s3.bucket.5", config.RemediationAllow);
        Assert.Equal("http://127.0.0.1:5000", config.EndpointUrl);
    }

    [Fact]
    public void Sns_topic_keys_are_read_one_per_region()
    {
        const string Here = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const string There = "arn:aws:kms:us-east-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321";

        var config = Read(("COMPLIANCE_REMEDIATION_SNS_KMS_KEYS", $"{Here}, {There}"));

        Assert.Equal([Here, There], config.RemediationSettings.TopicKmsKeyArns);
        Assert.Empty(config.RemediationSettings.LogGroupKmsKeyArns);
    }

    [Fact]
    public void Defaults_are_safe()
    {
        var config = Read();

        Assert.Equal((RemediationMode.Off, 10, Severity.Medium), (config.Remediation, config.RemediationMax, config.NotifyMinSeverity));
        Assert.Empty(config.RemediationAllow);
    }

    [Theory]
    [InlineData("COMPLIANCE_REMEDIATION", "on")]
    [InlineData("COMPLIANCE_REMEDIATION_MAX", "-1")]
    [InlineData("COMPLIANCE_REMEDIATION_MAX", "ten")]
    [InlineData("COMPLIANCE_NOTIFY_MIN_SEVERITY", "urgent")]
    [InlineData("COMPLIANCE_DEADLINE_SECONDS", "3600")]
    [InlineData("COMPLIANCE_SNS_TOPIC_ARN", "compliance-topic")]
    [InlineData("COMPLIANCE_REPORT_BUCKET", "Reports/Bucket")]
    [InlineData("AWS_ENDPOINT_URL", "localhost")]
    [InlineData("COMPLIANCE_REMEDIATION_S3_KMS_KEYS", "alias/data")]
    [InlineData("COMPLIANCE_REMEDIATION_LOGS_KMS_KEYS", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab,arn:aws:kms:eu-west-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321")]
    [InlineData("COMPLIANCE_REMEDIATION_FLOW_LOG_DESTINATION", "arn:aws:logs:eu-west-1:123456789012:log-group:flows")]
    [InlineData("COMPLIANCE_REMEDIATION_SNS_KMS_KEYS", "alias/alerts")]
    public void An_invalid_value_stops_the_start_naming_the_variable(string variable, string value)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Read((variable, value)));

        Assert.Equal(variable, ex.Variable);
        Assert.Contains("' is invalid: expected ", ex.Message);
        Assert.StartsWith($"{variable}='", ex.Message);
    }
}
