using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Lambda;

/// <summary>Functions, subnets and keys shaped like ListFunctions / DescribeSubnets / DescribeKey answers.</summary>
internal static class LambdaFixtures
{
    public const string VpcId = "vpc-0a1b2c3d4e5f60718";
    public const string CustomerKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static LambdaFunction Function(string name, LambdaVpcConfig? vpc = null) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:lambda:{Region}:{Account}:function:{name}",
        PackageType = "Zip",
        Runtime = "dotnet10",
        Architectures = ["arm64"],
        VpcConfig = vpc ?? LambdaVpcConfig.None,
        EnvironmentVariables = new Dictionary<string, string>(),
        EnvironmentError = "",
        Policy = PolicyDocument.Empty,
        FunctionUrls = [],
    };

    public static LambdaVpcConfig InVpc(params string[] subnets) => new(VpcId, subnets, ["sg-0123456789abcdef0"]);

    public static Subnet Subnet(string id, string zone, string? tier) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        VpcId = VpcId,
        CidrBlock = "10.0.1.0/24",
        AvailabilityZone = zone,
        Tags = tier is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Tier"] = tier },
    };

    public static IReadOnlyList<Subnet> Subnets { get; } =
    [
        Subnet("subnet-0aaa000000000001a", "eu-west-1a", "app"),
        Subnet("subnet-0aaa000000000001b", "eu-west-1b", "app"),
        Subnet("subnet-0aaa000000000001c", "eu-west-1c", "Application"),
        Subnet("subnet-0bbb000000000001a", "eu-west-1a", "web"),
        Subnet("subnet-0ccc000000000001a", "eu-west-1a", "data"),
        Subnet("subnet-0ddd000000000001a", "eu-west-1a", null),
        Subnet("subnet-0eee000000000001a", "eu-west-1a", "private"),
    ];

    public static KmsKey Key(string id, string manager) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:kms:{Region}:{Account}:key/{id}",
        KeyManager = manager,
        KeyState = "Enabled",
        Aliases = manager == "AWS" ? ["alias/aws/lambda"] : ["alias/app-data"],
    };

    public static IReadOnlyList<KmsKey> Keys { get; } =
    [
        Key("1234abcd-12ab-34cd-56ef-1234567890ab", "CUSTOMER"),
        Key("0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e", "AWS"),
    ];
}
