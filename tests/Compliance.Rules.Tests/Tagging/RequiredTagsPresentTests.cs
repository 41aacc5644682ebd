using Compliance.Rules.Inventory;
using Compliance.Rules.Tagging;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Tagging;

public sealed class RequiredTagsPresentTests
{
    private readonly RequiredTagsPresent _rule = new();

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] extra)
    {
        var tags = new Dictionary<string, string>
        {
            ["Owner"] = "security-engineering", ["Environment"] = "prod", ["DataClassification"] = "Confidential", ["PCIScope"] = "true",
        };
        foreach (var (key, value) in extra)
        {
            tags[key] = value;
        }

        return tags;
    }

    private static Dictionary<string, string> Without(string key) => Tags().Where(t => t.Key != key).ToDictionary(t => t.Key, t => t.Value);

    private static Bucket Bucket(string name, IReadOnlyDictionary<string, string> tags, bool unknown = false) =>
        new() { Id = name, Region = Region, AccountId = Account, Tags = tags, TagsUnknown = unknown };

    private static Subnet Subnet(string id, IReadOnlyDictionary<string, string> tags, string vpc = "vpc-0a1b2c3d4e5f60718") =>
        new() { Id = id, Region = Region, AccountId = Account, VpcId = vpc, Tags = tags };

    [Fact]
    public void Missing_empty_or_disallowed_tags_fail_and_network_resources_also_need_a_tier()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-bucket", Tags()),
                Bucket("fail-no-owner", Without("Owner")),
                Bucket("fail-empty-scope", Tags(("PCIScope", " "))),
                Bucket("fail-bad-environment", Tags(("Environment", "production"))),
                Bucket("fail-lowercase-key", Without("Owner").Append(new("owner", "x")).ToDictionary(t => t.Key, t => t.Value)),
            ],
            Subnets = [Subnet("pass-subnet", Tags(("Tier", "application"))), Subnet("fail-subnet-no-tier", Tags())],
            DynamoDbTables = [new DynamoDbTable { Id = "pass-table", Region = Region, AccountId = Account, Tags = Tags(("Tier", "irrelevant")) }],
        };

        ExactFailing(_rule, inventory, "fail-no-owner", "fail-empty-scope", "fail-bad-environment", "fail-lowercase-key", "fail-subnet-no-tier");
    }

    [Fact]
    public void Unknown_tags_are_an_error_not_a_failure()
    {
        var findings = Evaluate(_rule, BaseInventory with { Buckets = [Bucket("unread", new Dictionary<string, string>(), unknown: true)] });

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unread"));
    }

    [Fact]
    public void Account_settings_get_no_finding_and_what_aws_creates_is_not_applicable()
    {
        const string DefaultVpc = "vpc-06e4ab6c6cEXAMPLE";
        var inventory = BaseInventory with
        {
            RegionSettings = [new RegionSettings { Id = Account, Region = Region, AccountId = Account, EbsEncryptionByDefault = true }],
            PasswordPolicies = [new PasswordPolicy { Id = Account, Region = "global", AccountId = Account, Configured = true }],
            VpcBlockPublicAccessOptions = [new VpcBlockPublicAccessOptions { Id = Account, Region = Region, AccountId = Account, InternetGatewayBlockMode = "off" }],
            KmsKeys = [new KmsKey { Id = "0987dcba-09fe-87dc-65ba-ab0987654321", Region = Region, AccountId = Account, KeyManager = "AWS" }],
            Vpcs = [new Vpc { Id = DefaultVpc, Region = Region, AccountId = Account, IsDefault = true }],
            Subnets = [Subnet("subnet-default1", new Dictionary<string, string>(), DefaultVpc)],
            SecurityGroups = [new SecurityGroup { Id = "sg-0default", Region = Region, AccountId = Account, GroupName = "default", VpcId = DefaultVpc }],
            NetworkAcls = [new NetworkAcl { Id = "acl-0default", Region = Region, AccountId = Account, VpcId = DefaultVpc, IsDefault = true }],
            RouteTables = [new RouteTable { Id = "rtb-0main", Region = Region, AccountId = Account, VpcId = DefaultVpc, Associations = [new RouteTableAssociation { Main = true }] }],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(6, findings.Count);
        Assert.All(findings, f => Assert.Equal(ComplianceStatus.NotApplicable, f.Status));
        Assert.DoesNotContain(findings, f => f.Resource.Type is ResourceTypes.EbsEncryptionByDefault or ResourceTypes.PasswordPolicy or ResourceTypes.VpcBlockPublicAccessOptions);
    }

    [Fact]
    public void The_failure_names_the_missing_keys_and_the_disallowed_values()
    {
        var finding = Assert.Single(Evaluate(_rule, BaseInventory with
        {
            Buckets = [Bucket("orders", new Dictionary<string, string> { ["Environment"] = "qa", ["DataClassification"] = "secret" })],
        }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("AWS::S3::Bucket orders lacks the mandatory tags Owner and PCIScope and has Environment='qa' (allowed: dev, test, staging, prod) "
            + "and DataClassification='secret' (allowed: public, internal, confidential, restricted, cardholder).", finding.Message);
        Assert.Equal(("Owner,PCIScope", "(missing)", "qa"), (finding.Evidence["missingTags"], finding.Evidence["tag:Owner"], finding.Evidence["tag:Environment"]));
    }

    [Fact]
    public void Required_keys_allowed_values_and_types_are_parameters()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("b", new Dictionary<string, string> { ["CostCenter"] = "1234" })],
            SnsTopics = [new SnsTopic { Id = "arn:aws:sns:eu-west-1:123456789012:t", Region = Region, AccountId = Account, Tags = new Dictionary<string, string>() }],
        };
        var parameters = new Dictionary<string, string> { ["requiredTags"] = "CostCenter", ["allowedValues"] = "CostCenter=1234|5678", ["resourceTypes"] = ResourceTypes.Bucket };

        var finding = Assert.Single(Evaluate(_rule, inventory, parameters));

        Assert.Equal((ComplianceStatus.Pass, "b"), (finding.Status, finding.Resource.Id));
        Assert.Throws<FormatException>(() => Evaluate(_rule, inventory, new Dictionary<string, string> { ["allowedValues"] = "Environment" }));
    }
}
