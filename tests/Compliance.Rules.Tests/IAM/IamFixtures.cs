using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

/// <summary>IAM records shaped as GetAccountAuthorizationDetails, ListRoles and the credential report give them.</summary>
internal static class IamFixtures
{
    public const string OtherAccount = "210987654321";

    /// <summary>When the credential report was generated: the rules' "now".</summary>
    public static readonly DateTimeOffset ReportTime = new(2025, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public static PolicyDocument Doc(string json) => PolicyDocumentJsonConverter.Parse(json);

    /// <summary>The trust policy the IAM console writes for an EC2 instance role.</summary>
    public const string Ec2Trust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
        """;

    public static IamRole Role(string name, string trust = Ec2Trust, int? maxSession = 3600, string path = "/", params InlinePolicy[] inline) => new()
    {
        Id = name,
        Region = "global",
        AccountId = Account,
        Arn = $"arn:aws:iam::{Account}:role{path}{name}",
        RoleId = "AROADBQP57FF2AEXAMPLE",
        Path = path,
        AssumeRolePolicy = Doc(trust),
        MaxSessionDuration = maxSession,
        InlinePolicies = inline,
        AttachedManagedPolicyArns = [],
        PermissionsBoundaryArn = "",
    };

    public static IamUser User(string name, CredentialReportEntry? credentials = null, params InlinePolicy[] inline) => new()
    {
        Id = name,
        Region = "global",
        AccountId = Account,
        Arn = $"arn:aws:iam::{Account}:user/{name}",
        UserId = "AIDACKCEVSQ6C2EXAMPLE",
        Path = "/",
        InlinePolicies = inline,
        AttachedManagedPolicyArns = [],
        Groups = [],
        PermissionsBoundaryArn = "",
        Credentials = credentials,
    };

    public static IamGroup Group(string name, params InlinePolicy[] inline) => new()
    {
        Id = name,
        Region = "global",
        AccountId = Account,
        Arn = $"arn:aws:iam::{Account}:group/{name}",
        GroupId = "AGPACKCEVSQ6C2EXAMPLE",
        Path = "/",
        InlinePolicies = inline,
        AttachedManagedPolicyArns = [],
    };

    public static IamManagedPolicy Managed(string name, string? json) => new()
    {
        Id = name,
        Region = "global",
        AccountId = Account,
        Arn = $"arn:aws:iam::{Account}:policy/{name}",
        PolicyId = "ANPAJ2UCCR6DPCEXAMPLE",
        Path = "/",
        DefaultVersionId = "v1",
        AttachmentCount = 1,
        Document = json is null ? null : Doc(json),
    };

    public static InlinePolicy Inline(string name, string json) => new(name, Doc(json));

    /// <summary>A credential report row: days are counted back from <see cref="ReportTime"/>; null means "N/A".</summary>
    public static CredentialReportEntry Credentials(
        bool password = true, int? passwordUsedDaysAgo = 3, int passwordChangedDaysAgo = 30, bool mfa = true,
        (bool Active, int RotatedDaysAgo, int? UsedDaysAgo)? key1 = null, (bool Active, int RotatedDaysAgo, int? UsedDaysAgo)? key2 = null) => new()
    {
        ReportGeneratedAt = ReportTime,
        UserCreationTime = ReportTime.AddDays(-400),
        PasswordEnabled = password,
        PasswordLastUsed = password && passwordUsedDaysAgo is { } used ? ReportTime.AddDays(-used) : null,
        PasswordLastChanged = password ? ReportTime.AddDays(-passwordChangedDaysAgo) : null,
        MfaActive = mfa,
        AccessKeys = [Key(1, key1), Key(2, key2)],
    };

    private static AccessKeyReport Key(int slot, (bool Active, int RotatedDaysAgo, int? UsedDaysAgo)? key) =>
        key is { } k
            ? new AccessKeyReport(slot, k.Active, ReportTime.AddDays(-k.RotatedDaysAgo), k.UsedDaysAgo is { } u ? ReportTime.AddDays(-u) : null)
            : new AccessKeyReport(slot, false, null, null);
}
