using Compliance.Checker.Remediation.Suppressions;

namespace Compliance.Checker.Tests.Remediation;

public sealed class SuppressionFileTests
{
    [Fact]
    public async Task The_sample_file_has_two_entries_one_of_them_expired()
    {
        var suppressions = await SuppressionFile.ReadAsync(Path.Combine(Fixtures.RepositoryRoot, "samples", "suppressions.yaml"), CancellationToken.None);

        Assert.Equal(2, suppressions.Count);
        Assert.Equal(new Suppression("S3.Bucket.2", "arn:aws:s3:::example-marketing-site",
            "Public static website by design, reviewed in SEC-1042; moves behind CloudFront with origin access control (PLAT-2210).", new DateOnly(2027, 6, 30)), suppressions[0]);
        var sampleDay = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([true, false], suppressions.Select(s => s.IsActive(sampleDay)));
    }

    [Fact]
    public void Quoted_and_plain_values_are_read_alike_and_an_empty_file_or_list_suppresses_nothing()
    {
        var parsed = SuppressionFile.Parse("""
            suppressions:
              - ruleId: "S3.*"
                resource: 'arn:aws:s3:::example-*'
                reason: >
                  Folded reason
                  over two lines.
                expires: "2027-01-31"
            """, "inline.yaml");

        Assert.Equal(new Suppression("S3.*", "arn:aws:s3:::example-*", "Folded reason over two lines.", new DateOnly(2027, 1, 31)), Assert.Single(parsed));
        Assert.Empty(SuppressionFile.Parse("", "empty.yaml"));
        Assert.Empty(SuppressionFile.Parse("# nothing accepted yet\n", "comment.yaml"));
        Assert.Empty(SuppressionFile.Parse("suppressions: []\n", "list.yaml"));
    }

    [Theory]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: b\n    reason: r\n    expiry: 2027-01-01\n",
        "f.yaml:5:5: suppression 1 (S3.Bucket.2): unknown field 'expiry'; expected ruleId, resource, reason, expires.")]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: b\n    reason: r\n    expires: 2027-01-01\n  - ruleId: KMS.Key.1\n    resource: k\n    expires: 2027-01-01\n",
        "f.yaml:6:5: suppression 2 (KMS.Key.1): field 'reason' is missing or empty; expected why the risk is accepted.")]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: b\n    reason: r\n",
        "f.yaml:2:5: suppression 1 (S3.Bucket.2): field 'expires' is missing or empty; expected the last day it applies, as YYYY-MM-DD.")]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: b\n    reason: \"  \"\n    expires: 2027-01-01\n",
        "f.yaml:2:5: suppression 1 (S3.Bucket.2): field 'reason' is missing or empty; expected why the risk is accepted.")]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: b\n    reason: r\n    expires: next week\n",
        "f.yaml:5:14: suppression 1 (S3.Bucket.2): field 'expires' is 'next week'; expected a date as YYYY-MM-DD.")]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: b\n    reason: r\n    expires: 31/01/2027\n",
        "f.yaml:5:14: suppression 1 (S3.Bucket.2): field 'expires' is '31/01/2027'; expected a date as YYYY-MM-DD.")]
    [InlineData("suppressions:\n  - ruleId: S3 Bucket 2\n    resource: b\n    reason: r\n    expires: 2027-01-01\n",
        "f.yaml:2:13: suppression 1 (S3 Bucket 2): field 'ruleId' is 'S3 Bucket 2'; expected a rule id or pattern such as EC2.SecurityGroup.2 or S3.*.")]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: [a, b]\n    reason: r\n    expires: 2027-01-01\n",
        "f.yaml:3:15: suppression 1 (S3.Bucket.2): field 'resource' must be a single value.")]
    [InlineData("suppressions:\n  - S3.Bucket.2\n",
        "f.yaml:2:5: suppression 1: must be a mapping with ruleId, resource, reason, expires.")]
    [InlineData("suppressions:\n  ruleId: S3.Bucket.2\n",
        "f.yaml:2:3: 'suppressions' must be a list of entries.")]
    [InlineData("suppression:\n  - ruleId: S3.Bucket.2\n",
        "f.yaml:1:1: unknown top-level key 'suppression'; expected only 'suppressions'.")]
    [InlineData("- ruleId: S3.Bucket.2\n",
        "f.yaml:1:1: the file must be a mapping with one key, 'suppressions'.")]
    public void Bad_input_names_the_file_line_entry_and_field(string yaml, string message) =>
        Assert.Equal(message, Assert.Throws<SuppressionFileException>(() => SuppressionFile.Parse(yaml, "f.yaml")).Message);

    [Theory]
    [InlineData("suppressions:\n  - ruleId: S3.Bucket.2\n    ruleId: S3.Bucket.3\n", "f.yaml:3:5: not valid YAML: Duplicate key ruleId")]
    [InlineData("suppressions:\n  - ruleId: \"S3.Bucket.2\n", "f.yaml:2:13: not valid YAML: While scanning a quoted scalar")]
    public void Invalid_yaml_is_reported_with_its_position(string yaml, string start) =>
        Assert.StartsWith(start, Assert.Throws<SuppressionFileException>(() => SuppressionFile.Parse(yaml, "f.yaml")).Message);

    [Fact]
    public async Task A_missing_file_is_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var error = await Assert.ThrowsAsync<SuppressionFileException>(() => SuppressionFile.ReadAsync(path, CancellationToken.None));

        Assert.StartsWith($"{path}: cannot read the suppressions file", error.Message);
    }
}
