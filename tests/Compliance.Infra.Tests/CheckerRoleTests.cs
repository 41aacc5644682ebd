using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Compliance.Checker.Live.Collection;
using Compliance.Infra.Checker;

namespace Compliance.Infra.Tests;

public sealed class CheckerRoleTests
{
    private static Template Default => Synth.Checker();

    /// <summary>Every remediation allow-listed and enforced: the widest role the app can produce.</summary>
    private static Template AllRemediations =>
        Synth.Checker(("remediationMode", "enforce"), ("remediationAllow", string.Join(',', CheckerPermissions.RemediableRules)), ("cloudTrail", "true"),
            ("alertEmail", "sec@example.com"), ("suppressions", "s3://config-bucket/compliance/suppressions.yaml"));

    public static TheoryData<string> Configurations => ["default", "all-remediations"];

    private static Template Of(string configuration) => configuration == "default" ? Default : AllRemediations;

    [Fact]
    public void The_scan_statements_grant_exactly_the_collectors_read_only_actions()
    {
        var granted = RoleStatements(Default).Where(s => ((string?)s["Sid"])?.StartsWith("Scan", StringComparison.Ordinal) == true)
            .SelectMany(Actions).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(CollectorCatalog.ReadOnlyActions(), granted);
    }

    [Fact]
    public void Without_enforcement_no_remediation_action_is_granted()
    {
        var dryRun = Synth.Checker(("remediationMode", "dry-run"), ("remediationAllow", string.Join(',', CheckerPermissions.RemediableRules)));
        foreach (var template in new[] { Default, dryRun })
        {
            Assert.DoesNotContain(RoleStatements(template), s => ((string?)s["Sid"])?.StartsWith("Remediate", StringComparison.Ordinal) == true);
            var actions = RoleStatements(template).SelectMany(Actions).ToList();
            Assert.DoesNotContain("ec2:RevokeSecurityGroupIngress", actions);
            Assert.DoesNotContain("s3:PutBucketVersioning", actions);
        }
    }

    [Fact]
    public void Only_the_allow_listed_remediations_actions_are_granted_scoped_to_security_groups()
    {
        var template = Synth.Checker(("remediationMode", "enforce"), ("remediationAllow", "EC2.SecurityGroup.1"));
        var remediate = RoleStatements(template).Where(s => ((string?)s["Sid"])?.StartsWith("Remediate", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress"], remediate.SelectMany(Actions).Order(StringComparer.Ordinal));
        Assert.All(remediate, s => Assert.Contains(":security-group/*", s["Resource"]!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_service_linked_role_grant_is_guardduty_only()
    {
        var statement = RoleStatements(AllRemediations).Single(s => Actions(s).Contains("iam:CreateServiceLinkedRole"));
        Assert.Equal(["iam:CreateServiceLinkedRole"], Actions(statement));
        Assert.Equal("guardduty.amazonaws.com", (string?)statement["Condition"]!["StringEquals"]!["iam:AWSServiceName"]);
    }

    [Fact]
    public void Every_remediation_action_has_a_decided_scope()
    {
        foreach (var action in CheckerPermissions.Remediation(CheckerPermissions.RemediableRules).Concat(CheckerPermissions.ReadOnly))
        {
            Assert.NotEmpty(ActionScopes.For(action, "aws", "123456789012"));
        }
    }

    [Fact]
    public void An_allow_listed_rule_without_a_remediation_stops_synthesis()
    {
        var error = Assert.Throws<ArgumentException>(() => CheckerPermissions.Remediation(["EC2.Nope.9"]));
        Assert.Contains("remediationAllow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sinks_write_only_reports_of_this_bucket_publish_to_this_topic_and_use_this_key()
    {
        var statements = RoleStatements(Default).ToDictionary(s => (string?)s["Sid"] ?? "", s => s);
        Assert.Contains("/reports/*", statements["WriteReports"]["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("AlertsTopic", statements["PublishSummary"]["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Key", statements["UseCheckerKey"]["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ReadSuppressions", statements.Keys);
        var withSuppressions = RoleStatements(AllRemediations).Single(s => (string?)s["Sid"] == "ReadSuppressions");
        Assert.Equal(["s3:GetObject"], Actions(withSuppressions));
        Assert.Contains("config-bucket/compliance/suppressions.yaml", withSuppressions["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_role_has_no_managed_policy_and_a_one_hour_session()
    {
        Default.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["ManagedPolicyArns"] = Match.Absent(),
            ["MaxSessionDuration"] = 3600,
        });
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void No_policy_statement_in_the_stack_allows_a_star_action(string configuration)
    {
        var statements = AllStatements(CheckerStackTests.Json(Of(configuration))).ToList();
        Assert.NotEmpty(statements);
        foreach (var statement in statements.Where(s => (string?)s["Effect"] == "Allow"))
        {
            foreach (var action in Actions(statement))
            {
                Assert.False(action == "*" || action.EndsWith(":*", StringComparison.Ordinal), $"'{action}' in {statement.ToJsonString()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void A_star_resource_in_the_role_is_only_for_actions_aws_gives_no_resource_type(string configuration)
    {
        foreach (var statement in RoleStatements(Of(configuration)).Where(s => s["Resource"] is JsonValue v && v.GetValue<string>() == "*"))
        {
            Assert.All(Actions(statement), a => Assert.Contains(a, ActionScopes.WildcardOnly));
        }
    }

    private static IEnumerable<JsonNode> RoleStatements(Template template) =>
        template.FindResources("AWS::IAM::ManagedPolicy").Keys
            .SelectMany(id => CheckerStackTests.Json(template)["Resources"]![id]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!);

    /// <summary>Every policy statement anywhere in the template: IAM policies, bucket, topic, queue and key policies.</summary>
    internal static IEnumerable<JsonNode> AllStatements(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(kv => kv.Key == "Statement" && kv.Value is JsonArray array
            ? array.Select(s => s!)
            : kv.Value is null ? [] : AllStatements(kv.Value)),
        JsonArray array => array.Where(n => n is not null).SelectMany(n => AllStatements(n!)),
        _ => [],
    };

    internal static List<string> Actions(JsonNode statement) => statement["Action"] switch
    {
        JsonArray array => [.. array.Select(a => a!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
