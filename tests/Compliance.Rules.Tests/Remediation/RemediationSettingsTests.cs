namespace Compliance.Rules.Tests.Remediation;

public sealed class RemediationSettingsTests
{
    private const string EuKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string UsKey = "arn:aws:kms:us-east-1:123456789012:key/9f8e7d6c-5b4a-3210-fedc-ba9876543210";

    [Fact]
    public void The_key_of_a_region_is_the_one_arn_in_that_region()
    {
        Assert.Equal(EuKey, RemediationSettings.KeyArnIn([UsKey, EuKey], "eu-west-1"));
        Assert.Equal(UsKey, RemediationSettings.KeyArnIn([UsKey, EuKey, UsKey], "us-east-1"));
        Assert.Null(RemediationSettings.KeyArnIn([UsKey], "eu-west-1"));
        Assert.Null(RemediationSettings.KeyArnIn([], "eu-west-1"));
    }

    [Fact]
    public void Two_different_keys_in_one_region_are_ambiguous() =>
        Assert.Null(RemediationSettings.KeyArnIn([EuKey, "arn:aws:kms:eu-west-1:123456789012:key/0000aaaa-12ab-34cd-56ef-1234567890ab"], "eu-west-1"));

    [Theory]
    [InlineData(EuKey, "eu-west-1")]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "us-gov-west-1")]
    [InlineData("arn:aws:kms:eu-west-1:123456789012:alias/app-data", null)]
    [InlineData("alias/app-data", null)]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", null)]
    [InlineData("arn:aws:kms:eu-west-1:123456789012:key/", null)]
    [InlineData("arn:aws:s3:::bucket", null)]
    public void Only_key_arns_name_a_region(string reference, string? region) =>
        Assert.Equal(region, RemediationSettings.KeyArnRegion(reference));
}
