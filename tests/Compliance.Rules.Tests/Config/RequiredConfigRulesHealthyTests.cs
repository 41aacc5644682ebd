using Compliance.Rules.Config;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Config;

public sealed class RequiredConfigRulesHealthyTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private readonly RequiredConfigRulesHealthy _rule = new();
    private static readonly Dictionary<string, string> TwoRules = new() { ["requiredRules"] = "S3_DEFAULT_ENCRYPTION_KMS,VPC_FLOW_LOGS_ENABLED" };

    private static ConfigRule Rule(string name, string identifier, string region = Region, string? frequency = null) => new()
    {
        Id = name,
        Region = region,
        AccountId = Account,
        Arn = $"arn:aws:config:{region}:{Account}:config-rule/config-rule-{name.Length:x4}",
        Owner = "AWS",
        SourceIdentifier = identifier,
        State = "ACTIVE",
        MaximumExecutionFrequency = frequency,
        EvaluationStatus = new ConfigRuleEvaluationStatus
        {
            ReadAt = ReadAt,
            LastSuccessfulEvaluationTime = ReadAt.AddHours(-3),
            LastSuccessfulInvocationTime = ReadAt.AddHours(-3),
            FirstEvaluationStarted = true,
        },
    };

    private static IEnumerable<ConfigRule> Healthy(string region) =>
        [Rule("s3-default-encryption-kms", "S3_DEFAULT_ENCRYPTION_KMS", region), Rule("vpc-flow-logs-enabled", "VPC_FLOW_LOGS_ENABLED", region, "TwentyFour_Hours")];

    private Finding Judge(AwsInventory inventory, string region = Region) =>
        Evaluate(_rule, inventory, TwoRules).Single(f => f.Resource.Region == region);

    [Fact]
    public void Every_required_rule_deployed_active_and_evaluating_passes_in_each_region()
    {
        var findings = Evaluate(_rule, BaseInventory with { ConfigRules = [.. Healthy(Region), .. Healthy(OtherRegion)] }, TwoRules);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Pass, f.Status));
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, Region, Account), findings[0].Resource);
    }

    [Fact]
    public void A_missing_rule_fails_only_in_its_region()
    {
        var inventory = BaseInventory with { ConfigRules = [.. Healthy(Region), Rule("s3-default-encryption-kms", "S3_DEFAULT_ENCRYPTION_KMS", OtherRegion)] };

        Assert.Equal(ComplianceStatus.Pass, Judge(inventory).Status);
        var failed = Judge(inventory, OtherRegion);
        Assert.Equal(ComplianceStatus.Fail, failed.Status);
        Assert.Equal($"Account {Account} in {OtherRegion}: required Config rule VPC_FLOW_LOGS_ENABLED is not deployed.", failed.Message);
        Assert.Equal("not deployed", failed.Evidence["VPC_FLOW_LOGS_ENABLED"]);
    }

    [Fact]
    public void A_rule_deleting_failing_or_stale_fails()
    {
        var deleting = Healthy(Region).Select(r => r.SourceIdentifier == "VPC_FLOW_LOGS_ENABLED" ? r with { State = "DELETING" } : r);
        var failing = Healthy(Region).Select(r => r.SourceIdentifier == "S3_DEFAULT_ENCRYPTION_KMS"
            ? r with { EvaluationStatus = r.EvaluationStatus! with { LastFailedEvaluationTime = ReadAt.AddHours(-1), LastErrorCode = "AccessDenied", LastErrorMessage = "Config could not read the bucket policy" } }
            : r);
        var stale = Healthy(Region).Select(r => r.SourceIdentifier == "VPC_FLOW_LOGS_ENABLED"
            ? r with { EvaluationStatus = r.EvaluationStatus! with { LastSuccessfulEvaluationTime = ReadAt.AddHours(-30) } }
            : r);

        Assert.Contains("VPC_FLOW_LOGS_ENABLED (vpc-flow-logs-enabled) is in state DELETING", Judge(BaseInventory with { ConfigRules = [.. deleting] }).Message, StringComparison.Ordinal);
        Assert.Contains("S3_DEFAULT_ENCRYPTION_KMS (s3-default-encryption-kms) failed its last evaluation at 2026-11-22T01:00:00Z (AccessDenied: Config could not read the bucket policy)",
            Judge(BaseInventory with { ConfigRules = [.. failing] }).Message, StringComparison.Ordinal);
        Assert.Contains("is periodic (TwentyFour_Hours) but last evaluated successfully at 2026-11-20T20:00:00Z, 30 h before the scan (more than 25 h)",
            Judge(BaseInventory with { ConfigRules = [.. stale] }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_error_followed_by_success_and_a_quiet_change_triggered_rule_pass()
    {
        var rules = Healthy(Region).Select(r => r.SourceIdentifier == "S3_DEFAULT_ENCRYPTION_KMS"
            ? r with { EvaluationStatus = r.EvaluationStatus! with { LastSuccessfulEvaluationTime = ReadAt.AddDays(-40), LastFailedEvaluationTime = ReadAt.AddDays(-41), LastErrorCode = "AccessDenied" } }
            : r);

        Assert.Equal(ComplianceStatus.Pass, Judge(BaseInventory with { ConfigRules = [.. rules] }).Status);
    }

    [Fact]
    public void A_second_healthy_copy_from_a_conformance_pack_is_enough()
    {
        var rules = Healthy(Region).Select(r => r with { State = "DELETING_RESULTS" })
            .Concat([Rule("vpc-flow-logs-enabled-conformance-pack-x1", "VPC_FLOW_LOGS_ENABLED") with { CreatedBy = "config-conforms.amazonaws.com" },
                Rule("s3-default-encryption-kms-conformance-pack-x1", "S3_DEFAULT_ENCRYPTION_KMS") with { CreatedBy = "config-conforms.amazonaws.com" }]);

        Assert.Equal(ComplianceStatus.Pass, Judge(BaseInventory with { ConfigRules = [.. rules] }).Status);
    }

    [Fact]
    public void Unknown_status_or_a_failed_listing_is_an_error_never_a_pass()
    {
        var unknown = Healthy(Region).Select(r => r.SourceIdentifier == "S3_DEFAULT_ENCRYPTION_KMS" ? r with { EvaluationStatus = null } : r);
        var denied = BaseInventory with
        {
            CollectionErrors = [new CollectionError { Service = "config", Operation = "DescribeConfigRules", Region = Region, ResourceType = ResourceTypes.ConfigRule, ErrorCode = "AccessDeniedException", Message = "denied" }],
        };

        Assert.Equal(ComplianceStatus.Error, Judge(BaseInventory with { ConfigRules = [.. unknown] }).Status);
        Assert.Equal(ComplianceStatus.Error, Judge(denied).Status);
        Assert.Equal(ComplianceStatus.Fail, Judge(denied, OtherRegion).Status);
    }

    [Fact]
    public void The_default_list_is_the_baseline_encryption_rules_and_regional_pci_rules()
    {
        var findings = Evaluate(_rule, BaseInventory);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Fail, f.Status));
        Assert.Contains("S3_DEFAULT_ENCRYPTION_KMS is not deployed; ENCRYPTED_VOLUMES is not deployed; CLOUDWATCH_LOG_GROUP_ENCRYPTED is not deployed", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("INCOMING_SSH_DISABLED is not deployed", findings[0].Message, StringComparison.Ordinal);
    }
}
