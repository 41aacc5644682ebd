using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests;

/// <summary>Small rules for engine tests. They live in the test assembly, which the registry only scans when a test asks it to.</summary>
public sealed class ThrowingRule : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = "Test.Throwing.1",
        Title = "Throws after one finding",
        Rationale = "Proves a faulty rule cannot stop a scan.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Vpc],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        yield return Descriptor.Pass(new ResourceRef(ResourceTypes.Vpc, "vpc-1", null, "eu-west-1", "123456789012"), "first one is fine");
        throw new InvalidOperationException("boom");
    }
}

/// <summary>Declares an id the built-in pack already uses.</summary>
public sealed class DuplicateIdRule : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2SecurityGroup2,
        Title = "Collides with a built-in rule",
        Rationale = "Proves duplicate ids stop the registry.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.SecurityGroup],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context) => [];
}

/// <summary>Fixtures shared by the checker tests.</summary>
internal static class Fixtures
{
    public const string Account = "123456789012";

    /// <summary>The repository root, found by walking up to Compliance.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Compliance.sln not found above the test directory.");
        }
    }

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", "snapshots", name);

    public static SecurityGroup OpenSsh(string id) => new()
    {
        Id = id,
        GroupName = id,
        Region = "eu-west-1",
        AccountId = Account,
        IngressRules = [new SecurityGroupRule { RuleId = "sgr-0aa", IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = "0.0.0.0/0" }],
        EgressRules = [],
    };
}
