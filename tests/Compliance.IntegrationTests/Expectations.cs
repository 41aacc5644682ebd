using Compliance.IntegrationTests.Seeding;
using Compliance.Rules;
using static Compliance.Rules.ComplianceStatus;

namespace Compliance.IntegrationTests;

/// <summary>
/// The verdict a scan must give one planted resource for one rule, in one region, after one phase of seeding. Status is
/// what AWS semantics demand; <see cref="OnMoto"/> replaces it where moto 4.2 cannot represent the setting, and then
/// the honest verdict is ERROR (unknown), never PASS. <see cref="MotoWhy"/> says which emulator gap forces it.
/// </summary>
public sealed record Expectation(int Phase, string RuleId, string Region, string Name, ComplianceStatus Status)
{
    public ComplianceStatus? OnMoto { get; init; }
    public string? MotoWhy { get; init; }

    public ComplianceStatus Expected(bool moto) => moto && OnMoto is { } status ? status : Status;
}

/// <summary>Every assertion the suite makes about planted resources; see the seeders for what each name is.</summary>
public static class Expectations
{
    public static IReadOnlyList<Expectation> All { get; } = Build();

    public static TheoryData<string, string, string> PhaseOne => Rows(1);
    public static TheoryData<string, string, string> PhaseTwo => Rows(2);

    public static Expectation Find(int phase, string rule, string region, string name) =>
        All.Single(e => e.Phase == phase && e.RuleId == rule && e.Region == region && e.Name == name);

