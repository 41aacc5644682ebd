using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class VpcRequiredEndpointsTests
{
    private static readonly string[] GatewayServices = ["s3", "dynamodb"];
    private static readonly string[] InterfaceServices = ["kms", "secretsmanager", "logs", "monitoring", "sns", "sts", "events", "execute-api"];

    private static int _counter;
    private readonly VpcRequiredEndpoints _rule = new();

    private static Vpc Vpc(string id) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:vpc/{id}",
        CidrBlock = "10.0.0.0/16",
    };

    private static VpcEndpoint Endpoint(string vpcId, string service, string type, bool privateDns = false, string? state = "available", string region = Region) => new()
    {
        Id = $"vpce-0{Interlocked.Increment(ref _counter):x16}",
        Region = Region,
        AccountId = Account,
        VpcId = vpcId,
        ServiceName = $"com.amazonaws.{region}.{service}",
        VpcEndpointType = type,
        State = state,
        PrivateDnsEnabled = privateDns,
    };

    /// <summary>Every required endpoint, optionally leaving out or changing one service.</summary>
    private static IEnumerable<VpcEndpoint> Complete(string vpcId, string? except = null) =>
        GatewayServices.Where(s => s != except).Select(s => Endpoint(vpcId, s, "Gateway"))
            .Concat(InterfaceServices.Where(s => s != except).Select(s => Endpoint(vpcId, s, "Interface", privateDns: true)));

    [Fact]
    public void Every_required_endpoint_must_exist_with_the_right_type_state_and_private_dns()
    {
        var inventory = BaseInventory with
        {
            Vpcs =
            [
                Vpc("pass-complete"), Vpc("pass-state-unknown"), Vpc("fail-no-endpoints"), Vpc("fail-missing-dynamodb"),
                Vpc("fail-kms-without-private-dns"), Vpc("fail-s3-interface-only"), Vpc("fail-sts-pending"), Vpc("fail-logs-in-other-region"),
            ],
            VpcEndpoints =
            [
                .. Complete("pass-complete"),
                .. Complete("pass-state-unknown", except: "sns"), Endpoint("pass-state-unknown", "sns", "Interface", privateDns: true, state: null),
                .. Complete("fail-missing-dynamodb", except: "dynamodb"),
                .. Complete("fail-kms-without-private-dns", except: "kms"), Endpoint("fail-kms-without-private-dns", "kms", "Interface", privateDns: false),
                .. Complete("fail-s3-interface-only", except: "s3"), Endpoint("fail-s3-interface-only", "s3", "Interface", privateDns: true),
                .. Complete("fail-sts-pending", except: "sts"), Endpoint("fail-sts-pending", "sts", "Interface", privateDns: true, state: "pending"),
                .. Complete("fail-logs-in-other-region", except: "logs"),
                Endpoint("fail-logs-in-other-region", "logs", "Interface", privateDns: true, region: OtherRegion),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-no-endpoints", "fail-missing-dynamodb", "fail-kms-without-private-dns", "fail-s3-interface-only", "fail-sts-pending", "fail-logs-in-other-region");
    }

    [Fact]
    public void Missing_private_dns_is_named_with_the_endpoint()
    {
        var kms = Endpoint("vpc-0123456789abcdef0", "kms", "Interface", privateDns: false);
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc("vpc-0123456789abcdef0")],
            VpcEndpoints = [.. Complete("vpc-0123456789abcdef0", except: "kms"), kms],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"VPC vpc-0123456789abcdef0 lacks private DNS on the interface endpoints for kms ({kms.Id}).", finding.Message);
        Assert.Equal($"kms ({kms.Id})", finding.Evidence["interfaceEndpointsWithoutPrivateDns"]);
        Assert.Equal("none", finding.Evidence["missingInterfaceEndpoints"]);
    }

    [Fact]
    public void Failure_lists_every_missing_endpoint()
    {
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc("vpc-0123456789abcdef0")],
            VpcEndpoints = [Endpoint("vpc-0123456789abcdef0", "s3", "Gateway")],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("dynamodb", finding.Evidence["missingGatewayEndpoints"]);
        Assert.Equal(string.Join(",", InterfaceServices), finding.Evidence["missingInterfaceEndpoints"]);
        Assert.StartsWith("VPC vpc-0123456789abcdef0 lacks gateway endpoints for dynamodb; interface endpoints for kms, secretsmanager,", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_choose_the_required_services()
    {
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc("vpc-0123456789abcdef0")],
            VpcEndpoints = [Endpoint("vpc-0123456789abcdef0", "s3", "Gateway"), Endpoint("vpc-0123456789abcdef0", "ssm", "Interface", privateDns: true)],
        };
        var parameters = new Dictionary<string, string> { ["gatewayServices"] = "s3", ["interfaceServices"] = "ssm" };

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory, parameters)).Status);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["interfaceServices"] = "ssm,ec2" })).Status);
    }

    [Fact]
    public void Endpoints_that_could_not_be_collected_give_an_error()
    {
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc("vpc-0123456789abcdef0")],
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "ec2", Operation = "DescribeVpcEndpoints", Region = Region, ResourceType = ResourceTypes.VpcEndpoint,
                    ErrorCode = "RequestLimitExceeded", Message = "Request limit exceeded.",
                },
            ],
        };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "vpc-0123456789abcdef0"));
    }
}
