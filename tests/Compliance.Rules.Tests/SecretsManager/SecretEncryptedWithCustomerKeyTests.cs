using Compliance.Rules.SecretsManager;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.SecretsManager.SecretFixtures;

namespace Compliance.Rules.Tests.SecretsManager;

public sealed class SecretEncryptedWithCustomerKeyTests
{
    private readonly SecretEncryptedWithCustomerKey _rule = new();

    private static Compliance.Rules.Inventory.AwsInventory WithKeys(params Compliance.Rules.Inventory.Secret[] secrets) =>
        Secrets(secrets) with
        {
            KmsKeys = [CustomerKey(CustomerKeyId) with { Aliases = ["alias/secrets"] }, AwsManagedKey(AwsManagedKeyId, "alias/aws/secretsmanager")],
        };

    [Fact]
    public void Only_a_customer_managed_key_passes()
    {
        var inventory = WithKeys(
            Secret("pass-key-arn") with { KmsKeyId = CustomerKeyArn },
            Secret("pass-alias") with { KmsKeyId = "alias/secrets" },
            Secret("fail-default") with { KmsKeyId = null },
            Secret("fail-aws-managed-arn") with { KmsKeyId = AwsManagedKeyArn },
            Secret("fail-aws-alias") with { KmsKeyId = "alias/aws/secretsmanager" });

        ExactFailing(_rule, inventory, "fail-default", "fail-aws-managed-arn", "fail-aws-alias");
    }

    [Fact]
    public void A_key_the_inventory_does_not_know_is_an_error_and_the_default_key_is_named()
    {
        var findings = Evaluate(_rule, WithKeys(
            Secret("elsewhere") with { KmsKeyId = "arn:aws:kms:eu-west-1:111122223333:key/abcd1234-0000-1111-2222-333344445555" },
            Secret("default")));

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "elsewhere"));
        var fail = Assert.Single(findings, f => f.Resource.Id == "default");
        Assert.Equal("Secret default is encrypted with the AWS managed key aws/secretsmanager (no KmsKeyId).", fail.Message);
        Assert.Equal("none (aws/secretsmanager)", fail.Evidence["kmsKeyId"]);
    }

    [Fact]
    public void With_allowed_keys_another_customer_key_fails()
    {
        var inventory = WithKeys(Secret("app") with { KmsKeyId = "alias/secrets" }) with
        {
            KmsKeys = [CustomerKey(CustomerKeyId) with { Aliases = ["alias/secrets"] }, CustomerKey("5555aaaa-12ab-34cd-56ef-1234567890ab")],
        };
        var other = inventory with { Secrets = [Secret("other") with { KmsKeyId = "5555aaaa-12ab-34cd-56ef-1234567890ab" }] };
        var allowed = new Dictionary<string, string> { ["kmsKeyArns"] = CustomerKeyArn };

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory, allowed)).Status);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(_rule, other, allowed)).Status);
    }
}
