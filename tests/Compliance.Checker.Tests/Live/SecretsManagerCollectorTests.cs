using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class SecretsManagerCollectorTests
{
    // The Secrets Manager API reference ListSecrets example, with the rotation, key, date and tag members the API returns.
    private const string PageOne = """
        {
          "SecretList": [
            { "ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:MyTestDatabaseSecret-a1b2c3", "Name": "MyTestDatabaseSecret",
              "Description": "My test database secret", "LastChangedDate": 1523477145.729,
              "KmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
              "RotationEnabled": true, "RotationLambdaARN": "arn:aws:lambda:eu-west-1:123456789012:function:MyTestRotationLambda",
              "RotationRules": { "AutomaticallyAfterDays": 30 },
              "LastRotatedDate": 1523477145.729, "LastAccessedDate": 1523404800,
              "CreatedDate": 1522789200.5, "NextRotationDate": 1526083200,
              "Tags": [ { "Key": "Name", "Value": "orders-db" }, { "Key": "env", "Value": "prod" } ],
              "SecretVersionsToStages": { "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE": [ "AWSCURRENT" ] } },
            { "ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:MyTestDatabaseSecret1-d4e5f6", "Name": "MyTestDatabaseSecret1",
              "Description": "Another secret created for a different database", "LastChangedDate": 1523482025.685,
              "SecretVersionsToStages": { "EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE": [ "AWSCURRENT" ] } }
          ],
          "NextToken": "AYADeHLRGQ0EXAMPLE"
        }
        """;

    // Explicit nulls, as some implementations send them; a schedule expression without AutomaticallyAfterDays.
    private const string PageTwo = """
        { "SecretList": [ { "ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-key-Xy12Ab", "Name": "api-key",
          "KmsKeyId": null, "LastAccessedDate": null, "RotationEnabled": true,
          "RotationRules": { "ScheduleExpression": "cron(0 16 1/14 * ? *)", "Duration": "2h" } } ], "NextToken": null }
        """;

    [Fact]
    public async Task Reads_every_page_and_maps_every_field()
    {
        var aws = new FakeAws().On("secretsmanager", "ListSecrets", FakeAws.Json(PageOne), FakeAws.Json(PageTwo));

        var inventory = await CollectorHarness.Collect(new SecretsManagerCollector(), aws);

        Assert.Equal(["MyTestDatabaseSecret", "MyTestDatabaseSecret1", "api-key"], inventory.Secrets.Select(s => s.Id));
        var rotated = inventory.Secrets[0];
        Assert.Equal(("eu-west-1", CollectorHarness.Account, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:MyTestDatabaseSecret-a1b2c3"),
            (rotated.Region, rotated.AccountId, rotated.Arn));
        Assert.True(rotated.RotationEnabled);
        Assert.Equal(30, rotated.RotationIntervalDays);
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", rotated.KmsKeyId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1523477145729), rotated.LastRotatedDate);
        Assert.Equal(new DateTimeOffset(2018, 4, 11, 0, 0, 0, TimeSpan.Zero), rotated.LastAccessedDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1522789200500), rotated.CreatedDate);
        Assert.Equal(new DateTimeOffset(2018, 5, 12, 0, 0, 0, TimeSpan.Zero), rotated.NextRotationDate);
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "orders-db", ["env"] = "prod" }, rotated.Tags);

        var plain = inventory.Secrets[1];
        Assert.False(plain.RotationEnabled);
        Assert.Null(plain.RotationIntervalDays);
        Assert.Null(plain.KmsKeyId); // aws/secretsmanager
        Assert.Null(plain.LastRotatedDate);
        Assert.Null(plain.LastAccessedDate);
        Assert.Null(plain.CreatedDate);
        Assert.Null(plain.NextRotationDate);
        Assert.Empty(plain.Tags);

        var scheduled = inventory.Secrets[2];
        Assert.Equal((true, 14, (string?)null), (scheduled.RotationEnabled, scheduled.RotationIntervalDays, scheduled.KmsKeyId));

        var calls = aws.Calls("secretsmanager", "ListSecrets");
        Assert.Equal(2, calls.Count); // the budget: one call per page, nothing per secret
        Assert.Equal(2, aws.Requests.Count);
        Assert.Equal("secretsmanager.ListSecrets", calls[0].Headers["x-amz-target"]);
        Assert.Contains("\"IncludePlannedDeletion\":false", calls[0].Body);
        Assert.DoesNotContain("NextToken", calls[0].Body);
        Assert.Contains("\"NextToken\":\"AYADeHLRGQ0EXAMPLE\"", calls[1].Body);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Access_denied_with_a_namespaced_error_type_is_a_collection_error_for_the_type()
    {
        var aws = new FakeAws().On("secretsmanager", "ListSecrets",
            FakeAws.JsonError("com.amazonaws.secretsmanager#AccessDeniedException", "User is not authorized to perform: secretsmanager:ListSecrets"));

        var inventory = await CollectorHarness.Collect(new SecretsManagerCollector(), aws);

        Assert.Empty(inventory.Secrets);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("secretsmanager", "ListSecrets", "eu-west-1", ResourceTypes.Secret, "AccessDeniedException"),
            (error.Service, error.Operation, error.Region, error.ResourceType, error.ErrorCode));
        Assert.Null(error.ResourceId);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_page_that_fails_keeps_the_secrets_already_read()
    {
        var aws = new FakeAws().On("secretsmanager", "ListSecrets",
            FakeAws.Json(PageOne), FakeAws.JsonError("InvalidNextTokenException", "The NextToken value is invalid."));

        var inventory = await CollectorHarness.Collect(new SecretsManagerCollector(), aws);

        Assert.Equal(2, inventory.Secrets.Count);
        Assert.Equal("InvalidNextTokenException", Assert.Single(inventory.CollectionErrors).ErrorCode);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        var aws = new FakeAws().On("secretsmanager", "ListSecrets",
            FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(PageTwo));

        var inventory = await CollectorHarness.Collect(new SecretsManagerCollector(), aws);

        Assert.Equal("api-key", Assert.Single(inventory.Secrets).Id);
        Assert.Equal(2, aws.Calls("secretsmanager", "ListSecrets").Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scope_filters_by_name_and_keeps_only_the_exact_name()
    {
        var aws = new FakeAws().On("secretsmanager", "ListSecrets", FakeAws.Json(PageOne.Replace("\"NextToken\": \"AYADeHLRGQ0EXAMPLE\"", "\"NextToken\": null")));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.Secret },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.Secret] = ["MyTestDatabaseSecret"] },
        };

        var inventory = await CollectorHarness.Collect(new SecretsManagerCollector(), aws, scope: scope);

        Assert.Equal("MyTestDatabaseSecret", Assert.Single(inventory.Secrets).Id); // the prefix match also returned ...Secret1
        Assert.Contains("\"Filters\":[{\"Key\":\"name\",\"Values\":[\"MyTestDatabaseSecret\"]}]", Assert.Single(aws.Requests).Body);

        var none = new FakeAws();
        await CollectorHarness.Collect(new SecretsManagerCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } });
        Assert.Empty(none.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_its_code_kept_when_it_persists()
    {
        var aws = new FakeAws().On("secretsmanager", "ListSecrets", FakeAws.JsonError("InternalServiceError", "try later", HttpStatusCode.InternalServerError));

        var inventory = await CollectorHarness.Collect(new SecretsManagerCollector(), aws);

        Assert.Equal("InternalServiceError", Assert.Single(inventory.CollectionErrors).ErrorCode);
        Assert.Equal(3, aws.Calls("secretsmanager", "ListSecrets").Count);
    }
}
