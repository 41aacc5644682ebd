using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.LambdaResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class LambdaCollectorTests
{
    private static FakeAws ThreeFunctionsOnTwoPages() => new FakeAws()
        .OnPath("/2015-03-31/functions/", Functions("c3RhcnQ=/2", VpcFunction("api"), PlainFunction("legacy")), Functions(null, ImageFunction("scanner")))
        .OnFunction("api", Policy("api"), Urls(null, ("", "AWS_IAM"), ("live", "NONE")), Tags("""{ "Owner": "payments", "Environment": "prod" }"""))
        .OnFunction("legacy")
        .OnFunction("scanner");

    [Fact]
    public async Task Maps_every_field_from_the_list_and_the_three_getters()
    {
        var inventory = await CollectorHarness.Collect(new LambdaCollector(), ThreeFunctionsOnTwoPages());

        Assert.Equal(["api", "legacy", "scanner"], inventory.LambdaFunctions.Select(f => f.Id));
        var api = inventory.LambdaFunctions.Single(f => f.Id == "api");
        Assert.Equal((Arn("api"), "eu-west-1", CollectorHarness.Account, "Zip", "dotnet10", Key), (api.Arn, api.Region, api.AccountId, api.PackageType, api.Runtime, api.KmsKeyArn));
        Assert.Equal(["arm64"], api.Architectures);
        Assert.Equal(new LambdaVpcConfig("vpc-0a1b2c3d000000001", ["subnet-0a1b2c3d000000010", "subnet-0a1b2c3d000000011"], ["sg-0a1b2c3d000000020"]), api.VpcConfig,
            new VpcComparer());
        Assert.Equal(new Dictionary<string, string> { ["TABLE_NAME"] = "payments-audit", ["DB_SECRET_ARN"] = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf" }, api.EnvironmentVariables);
        Assert.Equal("", api.EnvironmentError);
        var statement = Assert.Single(api.Policy!.Statements);
        Assert.Equal(("apigw-invoke", "apigateway.amazonaws.com"), (statement.Sid, statement.Principal!.Of("Service").Single()));
        Assert.Equal([("AWS_IAM", Arn("api")), ("NONE", Arn("api") + ":live")], api.FunctionUrls!.Select(u => (u.AuthType, u.FunctionArn)));
        Assert.Equal(new Dictionary<string, string> { ["Owner"] = "payments", ["Environment"] = "prod" }, api.Tags);

        var legacy = inventory.LambdaFunctions.Single(f => f.Id == "legacy");
        Assert.Same(LambdaVpcConfig.None, legacy.VpcConfig); // no VpcConfig: not in a VPC
        Assert.Empty(legacy.EnvironmentVariables!); // no Environment: no variables
        Assert.Null(legacy.KmsKeyArn); // no KMSKeyArn: aws/lambda
        Assert.Same(PolicyDocument.Empty, legacy.Policy); // ResourceNotFoundException: no policy
        Assert.Empty(legacy.FunctionUrls!);
        Assert.Empty(legacy.Tags);

        var scanner = inventory.LambdaFunctions.Single(f => f.Id == "scanner");
        Assert.Equal(("Image", ""), (scanner.PackageType, scanner.Runtime)); // container image: no runtime
        Assert.Same(LambdaVpcConfig.None, scanner.VpcConfig); // an empty VpcConfig: not in a VPC
        Assert.Null(scanner.EnvironmentVariables); // Lambda could not decrypt them for the caller
        Assert.Equal("AccessDeniedException", scanner.EnvironmentError);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("lambda", "ListFunctions", "scanner", "AccessDeniedException"), (error.Service, error.Operation, error.ResourceId, error.ErrorCode));
    }

    [Fact]
    public async Task Costs_the_list_pages_plus_three_calls_per_function_on_the_documented_paths()
    {
        var aws = ThreeFunctionsOnTwoPages();

        await CollectorHarness.Collect(new LambdaCollector(), aws);

        var pages = aws.Requests.Where(r => r.Path == "/2015-03-31/functions/").ToList();
        Assert.Equal(["MaxItems=50", "Marker=c3RhcnQ%3D%2F2&MaxItems=50"], pages.Select(p => p.Query));
        Assert.Equal(2 + 3 * 3, aws.Requests.Count);
        Assert.Equal(3, aws.Requests.Count(r => r.Path.EndsWith("/policy", StringComparison.Ordinal)));
        Assert.Equal(3, aws.Requests.Count(r => r.Path.StartsWith("/2017-03-31/tags/arn", StringComparison.Ordinal)));
        Assert.All(aws.Requests, r => Assert.Equal(("lambda", "eu-west-1", "GET"), (r.Service, r.Region, r.Method.Method)));
    }

    [Fact]
    public async Task Access_denied_on_listing_is_a_collection_error_for_the_type()
    {
        var aws = new FakeAws().OnPath("/2015-03-31/functions/",
            Error("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: lambda:ListFunctions", HttpStatusCode.Forbidden));

        var inventory = await CollectorHarness.Collect(new LambdaCollector(), aws);

        Assert.Empty(inventory.LambdaFunctions);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("lambda", "ListFunctions", ResourceTypes.LambdaFunction, "AccessDeniedException", (string?)null),
            (error.Service, error.Operation, error.ResourceType, error.ErrorCode, error.ResourceId));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_failed_getter_leaves_only_its_field_unknown()
    {
        var aws = new FakeAws()
            .OnPath("/2015-03-31/functions/", Functions(null, VpcFunction("api")))
            .OnFunction("api",
                policy: Error("AccessDeniedException", "not authorized to perform: lambda:GetPolicy", HttpStatusCode.Forbidden),
                urls: Error("AccessDeniedException", "not authorized to perform: lambda:ListFunctionUrlConfigs", HttpStatusCode.Forbidden));

        var inventory = await CollectorHarness.Collect(new LambdaCollector(), aws);

        var api = Assert.Single(inventory.LambdaFunctions);
        Assert.Null(api.Policy);
        Assert.Null(api.FunctionUrls);
        Assert.Equal("dotnet10", api.Runtime);
        Assert.Equal([("GetPolicy", "api"), ("ListFunctionUrlConfigs", "api")], inventory.CollectionErrors.Select(e => (e.Operation, e.ResourceId!)).Order());
    }

    [Fact]
    public async Task Function_urls_are_read_page_by_page()
    {
        var aws = new FakeAws()
            .OnPath("/2015-03-31/functions/", Functions(null, VpcFunction("api")))
            .OnPath("/2021-10-31/functions/api/urls", Urls("bWFya2Vy", ("", "AWS_IAM")), Urls(null, ("live", "NONE"))) // the first matching route answers
            .OnFunction("api");

        var inventory = await CollectorHarness.Collect(new LambdaCollector(), aws);

        Assert.Equal(["AWS_IAM", "NONE"], Assert.Single(inventory.LambdaFunctions).FunctionUrls!.Select(u => u.AuthType));
        Assert.Equal(["MaxItems=50", "Marker=bWFya2Vy&MaxItems=50"], aws.Requests.Where(r => r.Path.EndsWith("/urls", StringComparison.Ordinal)).Select(r => r.Query));
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var aws = new FakeAws()
            .OnPath("/2015-03-31/functions/", Error("TooManyRequestsException", "Rate exceeded", HttpStatusCode.TooManyRequests), Functions(null, PlainFunction("legacy")))
            .OnFunction("legacy");

        var inventory = await CollectorHarness.Collect(new LambdaCollector(), aws);

        Assert.Equal("python3.9", Assert.Single(inventory.LambdaFunctions).Runtime);
        Assert.Equal(2, aws.Requests.Count(r => r.Path == "/2015-03-31/functions/"));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scan_reads_only_the_named_function_and_no_call_for_unwanted_types()
    {
        var aws = new FakeAws()
            .OnPath("/2015-03-31/functions/", Functions(null, VpcFunction("api"), PlainFunction("legacy")))
            .OnFunction("legacy");
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.LambdaFunction },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.LambdaFunction] = ["legacy"] },
        };

        var inventory = await CollectorHarness.Collect(new LambdaCollector(), aws, scope: scope);

        Assert.Equal("legacy", Assert.Single(inventory.LambdaFunctions).Id);
        Assert.Equal(1 + 3, aws.Requests.Count);

        var none = new FakeAws();
        await CollectorHarness.Collect(new LambdaCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.SnsTopic } });
        Assert.Empty(none.Requests);
    }

    [Fact]
    public async Task An_unreadable_policy_is_unknown_and_recorded()
    {
        var aws = new FakeAws()
            .OnPath("/2015-03-31/functions/", Functions(null, PlainFunction("legacy")))
            .OnFunction("legacy", policy: FakeAws.Json("""{ "Policy": "{not json", "RevisionId": "r" }"""));

        var inventory = await CollectorHarness.Collect(new LambdaCollector(), aws);

        Assert.Null(Assert.Single(inventory.LambdaFunctions).Policy);
        Assert.Equal(("GetPolicy", "InvalidPolicy", "legacy"), (inventory.CollectionErrors[0].Operation, inventory.CollectionErrors[0].ErrorCode, inventory.CollectionErrors[0].ResourceId));
    }

    private sealed class VpcComparer : IEqualityComparer<LambdaVpcConfig?>
    {
        public bool Equals(LambdaVpcConfig? x, LambdaVpcConfig? y) =>
            x is not null && y is not null && x.VpcId == y.VpcId && x.SubnetIds.SequenceEqual(y.SubnetIds) && x.SecurityGroupIds.SequenceEqual(y.SecurityGroupIds);

        public int GetHashCode(LambdaVpcConfig? obj) => obj?.VpcId.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
