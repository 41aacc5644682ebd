using Compliance.Rules.Lambda;
using static Compliance.Rules.Tests.Lambda.LambdaFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Lambda;

public sealed class EnvironmentEncryptedWithCustomerKeyTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["LOG_LEVEL"] = "info", ["TABLE_NAME"] = "payments-audit" };

    private readonly EnvironmentEncryptedWithCustomerKey _rule = new();

    [Fact]
    public void Variables_need_a_customer_managed_key()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = Keys,
            LambdaFunctions =
            [
                Function("pass-customer-key") with { EnvironmentVariables = Variables, KmsKeyArn = CustomerKey },
                Function("pass-customer-key-variables-undecryptable") with { EnvironmentVariables = null, EnvironmentError = "AccessDeniedException", KmsKeyArn = CustomerKey },
                Function("fail-default-key") with { EnvironmentVariables = Variables },
                Function("fail-aws-managed-key") with { EnvironmentVariables = Variables, KmsKeyArn = $"arn:aws:kms:{Region}:{Account}:key/0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e" },
                Function("no-variables"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-default-key", "fail-aws-managed-key");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "no-variables"));
    }

    [Fact]
    public void Unknown_variables_without_a_customer_key_and_a_key_the_inventory_lacks_are_errors()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = Keys,
            LambdaFunctions =
            [
                Function("unknown-variables") with { EnvironmentVariables = null },
                Function("unknown-key") with { EnvironmentVariables = Variables, KmsKeyArn = "arn:aws:kms:eu-west-1:111122223333:key/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a" },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-variables"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-key"));
    }

    [Fact]
    public void Failure_says_the_variables_use_the_aws_managed_key()
    {
        var inventory = BaseInventory with { LambdaFunctions = [Function("fail-default-key") with { EnvironmentVariables = Variables }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Lambda function fail-default-key has 2 environment variable(s) encrypted only with Lambda's AWS managed key aws/lambda (no KMSKeyArn).", finding.Message);
        Assert.Equal(("none (aws/lambda)", "2"), (finding.Evidence["kmsKeyArn"], finding.Evidence["environmentVariableCount"]));
    }
}
