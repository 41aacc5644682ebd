using System.Text.Json;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.Inventory;
using Compliance.Rules.KMS;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>KMS.Key.1 through the KMS handler; bodies as in the AWS KMS API reference (EnableKeyRotation, GetKeyRotationStatus).</summary>
public sealed class KmsRemediationTests
{
    private const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";

    private static string Status(bool enabled) => $$"""
        {"KeyId":"arn:aws:kms:eu-west-1:123456789012:key/{{KeyId}}","KeyRotationEnabled":{{(enabled ? "true" : "false")}}{{(enabled ? ""","NextRotationDate":1.7316864E9,"RotationPeriodInDays":365""" : "")}}}
        """;

    private static RemediationPlan RotationPlan()
    {
        var key = new KmsKey
        {
            Id = KeyId, Arn = $"arn:aws:kms:{Region}:{Account}:key/{KeyId}", Region = Region, AccountId = Account,
            KeyManager = "CUSTOMER", KeyState = "Enabled", KeySpec = "SYMMETRIC_DEFAULT", Origin = "AWS_KMS", RotationEnabled = false,
        };
        return Plan(new KeyRotationEnabled(), new KeyRotationEnabledRemediation(), Inventory with { KmsKeys = [key] });
    }

    [Fact]
    public async Task Enables_rotation_of_the_key_and_verifies_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On("kms", "GetKeyRotationStatus", FakeAws.Json(Status(false)), FakeAws.Json(Status(true)))
            .On("kms", "EnableKeyRotation", FakeAws.Json(""));
        var remediation = new KeyRotationEnabledRemediation();
        var plan = RotationPlan();

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GetKeyRotationStatus", "EnableKeyRotation", "GetKeyRotationStatus", "GetKeyRotationStatus"], Operations(aws));
        var enable = Assert.Single(aws.Calls("kms", "EnableKeyRotation"));
        Assert.Equal(Region, enable.Region);
        using var body = JsonDocument.Parse(enable.Body);
        Assert.Equal([("KeyId", KeyId)], body.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
        Assert.Equal(("false", "true", "365"), (first.Before["KeyRotationEnabled"], first.After["KeyRotationEnabled"], first.After["RotationPeriodInDays"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task Rotation_that_reads_back_disabled_is_not_a_success()
    {
        var aws = new FakeAws()
            .On("kms", "GetKeyRotationStatus", FakeAws.Json(Status(false)))
            .On("kms", "EnableKeyRotation", FakeAws.Json(""));

        var outcome = await Apply(new KeyRotationEnabledRemediation(), RotationPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.Equal("false", outcome.After["KeyRotationEnabled"]);
    }

    [Fact]
    public async Task A_key_kms_refuses_to_rotate_is_a_failure_with_the_kms_error_code()
    {
        var aws = new FakeAws()
            .On("kms", "GetKeyRotationStatus", FakeAws.Json(Status(false)))
            .On("kms", "EnableKeyRotation", FakeAws.JsonError("KMSInvalidStateException", $"arn:aws:kms:eu-west-1:123456789012:key/{KeyId} is pending deletion."));

        var outcome = await Apply(new KeyRotationEnabledRemediation(), RotationPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Failed while calling kms:EnableKeyRotation: KMSInvalidStateException", outcome.Error, StringComparison.Ordinal);
    }
}
