using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.IamResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class IamRootAndReportCollectorTests
{
    private static readonly CollectionScope Root = new() { Types = new HashSet<string> { ResourceTypes.IamRootUser } };
    private static readonly CollectionScope RootAndReport = new() { Types = new HashSet<string> { ResourceTypes.IamRootUser, ResourceTypes.IamCredentialReport } };

    private static Task<AwsInventory> Collect(FakeAws aws, CollectionScope? scope = null) =>
        CollectorHarness.Collect(new IamCollector(TimeSpan.FromMilliseconds(1)), aws, scope: scope ?? CollectionScope.Everything);

    /// <summary>Every IAM read answered: the whole collector on the reference bodies.</summary>
    private static FakeAws Everything() => new FakeAws()
        .On("iam", "GetAccountPasswordPolicy", Error("NoSuchEntity", "The Password Policy with domain name 123456789012 cannot be found.", HttpStatusCode.NotFound))
        .On("iam", "GetAccountSummary", Response("GetAccountSummary", Summary()))
        .On("iam", "ListVirtualMFADevices", Response("ListVirtualMFADevices", VirtualMfaWithRoot))
        .On("iam", "GenerateCredentialReport", Response("GenerateCredentialReport", ReportStarted), Response("GenerateCredentialReport", ReportComplete))
        .On("iam", "GetCredentialReport", Response("GetCredentialReport", Report()))
        .On("iam", "GetAccountAuthorizationDetails", Response("GetAccountAuthorizationDetails", DetailsPageOne), Response("GetAccountAuthorizationDetails", DetailsPageTwo))
        .On("iam", "ListRoles", Response("ListRoles", Roles));

    [Fact]
    public async Task The_root_user_gets_the_summary_flags_its_virtual_device_and_its_report_row()
    {
        var aws = Everything();

        var inventory = await Collect(aws, RootAndReport);

        var root = Assert.Single(inventory.RootUsers);
        Assert.Equal(("123456789012", "global", "arn:aws:iam::123456789012:root"), (root.Id, root.Region, root.Arn));
        Assert.Equal((true, false, true, false), (root.MfaEnabled, root.AccessKeysPresent, root.PasswordPresent, root.SigningCertificatesPresent));
        Assert.Equal(["arn:aws:iam::123456789012:mfa/RootMFAdeviceName"], root.VirtualMfaDevices); // the user's device is not the root's
        var row = root.CredentialReport!;
        Assert.Equal((null, true), (row.PasswordEnabled, row.MfaActive)); // not_supported for root
        Assert.All(row.AccessKeys, k => Assert.False(k.Active));
        Assert.Equal("Assigned", Assert.Single(aws.Calls("iam", "ListVirtualMFADevices")).Param("AssignmentStatus"));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_whole_scan_joins_report_rows_to_users_in_a_fixed_number_of_calls()
    {
        var aws = Everything();

        var inventory = await Collect(aws);

        Assert.Empty(inventory.CollectionErrors);
        var alice = inventory.IamUsers.Single(u => u.Id == "Alice").Credentials!;
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero), alice.ReportGeneratedAt);
        Assert.Equal((true, true), (alice.PasswordEnabled, alice.MfaActive));
        Assert.Equal(new DateTimeOffset(2025, 6, 29, 10, 0, 0, TimeSpan.Zero), alice.PasswordLastUsed);
        Assert.Equal(new AccessKeyReport(1, true, new DateTimeOffset(2025, 4, 1, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 29, 11, 0, 0, TimeSpan.Zero)), alice.AccessKeys[0]);
        Assert.False(alice.AccessKeys[1].Active);
        var bob = inventory.IamUsers.Single(u => u.Id == "Bob").Credentials!;
        Assert.Null(bob.PasswordLastUsed); // no_information
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), bob.PasswordLastChanged);
        Assert.False(Assert.Single(inventory.PasswordPolicies).Configured);

        // Budget: password policy, summary, one virtual-MFA page, two report polls, the report, two detail pages, one role page.
        Assert.Equal(2, aws.Calls("iam", "GenerateCredentialReport").Count);
        Assert.Equal(9, aws.Requests.Count);
    }

    [Fact]
    public async Task A_denied_summary_leaves_its_flags_unknown_on_a_root_record_that_still_exists()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountSummary", Error("AccessDenied", "not authorized to perform: iam:GetAccountSummary"))
            .On("iam", "ListVirtualMFADevices", Response("ListVirtualMFADevices", VirtualMfaUsersOnly));

        var inventory = await Collect(aws, Root);

        var root = Assert.Single(inventory.RootUsers);
        Assert.Equal((null, null, null), (root.MfaEnabled, root.AccessKeysPresent, root.PasswordPresent));
        Assert.Empty(root.VirtualMfaDevices!);
        Assert.Null(root.CredentialReport);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("GetAccountSummary", ResourceTypes.IamRootUser, "123456789012"), (error.Operation, error.ResourceType, error.ResourceId));
        Assert.Equal(2, aws.Requests.Count);
    }

    [Fact]
    public async Task A_denied_device_listing_leaves_the_devices_unknown()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountSummary", Response("GetAccountSummary", Summary()))
            .On("iam", "ListVirtualMFADevices", Error("AccessDenied", "not authorized to perform: iam:ListVirtualMFADevices"));

        var root = Assert.Single((await Collect(aws, Root)).RootUsers);

        Assert.Null(root.VirtualMfaDevices);
        Assert.True(root.MfaEnabled);
    }

    [Fact]
    public async Task A_report_that_never_completes_or_cannot_be_read_is_a_report_error_and_users_get_no_rows()
    {
        var never = new FakeAws().On("iam", "GenerateCredentialReport", Response("GenerateCredentialReport", "<State>INPROGRESS</State>"));
        var scope = new CollectionScope { Types = new HashSet<string> { ResourceTypes.IamCredentialReport } };

        var stuck = await Collect(never, scope);

        Assert.Equal(30, never.Calls("iam", "GenerateCredentialReport").Count);
        Assert.Equal(("ReportNotReady", ResourceTypes.IamCredentialReport), (Assert.Single(stuck.CollectionErrors).ErrorCode, stuck.CollectionErrors[0].ResourceType));

        var denied = new FakeAws()
            .On("iam", "GenerateCredentialReport", Response("GenerateCredentialReport", ReportComplete))
            .On("iam", "GetCredentialReport", Error("AccessDenied", "not authorized to perform: iam:GetCredentialReport"))
            .On("iam", "GetAccountAuthorizationDetails", Response("GetAccountAuthorizationDetails", DetailsPageOne.Replace("<IsTruncated>true</IsTruncated>", "<IsTruncated>false</IsTruncated>", StringComparison.Ordinal)));
        var inventory = await Collect(denied, new CollectionScope { Types = new HashSet<string> { ResourceTypes.IamCredentialReport, ResourceTypes.IamUser } });

        Assert.All(inventory.IamUsers, u => Assert.Null(u.Credentials));
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("GetCredentialReport", ResourceTypes.IamCredentialReport, (string?)null), (error.Operation, error.ResourceType, error.ResourceId));
    }

    [Fact]
    public async Task A_malformed_report_is_recorded_not_thrown()
    {
        var aws = new FakeAws()
            .On("iam", "GenerateCredentialReport", Response("GenerateCredentialReport", ReportComplete))
            .On("iam", "GetCredentialReport", Response("GetCredentialReport", Report("user,arn,mfa_active\nAlice,arn:aws:iam::123456789012:user/Alice,maybe\n")));

        var inventory = await Collect(aws, new CollectionScope { Types = new HashSet<string> { ResourceTypes.IamCredentialReport } });

        Assert.Equal("InvalidCredentialReport", Assert.Single(inventory.CollectionErrors).ErrorCode);
    }
}
