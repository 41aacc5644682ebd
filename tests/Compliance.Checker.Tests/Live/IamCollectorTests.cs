using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class IamCollectorTests
{
    // The IAM API reference's GetAccountPasswordPolicy sample response.
    private const string ReferencePolicy = """
        <GetAccountPasswordPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccountPasswordPolicyResult>
            <PasswordPolicy>
              <AllowUsersToChangePassword>true</AllowUsersToChangePassword>
              <RequireUppercaseCharacters>true</RequireUppercaseCharacters>
              <RequireSymbols>true</RequireSymbols>
              <ExpirePasswords>false</ExpirePasswords>
              <PasswordReusePrevention>12</PasswordReusePrevention>
              <RequireLowercaseCharacters>true</RequireLowercaseCharacters>
              <MaxPasswordAge>90</MaxPasswordAge>
              <HardExpiry>false</HardExpiry>
              <RequireNumbers>true</RequireNumbers>
              <MinimumPasswordLength>12</MinimumPasswordLength>
            </PasswordPolicy>
          </GetAccountPasswordPolicyResult>
          <ResponseMetadata>
            <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
          </ResponseMetadata>
        </GetAccountPasswordPolicyResponse>
        """;

    // A policy set with only a length and hard expiry: the boxed members are absent.
    private const string Minimal = """
        <GetAccountPasswordPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccountPasswordPolicyResult>
            <PasswordPolicy>
              <AllowUsersToChangePassword>false</AllowUsersToChangePassword>
              <RequireUppercaseCharacters>false</RequireUppercaseCharacters>
              <RequireSymbols>false</RequireSymbols>
              <ExpirePasswords>false</ExpirePasswords>
              <RequireLowercaseCharacters>false</RequireLowercaseCharacters>
              <HardExpiry>true</HardExpiry>
              <RequireNumbers>false</RequireNumbers>
              <MinimumPasswordLength>8</MinimumPasswordLength>
            </PasswordPolicy>
          </GetAccountPasswordPolicyResult>
          <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>
        </GetAccountPasswordPolicyResponse>
        """;

    /// <summary>Only the password policy: the other IAM reads have tests of their own.</summary>
    private static readonly CollectionScope PolicyOnly = new() { Types = new HashSet<string> { ResourceTypes.PasswordPolicy } };

    private static Func<FakeRequest, HttpResponseMessage> Error(string code, string message, HttpStatusCode status) => FakeAws.Xml($"""
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>4c4e2c3b-0000-11e4-8e8e-EXAMPLE</RequestId>
        </ErrorResponse>
        """, status);

    [Fact]
    public async Task Maps_every_field_of_the_policy_in_one_global_call()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy", FakeAws.Xml(ReferencePolicy));

        var inventory = await CollectorHarness.Collect(new IamCollector(), aws, scope: PolicyOnly);

        var policy = Assert.Single(inventory.PasswordPolicies);
        Assert.Equal((CollectorHarness.Account, "global", CollectorHarness.Account, true), (policy.Id, policy.Region, policy.AccountId, policy.Configured));
        Assert.Equal((12, true, true, true, true), (policy.MinimumPasswordLength, policy.RequireSymbols, policy.RequireNumbers, policy.RequireUppercaseCharacters, policy.RequireLowercaseCharacters));
        Assert.Equal((true, false, 90, 12, false), (policy.AllowUsersToChangePassword, policy.ExpirePasswords, policy.MaxPasswordAge, policy.PasswordReusePrevention, policy.HardExpiry));
        var call = Assert.Single(aws.Requests);
        Assert.Equal(("iam", "us-east-1", "2010-05-08"), (call.Service, call.Region, call.Param("Version"))); // the global endpoint signs for us-east-1
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Absent_age_and_reuse_prevention_are_null()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy", FakeAws.Xml(Minimal));

        var policy = Assert.Single((await CollectorHarness.Collect(new IamCollector(), aws, scope: PolicyOnly)).PasswordPolicies);

        Assert.Equal((8, false, false, false, false, false), (policy.MinimumPasswordLength, policy.RequireSymbols, policy.RequireNumbers,
            policy.RequireUppercaseCharacters, policy.RequireLowercaseCharacters, policy.AllowUsersToChangePassword));
        Assert.Equal((true, false, true), (policy.Configured, policy.ExpirePasswords, policy.HardExpiry));
        Assert.Null(policy.MaxPasswordAge);
        Assert.Null(policy.PasswordReusePrevention);
    }

    [Fact]
    public async Task No_such_entity_means_the_account_has_no_policy()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy",
            Error("NoSuchEntity", "The Password Policy with domain name 123456789012 cannot be found.", HttpStatusCode.NotFound));

        var inventory = await CollectorHarness.Collect(new IamCollector(), aws, scope: PolicyOnly);

        var policy = Assert.Single(inventory.PasswordPolicies);
        Assert.Equal((false, "global", 0), (policy.Configured, policy.Region, policy.MinimumPasswordLength));
        Assert.Null(policy.MaxPasswordAge);
        Assert.Empty(inventory.CollectionErrors);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Access_denied_leaves_the_policy_unknown()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy",
            Error("AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: iam:GetAccountPasswordPolicy", HttpStatusCode.Forbidden));

        var inventory = await CollectorHarness.Collect(new IamCollector(), aws, scope: PolicyOnly);

        Assert.Empty(inventory.PasswordPolicies);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("iam", "GetAccountPasswordPolicy", ResourceTypes.PasswordPolicy, "AccessDenied", (string?)null),
            (error.Service, error.Operation, error.ResourceType, error.ErrorCode, error.ResourceId));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy", Error("Throttling", "Rate exceeded", HttpStatusCode.BadRequest), FakeAws.Xml(ReferencePolicy));

        var inventory = await CollectorHarness.Collect(new IamCollector(), aws, scope: PolicyOnly);

        Assert.True(Assert.Single(inventory.PasswordPolicies).Configured);
        Assert.Equal(2, aws.Requests.Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Nothing_is_called_when_the_policy_is_not_wanted()
    {
        var other = new FakeAws();
        await CollectorHarness.Collect(new IamCollector(), other, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.SnsTopic } });
        Assert.Empty(other.Requests);

        var elsewhere = new FakeAws();
        await CollectorHarness.Collect(new IamCollector(), elsewhere, scope: new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.PasswordPolicy },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.PasswordPolicy] = ["210987654321"] },
        });
        Assert.Empty(elsewhere.Requests);
    }
}
