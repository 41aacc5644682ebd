using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live;

public sealed class CredentialReportCsvTests
{
    private static readonly DateTimeOffset Generated = new(2025, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reads_columns_by_name_in_any_order_with_crlf_and_quotes()
    {
        var csv = "arn,user,mfa_active,password_enabled,access_key_2_active,access_key_1_active,access_key_1_last_rotated,extra_column\r\n"
            + "\"arn:aws:iam::123456789012:user/o,brien\",\"o,brien\",TRUE,false,false,true,2025-01-02T03:04:05+00:00,\"say \"\"hi\"\"\"\r\n";

        var row = Assert.Single(CredentialReportCsv.Parse(csv, Generated));

        Assert.Equal(("o,brien", "arn:aws:iam::123456789012:user/o,brien"), (row.User, row.Arn));
        Assert.Equal((true, false, Generated), (row.Entry.MfaActive, row.Entry.PasswordEnabled, row.Entry.ReportGeneratedAt));
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), row.Entry.AccessKeys[0].LastRotated);
        Assert.True(row.Entry.AccessKeys[0].Active);
        Assert.Null(row.Entry.PasswordLastUsed); // column absent
    }

    [Fact]
    public void Aws_words_for_none_become_null_and_not_supported_only_where_allowed()
    {
        var rows = CredentialReportCsv.Parse(IamResponses.ReportCsv, Generated);

        var root = rows.Single(r => r.User == CredentialReportCsv.RootUser);
        Assert.Null(root.Entry.PasswordEnabled);
        Assert.Null(root.Entry.PasswordLastChanged);
        Assert.Equal(new DateTimeOffset(2025, 6, 20, 8, 15, 0, TimeSpan.Zero), root.Entry.PasswordLastUsed);
        var svc = rows.Single(r => r.User == "svc");
        Assert.Equal((false, (DateTimeOffset?)null), (svc.Entry.PasswordEnabled, svc.Entry.AccessKeys[0].LastUsedDate));
        Assert.Equal(4, rows.Count);

        Assert.Throws<FormatException>(() => CredentialReportCsv.Parse("user,arn,password_enabled,mfa_active,access_key_1_active,access_key_2_active\nu,a,true,not_supported,false,false\n", Generated));
        Assert.Throws<FormatException>(() => CredentialReportCsv.Parse("user,arn\nu,a\n", Generated));
        Assert.Throws<FormatException>(() => CredentialReportCsv.Parse("", Generated));
    }
}