    private static TheoryData<string, string, string> Rows(int phase)
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var e in All.Where(e => e.Phase == phase))
        {
            rows.Add(e.RuleId, e.Region, e.Name);
        }

        return rows;
    }

    private static List<Expectation> Build()
    {
        const string ImdsUnknown = "moto 4.2 never returns MetadataOptions from DescribeInstances (and ModifyInstanceMetadataOptions is not implemented), so whether IMDSv2 is required is unknown.";
        const string Ipv6Dropped = "moto 4.2's DescribeSecurityGroupRules drops IPv6 peers (the rule comes back with no peer at all), so the group's ingress is unknown.";
        const string CidrDropped = "moto 4.2's DescribeSecurityGroupRules returns only the first CIDR of a permission, which disagrees with DescribeSecurityGroups, so the group's ingress is unknown.";
        const string AwsKeyAsCustomer = "moto 4.2 describes the AWS managed key aws/dynamodb as KeyManager CUSTOMER; with its AWS-reserved alias that is a contradiction, so the key's manager is unknown.";
        const string NoDescriptions = "moto 4.2's DescribeSecurityGroupRules never returns rule descriptions, and AWS omits an empty one, so the described rules read as undescribed.";

        var rows = new List<Expectation>();
        void Both(string rule, string name, ComplianceStatus status, ComplianceStatus? onMoto = null, string? why = null, int phase = 1)
        {
            foreach (var region in ItEndpoint.Regions)
            {
                rows.Add(new Expectation(phase, rule, region, name, status) { OnMoto = onMoto, MotoWhy = why });
            }
        }

        void One(int phase, string rule, string region, string name, ComplianceStatus status) => rows.Add(new Expectation(phase, rule, region, name, status));

        Both(RuleIds.Ec2SecurityGroup1, "it-pass-default-sg", Pass);
        Both(RuleIds.Ec2SecurityGroup1, "it-fail-default-sg", Fail);
        Both(RuleIds.Ec2SecurityGroup2, "it-pass-sg-ssh", Pass);
        Both(RuleIds.Ec2SecurityGroup2, "it-fail-sg-ssh", Fail);
        Both(RuleIds.Ec2SecurityGroup2, "it-fail-sg-rdp6", Fail, Error, Ipv6Dropped);
        Both(RuleIds.Ec2SecurityGroup2, "it-fail-sg-ssh-two-cidrs", Fail, Error, CidrDropped);
        Both(RuleIds.Ec2SecurityGroup2, "it-pass-sg-web", Pass);
        Both(RuleIds.Ec2SecurityGroup3, "it-pass-sg-mysql", Pass);
        Both(RuleIds.Ec2SecurityGroup3, "it-fail-sg-mysql", Fail);
        Both(RuleIds.Ec2SecurityGroup3, "it-fail-sg-ssh", Fail);
        Both(RuleIds.Ec2SecurityGroup3, "it-fail-sg-rdp6", Fail, Error, Ipv6Dropped);
        Both(RuleIds.Ec2SecurityGroup4, "it-pass-sg-web", Pass);
        Both(RuleIds.Ec2SecurityGroup4, "it-fail-sg-ssh", Fail);
        Both(RuleIds.Ec2SecurityGroup5, "it-pass-sg-web", Pass, Fail, NoDescriptions);
        Both(RuleIds.Ec2SecurityGroup5, "it-fail-sg-ssh", Fail);
        Both(RuleIds.Ec2Subnet1, "it-pass-subnet", Pass);
        Both(RuleIds.Ec2Subnet1, "it-fail-subnet", Fail);
        Both(RuleIds.Ec2NetworkAcl1, "it-pass-nacl", Pass);
        Both(RuleIds.Ec2NetworkAcl1, "it-fail-nacl", Fail);
        Both(RuleIds.Ec2NetworkAcl2, "it-pass-nacl", Pass);
        Both(RuleIds.Ec2NetworkAcl2, "it-fail-nacl", Fail);
        Both(RuleIds.Ec2NetworkAcl3, "it-pass-nacl", Pass);
        Both(RuleIds.Ec2NetworkAcl3, "it-fail-nacl-unused", Fail);
        Both(RuleIds.Ec2Vpc1, "it-pass-vpc", Pass);
        Both(RuleIds.Ec2Vpc1, "it-fail-vpc", Fail);
        Both(RuleIds.Ec2VpcEndpoint1, "it-pass-vpce", Pass);
        Both(RuleIds.Ec2VpcEndpoint1, "it-fail-vpce", Fail);
        Both(RuleIds.Ec2Volume1, "it-pass-volume", Pass);
        Both(RuleIds.Ec2Volume1, "it-fail-volume", Fail);
        Both(RuleIds.Ec2Snapshot1, "it-pass-snapshot", Pass);
        Both(RuleIds.Ec2Snapshot1, "it-pass-snapshot-shared", Pass);
        Both(RuleIds.Ec2Snapshot1, "it-fail-snapshot", Fail);
        Both(RuleIds.Ec2Instance1, "it-pass-instance", Pass, Error, ImdsUnknown);
        Both(RuleIds.Ec2Instance1, "it-fail-instance", Fail, Error, ImdsUnknown);
        Both(RuleIds.Ec2Instance2, "it-pass-instance", Pass);
        Both(RuleIds.Ec2Instance2, "it-fail-instance", Fail);

        foreach (var rule in new[] { RuleIds.S3Bucket1, RuleIds.S3Bucket2, RuleIds.S3Bucket3, RuleIds.S3Bucket4, RuleIds.S3Bucket5, RuleIds.S3Bucket6, RuleIds.S3Bucket7, RuleIds.S3Bucket8 })
        {
            Both(rule, "it-pass-bucket", Pass);
            Both(rule, "it-fail-bucket", Fail);
        }

        Both(RuleIds.S3Bucket9, "it-pass-logs", Pass);
        Both(RuleIds.S3Bucket9, "it-fail-logs", Fail);
        Both(RuleIds.S3Bucket9, "it-pass-bucket", NotApplicable);

        Both(RuleIds.KmsKey1, "it-pass-key", Pass);
        Both(RuleIds.KmsKey1, "it-fail-key", Fail);
        Both(RuleIds.KmsKey2, "it-pass-key", Pass);
        Both(RuleIds.KmsKey2, "it-fail-key-deleting", Fail);
        Both(RuleIds.KmsKey3, "it-pass-key", Pass);
        Both(RuleIds.KmsKey3, "it-fail-key-public", Fail);
        Both(RuleIds.KmsKey4, "it-pass-key", Pass);
        Both(RuleIds.KmsKey4, "it-fail-key", Fail);

        foreach (var rule in new[] { RuleIds.LogsLogGroup1, RuleIds.LogsLogGroup2 })
        {
            Both(rule, "it-pass-loggroup", Pass);
            Both(rule, "it-fail-loggroup", Fail);
        }

        foreach (var rule in new[] { RuleIds.SnsTopic1, RuleIds.SnsTopic2 })
        {
            Both(rule, "it-pass-topic", Pass);
            Both(rule, "it-fail-topic", Fail);
        }

        Both(RuleIds.SecretsManagerSecret1, "it-pass-secret", Pass);
        Both(RuleIds.SecretsManagerSecret1, "it-fail-secret", Fail);
        Both(RuleIds.SecretsManagerSecret1, "it-fail-secret-slow", Fail);

        foreach (var rule in new[] { RuleIds.DynamoDbTable1, RuleIds.DynamoDbTable2 })
        {
            Both(rule, "it-pass-table", Pass);
            Both(rule, "it-fail-table", Fail);
        }

        Both(RuleIds.DynamoDbTable2, "it-fail-table-aws-key", Fail, Error, AwsKeyAsCustomer);
        Both(RuleIds.KmsKey1, ServicesSeeder.AwsManagedDynamoDbKey, NotApplicable, Error, AwsKeyAsCustomer);
        Both(RuleIds.KmsKey2, ServicesSeeder.AwsManagedDynamoDbKey, NotApplicable, Error, AwsKeyAsCustomer);
        Both(RuleIds.KmsKey4, ServicesSeeder.AwsManagedDynamoDbKey, NotApplicable, Error, AwsKeyAsCustomer);

        // Account- and region-wide settings: us-east-1 compliant and eu-west-1 not in phase 1, the other way round in
        // phase 2; the account-wide ones change verdict between the phases.
        var (home, other, global, account) = (ItEndpoint.Home, ItEndpoint.Other, Planted.Global, Planted.Account);
        foreach (var (phase, compliant, noncompliant) in new[] { (1, home, other), (2, other, home) })
        {
            One(phase, RuleIds.Ec2Account2, compliant, account, Pass);
            One(phase, RuleIds.Ec2Account2, noncompliant, account, Fail);
            One(phase, RuleIds.GuardDutyDetector1, compliant, "it-pass-detector", Pass);
            One(phase, RuleIds.GuardDutyDetector1, noncompliant, "it-fail-detector", Fail);
            One(phase, RuleIds.ConfigConfigurationRecorder1, compliant, "it-pass-recorder", Pass);
            One(phase, RuleIds.ConfigConfigurationRecorder1, noncompliant, "it-fail-recorder", Fail);
        }

        One(1, RuleIds.CloudTrailTrail1, global, account, Pass);
        One(1, RuleIds.IamAccount3, global, account, Pass);
        One(1, RuleIds.S3Account1, global, account, Fail);
        One(2, RuleIds.CloudTrailTrail1, global, account, Fail);
        One(2, RuleIds.IamAccount3, global, account, Fail);
        One(2, RuleIds.S3Account1, global, account, Pass);

        // Account-level RestrictPublicBuckets (phase 2) overrides the public bucket policy; the bucket's own block is still off.
        Both(RuleIds.S3Bucket2, "it-fail-bucket", Pass, phase: 2);
        Both(RuleIds.S3Bucket1, "it-fail-bucket", Fail, phase: 2);
        return rows;
    }
}
