using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class VpcEndpointPolicyRestrictedTests
{
    private const string DefaultPolicy = """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";

    private const string OrgScoped = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "AllowOrgPrincipals",
              "Effect": "Allow",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
            }
          ]
        }
        """;

    private const string AccountAndResourceScoped = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "AccessToOwnBuckets",
              "Effect": "Allow",
              "Principal": "*",
              "Action": ["s3:GetObject", "s3:PutObject"],
              "Resource": "arn:aws:s3:::app-data-123456789012/*",
              "Condition": { "StringEquals": { "aws:PrincipalAccount": "123456789012", "aws:ResourceAccount": "123456789012" } }
            }
          ]
        }
        """;

    private const string NamedRole = """
        {
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:role/payments-app" },
              "Action": ["secretsmanager:GetSecretValue"],
              "Resource": "*"
            }
          ]
        }
        """;

    private const string SourceVpceOnly = """
        {
          "Statement": [
            {
              "Sid": "ThisEndpointOnly",
              "Effect": "Allow",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" } }
            }
          ]
        }
        """;

    private const string WildcardOrg = """
        {
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": { "StringLike": { "aws:PrincipalOrgID": "*" } }
            }
          ]
        }
        """;

    private const string OrgScopedPlusOpenRead = """
        {
          "Statement": [
            {
              "Sid": "Org",
              "Effect": "Allow",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
            },
            { "Sid": "PublicRead", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::public-assets/*" }
          ]
        }
        """;

    private const string DenyOnly = """
        {
          "Statement": [
            {
              "Effect": "Deny",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
            }
          ]
        }
        """;

    private readonly VpcEndpointPolicyRestricted _rule = new();

    private static VpcEndpoint Endpoint(string id, string service, string type, string? policyJson) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:vpc-endpoint/{id}",
        VpcId = "vpc-0a1b2c3d4e5f60718",
        ServiceName = service.StartsWith("com.", StringComparison.Ordinal) ? service : $"com.amazonaws.{Region}.{service}",
        VpcEndpointType = type,
        State = "available",
        PrivateDnsEnabled = type == "Interface",
        PolicyDocument = policyJson is null ? null : PolicyDocumentJsonConverter.Parse(policyJson),
    };

    [Fact]
    public void Default_full_access_policy_fails_and_org_or_account_scoped_policies_pass()
    {
        var inventory = BaseInventory with
        {
            VpcEndpoints =
            [
                Endpoint("pass-org-scoped-gateway", "s3", "Gateway", OrgScoped),
                Endpoint("pass-org-scoped-interface", "kms", "Interface", OrgScoped),
                Endpoint("pass-account-and-resource-scoped", "s3", "Gateway", AccountAndResourceScoped),
                Endpoint("pass-named-role", "secretsmanager", "Interface", NamedRole),
                Endpoint("pass-deny-only", "sts", "Interface", DenyOnly),
                Endpoint("fail-default-gateway", "dynamodb", "Gateway", DefaultPolicy),
                Endpoint("fail-default-interface", "logs", "Interface", DefaultPolicy),
                Endpoint("fail-source-vpce-only", "s3", "Gateway", SourceVpceOnly),
                Endpoint("fail-wildcard-org-id", "sns", "Interface", WildcardOrg),
                Endpoint("fail-one-open-statement", "s3", "Gateway", OrgScopedPlusOpenRead),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-default-gateway", "fail-default-interface", "fail-source-vpce-only", "fail-wildcard-org-id", "fail-one-open-statement");
    }

    [Fact]
    public void Unreadable_policy_is_an_error()
    {
        var inventory = BaseInventory with { VpcEndpoints = [Endpoint("vpce-0a1b2c3d4e5f60718", "s3", "Gateway", policyJson: null)] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "vpce-0a1b2c3d4e5f60718"));
    }

    [Fact]
    public void Endpoints_that_take_no_policy_are_not_applicable()
    {
        var inventory = BaseInventory with
        {
            VpcEndpoints =
            [
                Endpoint("vpce-0000000000000000a", "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", "GatewayLoadBalancer", policyJson: null),
                Endpoint("vpce-0000000000000000b", "com.amazonaws.vpce.eu-west-1.vpce-svc-0fedcba9876543210", "Interface", DefaultPolicy),
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "vpce-0000000000000000a"));
        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "vpce-0000000000000000b"));
    }

    [Fact]
    public void Failure_names_the_statement_actions_and_resources()
    {
        var inventory = BaseInventory with { VpcEndpoints = [Endpoint("vpce-0a1b2c3d4e5f60718", "s3", "Gateway", OrgScopedPlusOpenRead)] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "VPC endpoint vpce-0a1b2c3d4e5f60718 (com.amazonaws.eu-west-1.s3) policy statement 'PublicRead' allows any principal to perform s3:GetObject "
            + "on arn:aws:s3:::public-assets/* with no condition restricting the caller's organization, account or principal.",
            finding.Message);
        Assert.Equal("'PublicRead'", finding.Evidence["offendingStatements"]);
        Assert.Equal("none", finding.Evidence["conditionKeys"]);
    }
}
