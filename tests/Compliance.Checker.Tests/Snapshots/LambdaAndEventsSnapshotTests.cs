using System.Text;
using Compliance.Checker.Snapshots;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Snapshots;

public sealed class LambdaAndEventsSnapshotTests
{
    private static Task<Snapshot> Read(string json) =>
        SnapshotFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public async Task An_event_pattern_may_be_written_as_an_object_or_as_the_text_the_api_returns()
    {
        const string Rules = """
            "eventsRules": [
              { "id": "as-object", "region": "eu-west-1", "accountId": "123456789012", "name": "as-object", "eventBusName": "default",
                "eventPattern": { "source": ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] } },
              { "id": "as-text", "region": "eu-west-1", "accountId": "123456789012", "name": "as-text", "eventBusName": "default",
                "eventPattern": "{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"]}" }
            ]
            """;

        var snapshot = await Read($$"""{ "schemaVersion": 1, "inventory": { "accountIds": ["123456789012"], "regions": ["eu-west-1"], {{Rules}} } }""");

        var patterns = snapshot.Inventory.EventsRules.Select(r => r.EventPattern).ToList();
        Assert.Equal("""{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]}""", patterns[0]);
        Assert.Equal(patterns[0], patterns[1]);
        Assert.All(snapshot.Inventory.EventsRules, r => Assert.Null(r.Targets)); // absent: unknown
    }

    [Fact]
    public async Task Functions_rules_and_buses_survive_a_round_trip_with_unknowns_kept_unknown()
    {
        var original = new Snapshot
        {
            SchemaVersion = Snapshot.CurrentSchemaVersion,
            Inventory = new AwsInventory
            {
                AccountIds = ["123456789012"],
                Regions = ["eu-west-1"],
                LambdaFunctions =
                [
                    new LambdaFunction
                    {
                        Id = "api", Region = "eu-west-1", AccountId = "123456789012", PackageType = "Zip", Runtime = "dotnet10",
                        VpcConfig = new LambdaVpcConfig("vpc-0a1b2c3d4e5f60718", ["subnet-0a1b2c3d4e5f60718"], []),
                        EnvironmentVariables = null, EnvironmentError = "AccessDeniedException", Policy = PolicyDocument.Empty,
                        FunctionUrls = [new LambdaFunctionUrl("https://abc.lambda-url.eu-west-1.on.aws/", "arn:aws:lambda:eu-west-1:123456789012:function:api", "AWS_IAM")],
                    },
                ],
                EventsRules =
                [
                    new EventsRule
                    {
                        Id = "findings", Region = "eu-west-1", AccountId = "123456789012", Name = "findings", EventBusName = "default", State = "ENABLED",
                        EventPattern = """{"source":["aws.guardduty"]}""", ScheduleExpression = "", ManagedBy = "",
                        Targets = [new EventsTarget { Id = "t", Arn = "arn:aws:sns:eu-west-1:123456789012:alerts", RetryPolicy = new EventsRetryPolicy(3, 600) }],
                    },
                ],
                EventBuses = [new EventBus { Id = "orders", Region = "eu-west-1", AccountId = "123456789012", Policy = null }],
            },
        };

        var stream = new MemoryStream();
        await SnapshotFile.WriteAsync(original, stream);
        stream.Position = 0;
        var copy = (await SnapshotFile.ReadAsync(stream, "round-trip.json")).Inventory;

        var function = Assert.Single(copy.LambdaFunctions);
        Assert.Null(function.EnvironmentVariables);
        Assert.Null(function.KmsKeyArn);
        Assert.Equal(("vpc-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60718"), (function.VpcConfig!.VpcId, function.VpcConfig.SubnetIds.Single()));
        Assert.Equal("AWS_IAM", Assert.Single(function.FunctionUrls!).AuthType);
        var target = Assert.Single(Assert.Single(copy.EventsRules).Targets!);
        Assert.Null(target.DeadLetterConfig);
        Assert.Equal(new EventsRetryPolicy(3, 600), target.RetryPolicy);
        Assert.Equal("""{"source":["aws.guardduty"]}""", copy.EventsRules[0].EventPattern);
        Assert.Null(Assert.Single(copy.EventBuses).Policy);
    }
}
