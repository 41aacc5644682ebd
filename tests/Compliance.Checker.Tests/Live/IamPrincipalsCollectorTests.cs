using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.IamResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class IamPrincipalsCollectorTests
{
    private const string Denied = "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: iam:GetAccountAuthorizationDetails";

    private static readonly CollectionScope Principals = new()
    {
        Types = new HashSet<string> { ResourceTypes.IamUser, ResourceTypes.IamGroup, ResourceTypes.IamRole, ResourceTypes.IamManagedPolicy, ResourceTypes.IamPolicy },
    };

    private static FakeAws TwoPages() => new FakeAws()
        .On("iam", "GetAccountAuthorizationDetails", Response("GetAccountAuthorizationDetails", DetailsPageOne), Response("GetAccountAuthorizationDetails", DetailsPageTwo))
        .On("iam", "ListRoles", Response("ListRoles", Roles));

    private static Task<AwsInventory> Collect(FakeAws aws, CollectionScope? scope = null) =>
        CollectorHarness.Collect(new IamCollector(TimeSpan.FromMilliseconds(1)), aws, scope: scope ?? Principals);

    [Fact]
    public async Task Maps_users_groups_roles_and_policies_from_every_page_with_decoded_documents()
    {
        var inventory = await Collect(TwoPages());

        Assert.Empty(inventory.CollectionErrors);
        var alice = inventory.IamUsers.Single(u => u.Id == "Alice");
        Assert.Equal(("global", "123456789012", "arn:aws:iam::123456789012:user/Alice", "AIDACKCEVSQ6C2EXAMPLE", "/"), (alice.Region, alice.AccountId, alice.Arn, alice.UserId, alice.Path));
        Assert.Equal(new DateTimeOffset(2013, 10, 14, 18, 32, 24, TimeSpan.Zero), alice.CreateDate);
        Assert.Equal(["Admins"], alice.Groups);
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess"], alice.AttachedManagedPolicyArns);
        Assert.Empty(alice.InlinePolicies!);
        Assert.Equal("arn:aws:iam::123456789012:policy/ReadLogs", alice.PermissionsBoundaryArn);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "platform" }, alice.Tags);
        Assert.Null(alice.Credentials); // the credential report was not in scope

        var bob = inventory.IamUsers.Single(u => u.Id == "Bob");
        var inline = Assert.Single(bob.InlinePolicies!);
        Assert.Equal("DenyBillingPolicy", inline.PolicyName);
        Assert.Equal(PolicyDocumentJsonConverter.Parse(DenyBilling).Statements[0].Actions, inline.Document!.Statements[0].Actions);
        Assert.Equal("", bob.PermissionsBoundaryArn);
        Assert.Empty(bob.Groups!);

        var admins = Assert.Single(inventory.IamGroups);
        Assert.Equal(("Admins", "AIDACKCEVSQ6C7EXAMPLE", "AdministratorAccess-201409151020"), (admins.Id, admins.GroupId, Assert.Single(admins.InlinePolicies!).PolicyName));
        Assert.Equal(["*"], admins.InlinePolicies![0].Document!.Statements[0].Actions);

        var role = inventory.IamRoles.Single(r => r.Id == "EC2role");
        Assert.Equal(("arn:aws:iam::123456789012:role/EC2role", "AROAFP4BKI7Y7TEXAMPLE", 43200, false), (role.Arn, role.RoleId, role.MaxSessionDuration, role.IsServiceLinked));
        Assert.Equal(["ec2.amazonaws.com"], role.AssumeRolePolicy!.Statements[0].Principal!.Of("Service"));
        Assert.Equal(["s3:*", "dynamodb:*"], Assert.Single(role.InlinePolicies!).Document!.Statements[0].Actions);
        Assert.Equal(["arn:aws:iam::123456789012:policy/ReadLogs"], role.AttachedManagedPolicyArns);
        Assert.Equal("web", role.Tag("Name"));
        var linked = inventory.IamRoles.Single(r => r.Id == "AWSServiceRoleForSupport");
        Assert.Equal((true, 3600), (linked.IsServiceLinked, linked.MaxSessionDuration));

        var policy = Assert.Single(inventory.IamManagedPolicies);
        Assert.Equal(("ReadLogs", "arn:aws:iam::123456789012:policy/ReadLogs", "v2", 1, "ANPAJ2UCCR6DPCEXAMPLE"), (policy.Id, policy.Arn, policy.DefaultVersionId, policy.AttachmentCount, policy.PolicyId));
        Assert.Equal(["logs:Get*", "logs:Describe*"], policy.Document!.Statements[0].Actions); // the default version, not v1
    }

    [Fact]
    public async Task Pages_on_the_marker_with_the_wanted_filters_and_the_budget_is_the_pages()
    {
        var aws = TwoPages();

        await Collect(aws);

        var pages = aws.Calls("iam", "GetAccountAuthorizationDetails");
        Assert.Equal(2, pages.Count);
        Assert.Equal(("User", "Group", "Role", "LocalManagedPolicy", "1000"),
            (pages[0].Param("Filter.member.1"), pages[0].Param("Filter.member.2"), pages[0].Param("Filter.member.3"), pages[0].Param("Filter.member.4"), pages[0].Param("MaxItems")));
        Assert.Null(pages[0].Param("Marker"));
        Assert.StartsWith("EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl/eeaCX3Jo94", pages[1].Param("Marker"), StringComparison.Ordinal);
        Assert.Single(aws.Calls("iam", "ListRoles"));
        Assert.Equal(3, aws.Requests.Count); // two pages and one ListRoles, whatever the number of users, roles and policies
        Assert.All(aws.Requests, r => Assert.Equal(("iam", "us-east-1"), (r.Service, r.Region)));
    }

    [Fact]
    public async Task A_denied_listing_leaves_every_wanted_type_missing()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountAuthorizationDetails", Error("AccessDenied", Denied))
            .On("iam", "ListRoles", Response("ListRoles", Roles));

        var inventory = await Collect(aws);

        Assert.Empty(inventory.IamUsers);
        Assert.Empty(inventory.IamRoles);
        Assert.Equal(
            [ResourceTypes.IamGroup, ResourceTypes.IamManagedPolicy, ResourceTypes.IamPolicy, ResourceTypes.IamRole, ResourceTypes.IamUser],
            inventory.CollectionErrors.Select(e => e.ResourceType).Order(StringComparer.Ordinal));
        Assert.All(inventory.CollectionErrors, e => Assert.Equal(("GetAccountAuthorizationDetails", "AccessDenied", (string?)null), (e.Operation, e.ErrorCode, e.ResourceId)));
        Assert.Single(aws.Calls("iam", "GetAccountAuthorizationDetails"));
    }

    [Fact]
    public async Task A_failed_second_page_keeps_the_first_and_records_the_gap()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountAuthorizationDetails", Response("GetAccountAuthorizationDetails", DetailsPageOne), Error("AccessDenied", Denied))
            .On("iam", "ListRoles", Response("ListRoles", Roles));

        var inventory = await Collect(aws);

        Assert.Equal(["Alice", "Bob"], inventory.IamUsers.Select(u => u.Id));
        Assert.Empty(inventory.IamRoles);
        Assert.Contains(inventory.CollectionErrors, e => e.ResourceType == ResourceTypes.IamRole && e.ResourceId is null);
    }

    [Fact]
    public async Task ListRoles_denied_leaves_only_the_session_durations_unknown()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountAuthorizationDetails", Response("GetAccountAuthorizationDetails", DetailsPageOne), Response("GetAccountAuthorizationDetails", DetailsPageTwo))
            .On("iam", "ListRoles", Error("AccessDenied", "not authorized to perform: iam:ListRoles"));

        var inventory = await Collect(aws);

        Assert.Equal(2, inventory.IamRoles.Count);
        Assert.All(inventory.IamRoles, r => Assert.Null(r.MaxSessionDuration));
        Assert.All(inventory.IamRoles, r => Assert.NotNull(r.AssumeRolePolicy));
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("ListRoles", ResourceTypes.IamRole, "*", "AccessDenied"), (error.Operation, error.ResourceType, error.ResourceId, error.ErrorCode));
    }

    [Fact]
    public async Task An_unparseable_document_is_unknown_and_recorded_against_its_owner()
    {
        var broken = DetailsPageTwo.Replace(Encoded(S3AndDynamo), Encoded("""{"Version":"2012-10-17","Statement":"everything"}"""), StringComparison.Ordinal);
        var aws = new FakeAws()
            .On("iam", "GetAccountAuthorizationDetails", Response("GetAccountAuthorizationDetails", broken))
            .On("iam", "ListRoles", Response("ListRoles", Roles));

        var inventory = await Collect(aws);

        var role = inventory.IamRoles.Single(r => r.Id == "EC2role");
        Assert.Null(Assert.Single(role.InlinePolicies!).Document);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("InvalidPolicy", ResourceTypes.IamRole, "EC2role"), (error.ErrorCode, error.ResourceType, error.ResourceId));
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountAuthorizationDetails", Error("Throttling", "Rate exceeded", HttpStatusCode.BadRequest), Response("GetAccountAuthorizationDetails", DetailsPageTwo))
            .On("iam", "ListRoles", Response("ListRoles", Roles));

        var inventory = await Collect(aws);

        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal(2, inventory.IamRoles.Count);
        Assert.Equal(2, aws.Calls("iam", "GetAccountAuthorizationDetails").Count);
    }

    [Fact]
    public async Task A_targeted_scan_keeps_the_named_role_and_asks_only_for_roles()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountAuthorizationDetails", Response("GetAccountAuthorizationDetails", DetailsPageTwo))
            .On("iam", "ListRoles", Response("ListRoles", Roles));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.IamRole },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.IamRole] = ["EC2role"] },
        };

        var inventory = await Collect(aws, scope);

        Assert.Equal("EC2role", Assert.Single(inventory.IamRoles).Id);
        Assert.Empty(inventory.IamManagedPolicies);
        var call = Assert.Single(aws.Calls("iam", "GetAccountAuthorizationDetails"));
        Assert.Equal(("Role", null), (call.Param("Filter.member.1"), call.Param("Filter.member.2")));

        var none = new FakeAws();
        await Collect(none, new CollectionScope { Types = new HashSet<string> { ResourceTypes.KmsKey } });
        Assert.Empty(none.Requests);
    }
}
