using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class PolicyNoKmsDecryptOnAllKeysTests
{
    private readonly PolicyNoKmsDecryptOnAllKeys _rule = new();

    private const string KeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static string Policy(string statement) => $$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""";

    [Fact]
    public void Decrypt_or_re_encrypt_on_a_key_wildcard_fails_unless_a_condition_pins_the_keys()
    {
        var inventory = BaseInventory with
        {
            IamManagedPolicies =
            [
                Managed("fail-decrypt-star", Policy("""{"Sid":"DecryptAll","Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}""")),
                Managed("fail-kms-star", Policy("""{"Effect":"Allow","Action":"kms:*","Resource":"arn:aws:kms:*:123456789012:key/*"}""")),
                Managed("fail-region-keys", Policy("""{"Effect":"Allow","Action":"kms:ReEncrypt*","Resource":"arn:aws:kms:us-east-1:123456789012:key/*"}""")),
                Managed("fail-mfa-only", Policy("""{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}""")),
                Managed("fail-not-resource", Policy($$"""{"Effect":"Allow","Action":"kms:Decrypt","NotResource":"{{KeyArn}}"}""")),
                Managed("pass-named-key", Policy($$"""{"Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],"Resource":"{{KeyArn}}"}""")),
                Managed("pass-via-service", Policy("""{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"dynamodb.eu-west-1.amazonaws.com"}}}""")),
                Managed("pass-encrypt-only", Policy("""{"Effect":"Allow","Action":["kms:Encrypt","kms:GenerateDataKey*"],"Resource":"*"}""")),
                Managed("pass-denied", Policy("""{"Effect":"Allow","Action":"kms:*","Resource":"*"},{"Effect":"Deny","Action":["kms:Decrypt","kms:ReEncryptFrom"],"Resource":"*"}""")),
                Managed("pass-other-account", Policy("""{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:*:210987654321:key/*"}""")),
            ],
            IamGroups = [Group("Ops", Inline("fail-inline", Policy("""{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}""")))],
        };

        var findings = ExactFailing(_rule, inventory, "fail-decrypt-star", "fail-kms-star", "fail-region-keys", "fail-mfa-only", "fail-not-resource", "group/Ops/fail-inline");

        var first = Assert.Single(findings, f => f.Resource.Id == "fail-decrypt-star");
        Assert.Equal("Statement DecryptAll of customer managed policy fail-decrypt-star allows kms:Decrypt on every key (*).", first.Message);
        Assert.Equal(("kms:Decrypt", "DecryptAll", "*"), (first.Evidence["actions"], first.Evidence["statement"], first.Evidence["resource"]));
        Assert.Equal("kms:Decrypt,kms:ReEncryptFrom", Assert.Single(findings, f => f.Resource.Id == "fail-kms-star").Evidence["actions"]);
    }

    [Fact]
    public void An_unknown_document_is_an_error() =>
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { IamManagedPolicies = [Managed("x", null)] })).Status);
}
