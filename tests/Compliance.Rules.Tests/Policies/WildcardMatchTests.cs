using System.Text.RegularExpressions;
using Compliance.Rules.Policies;

namespace Compliance.Rules.Tests.Policies;

/// <summary>The direct matcher agrees with the regex it replaced ('*' any run, '?' one character, case-insensitive).</summary>
public sealed class WildcardMatchTests
{
    private static readonly string[] Patterns =
    [
        "*", "s3:*", "s3:Get*", "s3:GetObject", "S3:GETOBJECT", "s3:?etObject", "s3:*Object", "s3:*Obj*ct", "*:*",
        "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket*", "arn:aws:s3:::bucket", "arn:aws:s3:::*/*", "arn:aws:s3:::b?cket/*",
        "kms:GenerateDataKey*", "kms:*Key*", "**", "a*b*c", "?", "", "EC2.*", "EC2.SecurityGroup.?", "s3:Get*Acl*",
    ];

    private static readonly string[] Values =
    [
        "s3:GetObject", "s3:getobject", "s3:PutObject", "S3:GetObjectAcl", "s3:", "kms:GenerateDataKeyWithoutPlaintext",
        "kms:GenerateDataKey", "arn:aws:s3:::bucket/key/with/slashes", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket-2/x",
        "arn:aws:s3:::bucket/", "abc", "aXbYc", "ab", "a", "", "EC2.SecurityGroup.2", "EC2.SecurityGroup.10", "*", "s3:GetBucketAclPolicy",
    ];

    [Fact]
    public void Every_pattern_matches_exactly_what_the_regex_matched()
    {
        foreach (var pattern in Patterns)
        {
            foreach (var value in Values)
            {
                Assert.True(Reference(pattern, value) == PolicyAnalysis.WildcardMatch(pattern, value), $"'{pattern}' against '{value}'");
            }
        }
    }

    [Theory]
    [InlineData("s3:Get*", "s3:GetÖbject")]
    [InlineData("s3:*", "s3:Get\nObject")]
    [InlineData("ÄRN*", "ärn:x")]
    public void Non_ascii_and_multi_line_text_keeps_the_regex_semantics(string pattern, string value) =>
        Assert.Equal(Reference(pattern, value), PolicyAnalysis.WildcardMatch(pattern, value));

    private static bool Reference(string pattern, string value)
    {
        if (pattern == "*")
        {
            return true;
        }

        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
