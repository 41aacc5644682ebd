using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class ConfigCollectorTests
{
    /// <summary>Recorders only: delivery channels and rules have their own tests (ConfigRulesCollectorTests).</summary>
    private static readonly CollectionScope RecordersOnly = new() { Types = new HashSet<string> { ResourceTypes.ConfigurationRecorder } };

    // AWS Config API reference / CLI examples (describe-configuration-recorders with an exclusion strategy).
    private const string Recorders = """
        {
          "ConfigurationRecorders": [
            { "arn": "arn:aws:config:eu-west-1:123456789012:configuration-recorder/default/abcdefghijklmno",
              "name": "default", "roleARN": "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
              "recordingGroup": { "allSupported": false, "includeGlobalResourceTypes": false, "resourceTypes": [],
                "exclusionByResourceTypes": { "resourceTypes": [ "AWS::Redshift::ClusterSnapshot", "AWS::RDS::DBClusterSnapshot" ] },
                "recordingStrategy": { "useOnly": "EXCLUSION_BY_RESOURCE_TYPES" } },
              "recordingMode": { "recordingFrequency": "CONTINUOUS" } }
          ]
        }
        """;

    private const string Status = """
        { "ConfigurationRecordersStatus": [ { "name": "default", "lastStartTime": 1438386611.193, "recording": true, "lastStatus": "SUCCESS",
          "lastStatusChangeTime": 1438386619.436 } ] }
        """;

    private const string AllSupported = """
        { "ConfigurationRecorders": [ { "name": "default", "roleARN": "arn:aws:iam::123456789012:role/config-role",
          "recordingGroup": { "allSupported": true, "includeGlobalResourceTypes": true, "resourceTypes": [] } } ] }
        """;

    private static FakeAws Aws(string recorders = Recorders) => new FakeAws()
        .On("config", "DescribeConfigurationRecorders", FakeAws.Json(recorders))
        .On("config", "DescribeConfigurationRecorderStatus", FakeAws.Json(Status));

    [Fact]
    public async Task Maps_the_recorder_and_its_status_in_two_calls()
    {
        var aws = Aws();

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RecordersOnly);

        var recorder = Assert.Single(inventory.ConfigurationRecorders);
        Assert.Equal(("default", "eu-west-1", CollectorHarness.Account), (recorder.Id, recorder.Region, recorder.AccountId));
        Assert.Equal("arn:aws:config:eu-west-1:123456789012:configuration-recorder/default/abcdefghijklmno", recorder.Arn);
        Assert.Equal("arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig", recorder.RoleArn);
        Assert.Equal((false, false, "EXCLUSION_BY_RESOURCE_TYPES"), (recorder.AllSupported, recorder.IncludeGlobalResourceTypes, recorder.RecordingStrategy));
        Assert.Equal(["AWS::Redshift::ClusterSnapshot", "AWS::RDS::DBClusterSnapshot"], recorder.ExcludedResourceTypes);
        Assert.Equal((true, "SUCCESS"), (recorder.Recording, recorder.LastStatus));
        Assert.Equal(2, aws.Requests.Count); // the budget: one call each per Region
        Assert.Equal("StarlingDoveService.DescribeConfigurationRecorders", Assert.Single(aws.Calls("config", "DescribeConfigurationRecorders")).Headers["x-amz-target"]);
        Assert.Equal("StarlingDoveService.DescribeConfigurationRecorderStatus", Assert.Single(aws.Calls("config", "DescribeConfigurationRecorderStatus")).Headers["x-amz-target"]);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_recorder_without_a_strategy_or_exclusions_gets_the_not_configured_values()
    {
        var inventory = await CollectorHarness.Collect(new ConfigCollector(), Aws(AllSupported), scope: RecordersOnly);

        var recorder = Assert.Single(inventory.ConfigurationRecorders);
        Assert.Equal((true, true, (string?)null, (string?)null), (recorder.AllSupported, recorder.IncludeGlobalResourceTypes, recorder.RecordingStrategy, recorder.Arn));
        Assert.Empty(recorder.ExcludedResourceTypes);
    }

    [Fact]
    public async Task No_recorder_means_no_record_and_no_status_call()
    {
        var aws = Aws("""{ "ConfigurationRecorders": [] }""");

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RecordersOnly);

        Assert.Empty(inventory.ConfigurationRecorders);
        Assert.Empty(inventory.CollectionErrors);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_denied_status_leaves_recording_unknown_with_an_error_naming_the_recorder()
    {
        var aws = new FakeAws()
            .On("config", "DescribeConfigurationRecorderStatus", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: config:DescribeConfigurationRecorderStatus"))
            .On("config", "DescribeConfigurationRecorders", FakeAws.Json(Recorders));

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RecordersOnly);

        var recorder = Assert.Single(inventory.ConfigurationRecorders);
        Assert.Equal(((bool?)null, (string?)null), (recorder.Recording, recorder.LastStatus));
        Assert.Equal("EXCLUSION_BY_RESOURCE_TYPES", recorder.RecordingStrategy);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeConfigurationRecorderStatus", "default", ResourceTypes.ConfigurationRecorder), (error.Operation, error.ResourceId, error.ResourceType));
    }

    [Fact]
    public async Task A_status_that_does_not_name_the_recorder_leaves_recording_unknown()
    {
        var aws = new FakeAws()
            .On("config", "DescribeConfigurationRecorderStatus", FakeAws.Json("""{ "ConfigurationRecordersStatus": [] }"""))
            .On("config", "DescribeConfigurationRecorders", FakeAws.Json(Recorders));

        Assert.Null(Assert.Single((await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RecordersOnly)).ConfigurationRecorders).Recording);
    }

    [Fact]
    public async Task Denied_listing_is_an_error_for_the_type_and_skips_the_status()
    {
        var aws = new FakeAws().On("config", "DescribeConfigurationRecorders",
            FakeAws.JsonError("AccessDeniedException", "not authorized to perform: config:DescribeConfigurationRecorders"));

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RecordersOnly);

        Assert.Empty(inventory.ConfigurationRecorders);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeConfigurationRecorders", (string?)null, "AccessDeniedException"), (error.Operation, error.ResourceId, error.ErrorCode));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        var aws = new FakeAws()
            .On("config", "DescribeConfigurationRecorders", FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(Recorders))
            .On("config", "DescribeConfigurationRecorderStatus", FakeAws.Json(Status));

        var inventory = await CollectorHarness.Collect(new ConfigCollector(), aws, scope: RecordersOnly);

        Assert.True(Assert.Single(inventory.ConfigurationRecorders).Recording);
        Assert.Equal(3, aws.Requests.Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scope_keeps_only_the_named_recorder_and_other_types_make_no_call()
    {
        var aws = Aws();
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.ConfigurationRecorder },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.ConfigurationRecorder] = ["other"] },
        };

        Assert.Empty((await CollectorHarness.Collect(new ConfigCollector(), aws, scope: scope)).ConfigurationRecorders);
        Assert.Single(aws.Requests);

        var none = new FakeAws();
        await CollectorHarness.Collect(new ConfigCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } });
        Assert.Empty(none.Requests);
    }
}
