using Compliance.Rules.DynamoDB;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.DynamoDB;

public sealed class AuditTableAppendOnlyTests
{
    private readonly AuditTableAppendOnly _rule = new();

    private static DynamoDbTable Table(string name, TableTimeToLive? ttl = null) => new()
    {
        Id = name, Region = Region, AccountId = Account, Arn = $"arn:aws:dynamodb:{Region}:{Account}:table/{name}",
        TimeToLive = ttl ?? new TableTimeToLive("DISABLED", null),
    };

    private static string Grant(string table, params string[] actions) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Audit","Effect":"Allow","Action":[{{string.Join(",", actions.Select(a => $"\"{a}\""))}}],"Resource":"arn:aws:dynamodb:{{Region}}:{{Account}}:table/{{table}}"}]}""";

    /// <summary>The baseline's application role: append and read, nothing else.</summary>
    private static IamRole Appender(string table) =>
        Role("iam-application-prod", inline: [Inline("AuditTableAppendAndRead", Grant(table, "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"))]);

    [Fact]
    public void A_writer_that_may_also_update_or_delete_fails_the_table()
    {
        var inventory = BaseInventory with
        {
            DynamoDbTables = [Table("pass-audit"), Table("fail-audit"), Table("orders")],
            IamRoles = [Appender("pass-audit"), Role("writer", inline: [Inline("w", Grant("fail-audit", "dynamodb:PutItem", "dynamodb:DeleteItem"))])],
        };

        var findings = ExactFailing(_rule, inventory, "fail-audit");

        Assert.DoesNotContain(findings, f => f.Resource.Id == "orders"); // not an audit table by name
        var fail = Assert.Single(findings, f => f.Resource.Id == "fail-audit");
        Assert.Equal("Audit table fail-audit is not append-only: role writer may dynamodb:PutItem and also dynamodb:DeleteItem.", fail.Message);
        Assert.Equal("role writer", fail.Evidence["writers"]);
        Assert.Equal("role iam-application-prod", Assert.Single(findings, f => f.Resource.Id == "pass-audit").Evidence["writers"]);
    }

    [Fact]
    public void Wildcards_through_groups_and_managed_policies_count_and_explicit_denies_and_boundaries_remove()
    {
        var dynamoAll = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}}""";
        var denyDeletes = """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":["dynamodb:Delete*","dynamodb:Update*","dynamodb:BatchWriteItem","dynamodb:PartiQLUpdate","dynamodb:PartiQLDelete"],"Resource":"*"}}""";
        var boundary = Managed("append-only-boundary", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["dynamodb:PutItem","dynamodb:GetItem"],"Resource":"*"}}""");
        var inventory = BaseInventory with
        {
            DynamoDbTables = [Table("audit-a"), Table("audit-b"), Table("audit-c")],
            IamManagedPolicies = [Managed("dynamo-all", dynamoAll), boundary],
            IamGroups = [Group("Writers") with { AttachedManagedPolicyArns = [$"arn:aws:iam::{Account}:policy/dynamo-all"] }],
            IamUsers = [User("dev") with { Groups = ["Writers"] }],
            IamRoles =
            [
                Role("denied", inline: [Inline("all", dynamoAll), Inline("deny", denyDeletes)]),
                Role("bounded", inline: [Inline("all", dynamoAll)]) with { PermissionsBoundaryArn = boundary.Arn },
            ],
        };

        // dev reaches every table through its group; the two roles do too, but a Deny or a boundary takes the deletes away.
        var findings = Evaluate(_rule, inventory);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Fail, f.Status));
        Assert.All(findings, f => Assert.Contains("user dev may", f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain("role denied", f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain("role bounded", f.Message, StringComparison.Ordinal));

        var withoutDev = Evaluate(_rule, inventory with { IamUsers = [] });
        Assert.All(withoutDev, f => Assert.Equal(ComplianceStatus.Pass, f.Status));
    }

    [Fact]
    public void Batch_writes_carry_deletes_and_ttl_must_be_off()
    {
        var inventory = BaseInventory with
        {
            DynamoDbTables = [Table("fail-batch-audit"), Table("fail-ttl-audit", new TableTimeToLive("ENABLED", "expiresAt")), Table("pass-ttl-disabling-audit", new TableTimeToLive("DISABLING", "expiresAt"))],
            IamRoles = [Role("batch", inline: [Inline("b", Grant("fail-batch-audit", "dynamodb:BatchWriteItem"))])],
        };

        var findings = ExactFailing(_rule, inventory, "fail-batch-audit", "fail-ttl-audit");

        Assert.Equal("ENABLED:expiresAt", Assert.Single(findings, f => f.Resource.Id == "fail-ttl-audit").Evidence["timeToLive"]);
    }

    [Fact]
    public void Aws_managed_policies_are_out_of_scope_and_unknowns_are_errors()
    {
        var adminByAwsPolicy = Role("admin") with { AttachedManagedPolicyArns = ["arn:aws:iam::aws:policy/AdministratorAccess"] };
        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, BaseInventory with { DynamoDbTables = [Table("audit")], IamRoles = [adminByAwsPolicy] })).Status);

        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { DynamoDbTables = [Table("audit") with { TimeToLive = null }] })).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { DynamoDbTables = [Table("audit")], IamRoles = [Role("r") with { InlinePolicies = null }] })).Status);
        var unknownBoundary = Role("w", inline: [Inline("w", Grant("audit", "dynamodb:PutItem", "dynamodb:UpdateItem"))]) with { PermissionsBoundaryArn = "arn:aws:iam::aws:policy/PowerUserAccess" };
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { DynamoDbTables = [Table("audit")], IamRoles = [unknownBoundary] })).Status);

        var notCollected = new CollectionError
        {
            Service = "iam", Operation = "GetAccountAuthorizationDetails", Region = Region, AccountId = Account, ResourceType = ResourceTypes.IamRole,
            ErrorCode = "AccessDenied", Message = "not authorized",
        };
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { DynamoDbTables = [Table("audit")], CollectionErrors = [notCollected] })).Status);
    }
}
