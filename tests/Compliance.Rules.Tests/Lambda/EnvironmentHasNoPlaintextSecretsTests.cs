using Compliance.Rules.Lambda;
using static Compliance.Rules.Tests.Lambda.LambdaFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Lambda;

public sealed class EnvironmentHasNoPlaintextSecretsTests
{
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Password = "Winter2026!payments";

    private readonly EnvironmentHasNoPlaintextSecrets _rule = new();

    private static Compliance.Rules.Inventory.LambdaFunction With(string name, string variable, string value) =>
        Function(name) with { EnvironmentVariables = new Dictionary<string, string> { [variable] = value, ["LOG_LEVEL"] = "info" } };

    [Theory]
    [InlineData("DB_PASSWORD", Password)]
    [InlineData("dbPassword", "hunter2hunter2")]
    [InlineData("API_KEY", "3f9a1c2b7d")]
    [InlineData("STRIPE_CLIENT_SECRET", "not-a-real-secret-but-literal")]
    [InlineData("GITHUB_TOKEN", "plain-token-value")]
    [InlineData("LEGACY_CREDENTIALS", "svc_reports:Reports#2024")]
    [InlineData("ANY_NAME", AccessKey)]
    [InlineData("AWS_SECRET_ACCESS_KEY", SecretKey)]
    [InlineData("CONFIG_BLOB", SecretKey)]
    [InlineData("SIGNING_MATERIAL", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----")]
    [InlineData("DATABASE_URL", "postgres://payments:Sup3rS3cret@db.internal:5432/payments")]
    [InlineData("WEBHOOK", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("PARTNER_ENDPOINT", "https://api.partner.example/v1/orders?api_key=abc123def456")]
    [InlineData("SESSION", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")]
    public void Literal_secrets_fail(string variable, string value) =>
        ExactFailing(_rule, BaseInventory with { LambdaFunctions = [With("fail-secret", variable, value)] }, "fail-secret");

    [Theory]
    [InlineData("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/payments/db-AbCdEf")]
    [InlineData("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/payments/db-AbCdEf")]
    [InlineData("API_KEY", "{{resolve:secretsmanager:prod/partner/api-key}}")]
    [InlineData("DB_PASSWORD", "/prod/payments/db-password")]
    [InlineData("TOKEN_PARAMETER_NAME", "/prod/payments/token")]
    [InlineData("SECRET_NAME", "prod/payments/db-credentials")]
    [InlineData("TOKEN_TTL", "3600")]
    [InlineData("PASSWORD_MIN_LENGTH", "14")]
    [InlineData("SECRETS_CACHE_ENABLED", "true")]
    [InlineData("TOKEN_ISSUER", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI")]
    [InlineData("API_URL", "https://api.partner.example/v1/orders")]
    [InlineData("PWD", "/var/task")]
    [InlineData("FUNCTION_NAME", "PaymentsStack-ApiHandlerFunction9C4A2E1B-Xy7Kq2LmN0pQ")]
    [InlineData("QUEUE", "PaymentsStack-OrdersQueue9C4A2E1B-Xy7Kq2LmN0pQ3zR")]
    [InlineData("TENANT", "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [InlineData("DB_PASSWORD", "")]
    [InlineData("KEY_SPEC", "SYMMETRIC_DEFAULT")]
    public void References_settings_and_identifiers_pass(string variable, string value) =>
        ExactFailing(_rule, BaseInventory with { LambdaFunctions = [With("pass-clean", variable, value)] });

    [Fact]
    public void No_value_ever_appears_in_the_message_or_evidence()
    {
        var function = Function("fail-many") with
        {
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = AccessKey, ["AWS_SECRET_ACCESS_KEY"] = SecretKey, ["DB_PASSWORD"] = Password, ["LOG_LEVEL"] = "debug",
            },
        };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { LambdaFunctions = [function] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "Lambda function fail-many keeps what looks like a plaintext secret in environment variable(s) AWS_ACCESS_KEY_ID (an AWS access key id), "
            + "AWS_SECRET_ACCESS_KEY (a secret-like name with a literal value) and DB_PASSWORD (a secret-like name with a literal value); values are masked here.",
            finding.Message);
        Assert.Equal("AWS_ACCESS_KEY_ID,AWS_SECRET_ACCESS_KEY,DB_PASSWORD", finding.Evidence["suspectVariables"]);
        foreach (var secret in new[] { AccessKey, AccessKey[4..], SecretKey, SecretKey[..12], Password, "Winter2026" })
        {
            Assert.DoesNotContain(secret, finding.Message, StringComparison.Ordinal);
            Assert.All(finding.Evidence.Values, v => Assert.DoesNotContain(secret, v, StringComparison.Ordinal));
        }

        Assert.Contains("AWS_ACCESS_KEY_ID: an AWS access key id, value AKIA******** (20 characters)", finding.Evidence["reasons"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_variables_are_an_error_and_none_are_not_applicable()
    {
        var inventory = BaseInventory with
        {
            LambdaFunctions = [Function("unknown") with { EnvironmentVariables = null, EnvironmentError = "AccessDeniedException" }, Function("empty")],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown"));
        Assert.Contains("AccessDeniedException", findings.Single(f => f.Resource.Id == "unknown").Message, StringComparison.Ordinal);
        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "empty"));
    }

    [Fact]
    public void Ignored_variables_are_not_reported()
    {
        var inventory = BaseInventory with { LambdaFunctions = [With("fn", "DB_PASSWORD", Password)] };

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["ignoredVariables"] = "db_password" });

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "fn"));
    }
}
