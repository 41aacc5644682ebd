using System.Globalization;
using System.Text;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Live.Collectors;

/// <summary>One row of the credential report: the user (or "&lt;root_account&gt;"), its ARN and what the row says.</summary>
internal sealed record CredentialReportRow(string User, string Arn, CredentialReportEntry Entry);

/// <summary>
/// Parses the IAM credential report: RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) with a header row; columns
/// are found by name, so a column AWS adds later does not shift the others. "N/A", "no_information" and "not_supported"
/// are AWS's words for "none" and become null where the field allows it; any other unreadable value is a FormatException.
/// </summary>
internal static class CredentialReportCsv
{
    public const string RootUser = "<root_account>";

    public static IReadOnlyList<CredentialReportRow> Parse(string csv, DateTimeOffset generatedAt)
    {
        var records = Records(csv).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
        if (records.Count == 0)
        {
            throw new FormatException("The credential report is empty: no header row.");
        }

        var columns = records[0].Select((name, i) => (name, i)).ToDictionary(c => c.name.Trim(), c => c.i, StringComparer.Ordinal);
        foreach (var required in new[] { "user", "arn", "password_enabled", "mfa_active", "access_key_1_active", "access_key_2_active" })
        {
            if (!columns.ContainsKey(required))
            {
                throw new FormatException($"The credential report has no '{required}' column.");
            }
        }

        return records.Skip(1).Select(row =>
        {
            string Field(string name) => columns.TryGetValue(name, out var i) && i < row.Count ? row[i].Trim() : "N/A";
            var user = Field("user");
            return new CredentialReportRow(user, Field("arn"), new CredentialReportEntry
            {
                ReportGeneratedAt = generatedAt,
                UserCreationTime = Date(Field("user_creation_time")),
                PasswordEnabled = Flag(Field("password_enabled"), allowNotSupported: true),
                PasswordLastUsed = Date(Field("password_last_used")),
                PasswordLastChanged = Date(Field("password_last_changed")),
                MfaActive = Flag(Field("mfa_active"), allowNotSupported: false) ?? false,
                AccessKeys =
                [
                    Key(1, Field("access_key_1_active"), Field("access_key_1_last_rotated"), Field("access_key_1_last_used_date")),
                    Key(2, Field("access_key_2_active"), Field("access_key_2_last_rotated"), Field("access_key_2_last_used_date")),
                ],
            });
        }).ToList();
    }

    private static AccessKeyReport Key(int slot, string active, string rotated, string used) =>
        new(slot, Flag(active, allowNotSupported: false) ?? false, Date(rotated), Date(used));

    private static bool? Flag(string value, bool allowNotSupported) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        "not_supported" when allowNotSupported => null,
        _ => throw new FormatException($"Expected true or false in the credential report, not '{value}'."),
    };

    private static DateTimeOffset? Date(string value) => value switch
    {
        "" or "N/A" or "no_information" or "not_supported" => null,
        _ when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => date.ToUniversalTime(),
        _ => throw new FormatException($"Expected an ISO 8601 date in the credential report, not '{value}'."),
    };

    /// <summary>The CSV records as field lists.</summary>
    private static IEnumerable<List<string>> Records(string csv)
    {
        var field = new StringBuilder();
        var record = new List<string>();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("The credential report ends inside a quoted field.");
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
