using Compliance.Rules.Inventory;
using Compliance.Rules.Logs;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Logs;

public sealed class LogGroupEncryptedWithCustomerKeyRemediationTests
{
    private const string OtherRegionKeyArn = $"arn:aws:kms:{OtherRegion}:{Account}:key/{CustomerKeyId}";
    private static readonly RemediationSettings Configured = new() { LogGroupKmsKeyArns = [CustomerKeyArn, OtherRegionKeyArn] };

    private readonly LogGroupEncryptedWithCustomerKey _rule = new();

    private static LogGroup Group(string name, string? kmsKeyId, string region = Region) => new()
    {
        Id = name,
        Region = region,
        AccountId = Account,
        Arn = $"arn:aws:logs:{region}:{Account}:log-group:{name}:*",
        KmsKeyId = kmsKeyId,
        RetentionInDays = 365,
    };

    private static AwsInventory Inventory(LogGroup group, params KmsKey[] keys) => BaseInventory with
    {
        LogGroups = [group],
        KmsKeys = keys.Length == 0 ? [CustomerKey(CustomerKeyId), CustomerKey(CustomerKeyId, OtherRegion), AwsManagedKey(AwsManagedKeyId, "alias/aws/logs")] : keys,
    };

    [Theory]
    [InlineData(Region, CustomerKeyArn)]
    [InlineData(OtherRegion, OtherRegionKeyArn)]
    public void A_group_without_a_customer_key_gets_the_configured_key_of_its_region(string region, string expectedKey)
    {
        var remediation = new LogGroupEncryptedWithCustomerKeyRemediation(Configured);

        var plan = PlanFor(_rule, remediation, Inventory(Group("/app/fail-service-managed", null, region)), "/app/fail-service-managed");

        IsSingleCall(plan, "logs:AssociateKmsKey", new Dictionary<string, string> { ["Region"] = region, ["LogGroupName"] = "/app/fail-service-managed", ["KmsKeyId"] = expectedKey });
        DeclaresItsActions(remediation, plan!);
    }

    [Fact]
    public void A_group_with_an_aws_managed_key_is_planned_too() =>
        Assert.NotNull(PlanFor(_rule, new LogGroupEncryptedWithCustomerKeyRemediation(Configured), Inventory(Group("/app/fail-aws-key", AwsManagedKeyArn)), "/app/fail-aws-key"));

    [Fact]
    public void Without_a_configured_key_for_the_region_there_is_no_plan()
    {
        var inventory = Inventory(Group("/app/fail-service-managed", null));

        Assert.Null(PlanFor(_rule, new LogGroupEncryptedWithCustomerKeyRemediation(), inventory, "/app/fail-service-managed"));
        Assert.Null(PlanFor(_rule, new LogGroupEncryptedWithCustomerKeyRemediation(new RemediationSettings { LogGroupKmsKeyArns = [OtherRegionKeyArn] }), inventory, "/app/fail-service-managed"));
    }

    [Fact]
    public void A_configured_key_that_is_unknown_disabled_or_aws_managed_is_not_used()
    {
        var group = Group("/app/fail-service-managed", null);
        var remediation = new LogGroupEncryptedWithCustomerKeyRemediation(Configured);

        Assert.Null(PlanFor(_rule, remediation, Inventory(group, AwsManagedKey(AwsManagedKeyId)), group.Id));
        Assert.Null(PlanFor(_rule, remediation, Inventory(group, CustomerKey(CustomerKeyId) with { KeyState = "Disabled" }), group.Id));
        Assert.Null(PlanFor(_rule, remediation, Inventory(group, CustomerKey(CustomerKeyId) with { KeyManager = "AWS" }), group.Id));
    }

    [Fact]
    public void Compliant_and_unknown_groups_get_no_plan()
    {
        var remediation = new LogGroupEncryptedWithCustomerKeyRemediation(Configured);
        const string unknownKey = $"arn:aws:kms:{Region}:{Account}:key/5f6e7d8c-1a2b-3c4d-5e6f-7a8b9c0d1e2f";

        Assert.Null(PlanFor(_rule, remediation, Inventory(Group("/app/pass-cmk", CustomerKeyArn)), "/app/pass-cmk"));
        Assert.Null(PlanFor(_rule, remediation, Inventory(Group("/app/error-unknown-key", unknownKey)), "/app/error-unknown-key"));
    }
}
