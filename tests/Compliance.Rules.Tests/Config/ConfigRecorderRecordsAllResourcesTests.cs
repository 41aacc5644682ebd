using Compliance.Rules.Config;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Config;

public sealed class ConfigRecorderRecordsAllResourcesTests
{
    private readonly ConfigRecorderRecordsAllResources _rule = new();

    private static string ServiceLinkedRole(string account) =>
        $"arn:aws:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

    private static ConfigurationRecorder Recorder(string name, string account = Account, string region = Region) => new()
    {
        Id = name,
        Region = region,
        AccountId = account,
        Arn = $"arn:aws:config:{region}:{account}:configuration-recorder/{name}/uzmbqhrdgsq6t0rk",
        RoleArn = ServiceLinkedRole(account),
        AllSupported = true,
        IncludeGlobalResourceTypes = true,
        RecordingStrategy = "ALL_SUPPORTED_RESOURCE_TYPES",
        Recording = true,
        LastStatus = "SUCCESS",
    };

    /// <summary>One account per recorder, all in the home Region.</summary>
    private static AwsInventory OneRegion(params ConfigurationRecorder[] recorders) => new()
    {
        AccountIds = recorders.Select(r => r.AccountId).Distinct().ToList(),
        Regions = [Region],
        ConfigurationRecorders = recorders,
    };

    [Fact]
    public void Recorders_missing_any_requirement_fail()
    {
        var inventory = OneRegion(
            Recorder("pass-default", "111111111111"),
            Recorder("pass-legacy-all-supported", "111111111112") with { RecordingStrategy = null },
            Recorder("fail-not-recording", "111111111113") with { Recording = false, LastStatus = null },
            Recorder("fail-exclusions", "111111111114") with
            {
                AllSupported = false,
                RecordingStrategy = "EXCLUSION_BY_RESOURCE_TYPES",
                ExcludedResourceTypes = ["AWS::EC2::NetworkInterface"],
            },
            Recorder("fail-selected-types", "111111111115") with { AllSupported = false, RecordingStrategy = "INCLUSION_BY_RESOURCE_TYPES" },
            Recorder("fail-no-global-in-home", "111111111116") with { IncludeGlobalResourceTypes = false },
            Recorder("fail-custom-role", "111111111117") with { RoleArn = "arn:aws:iam::111111111117:role/config-recorder-role" });

        ExactFailing(_rule, inventory,
            "fail-not-recording", "fail-exclusions", "fail-selected-types", "fail-no-global-in-home", "fail-custom-role");
    }

    [Fact]
    public void Global_resource_types_are_required_only_in_the_home_region()
    {
        var inventory = BaseInventory with
        {
            ConfigurationRecorders =
            [
                Recorder("fail-home", region: Region) with { IncludeGlobalResourceTypes = false },
                Recorder("pass-other", region: OtherRegion) with { IncludeGlobalResourceTypes = false },
            ],
        };

        ExactFailing(_rule, inventory, "fail-home");
    }

    [Fact]
    public void The_home_region_parameter_moves_the_global_resource_requirement()
    {
        var inventory = BaseInventory with
        {
            ConfigurationRecorders =
            [
                Recorder("eu", region: Region) with { IncludeGlobalResourceTypes = false },
                Recorder("us", region: OtherRegion) with { IncludeGlobalResourceTypes = false },
            ],
        };

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["homeRegion"] = OtherRegion });

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "eu"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "us"));
    }

    [Fact]
    public void A_home_region_that_was_not_scanned_is_an_error()
    {
        var inventory = BaseInventory with { ConfigurationRecorders = [Recorder("eu", region: Region), Recorder("us", region: OtherRegion)] };

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["homeRegion"] = "ap-southeast-2" });

        Assert.Equal(3, findings.Count);
        var unverified = Assert.Single(findings, f => f.Resource.Region == "ap-southeast-2");
        Assert.Equal(ComplianceStatus.Error, unverified.Status);
    }

    [Fact]
    public void A_custom_role_passes_when_the_service_linked_role_is_not_required()
    {
        var inventory = OneRegion(Recorder("custom-role") with { RoleArn = $"arn:aws:iam::{Account}:role/config-recorder-role" });

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["requireServiceLinkedRole"] = "false" });

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "custom-role"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(Evaluate(_rule, inventory), "custom-role"));
    }

    [Fact]
    public void A_region_without_a_recorder_fails_on_the_account()
    {
        var inventory = BaseInventory with { ConfigurationRecorders = [Recorder("pass-eu", region: Region)] };

        var findings = ExactFailing(_rule, inventory, Account);

        var missing = Assert.Single(findings, f => f.Resource.Id == Account);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, OtherRegion, Account), missing.Resource);
        Assert.Equal($"Account {Account} has no AWS Config configuration recorder in {OtherRegion}, so no resource configuration is recorded there.", missing.Message);
    }

    [Fact]
    public void Recorders_that_could_not_be_listed_give_an_error()
    {
        var inventory = OneRegion() with
        {
            AccountIds = [Account],
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "config", Operation = "DescribeConfigurationRecorders", Region = Region,
                    ResourceType = ResourceTypes.ConfigurationRecorder, ErrorCode = "AccessDeniedException", Message = "access denied",
                },
            ],
        };

        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, inventory)).Status);
    }

    [Fact]
    public void Unknown_recording_status_or_role_is_an_error()
    {
        var inventory = OneRegion(
            Recorder("recording-unknown", "111111111111") with { Recording = null },
            Recorder("role-unknown", "222222222222") with { RoleArn = null },
            Recorder("fail-unknown-but-excluding", "333333333333") with { Recording = null, RecordingStrategy = "EXCLUSION_BY_RESOURCE_TYPES", AllSupported = false });

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "recording-unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "role-unknown"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-unknown-but-excluding"));
    }

    [Fact]
    public void Any_compliant_recorder_in_the_region_is_enough()
    {
        var inventory = OneRegion(
            Recorder("AWSConfigurationRecorderForSecurityHub") with { AllSupported = false, RecordingStrategy = "INCLUSION_BY_RESOURCE_TYPES" },
            Recorder("default"));

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Equal("default", finding.Resource.Id);
    }

    [Fact]
    public void Failure_lists_every_unmet_requirement()
    {
        var recorder = Recorder("default") with
        {
            Recording = false,
            IncludeGlobalResourceTypes = false,
            RoleArn = $"arn:aws:iam::{Account}:role/config-recorder-role",
        };

        var finding = Assert.Single(Evaluate(_rule, OneRegion(recorder)));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(recorder.Ref, finding.Resource);
        Assert.Equal(
            $"Configuration recorder default of account {Account} in {Region} is not recording; does not record global resource types (IAM) although this is the home Region; "
            + $"uses role arn:aws:iam::{Account}:role/config-recorder-role instead of the AWSServiceRoleForConfig service-linked role.",
            finding.Message);
        Assert.Equal("false", finding.Evidence["recording"]);
        Assert.Equal("false", finding.Evidence["includeGlobalResourceTypes"]);
    }
}
