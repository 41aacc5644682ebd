using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.CloudTrail;

/// <summary>Trails as DescribeTrails, GetTrailStatus and GetEventSelectors return them, hardened; tests override what they exercise.</summary>
internal static class TrailFixtures
{
    public const string ManagementAccount = "210987654321";
    public const string LogsKeyArn = $"arn:aws:kms:{Region}:{Account}:key/0987dcba-09fe-87dc-65ba-ab0987654321";

    public static Trail Trail(string name, string account = Account, string region = Region) => new()
    {
        Id = name,
        Region = region,
        AccountId = account,
        Arn = $"arn:aws:cloudtrail:{region}:{account}:trail/{name}",
        IsMultiRegionTrail = true,
        IncludeGlobalServiceEvents = true,
        LogFileValidationEnabled = true,
        KmsKeyId = $"arn:aws:kms:{region}:{account}:key/0987dcba-09fe-87dc-65ba-ab0987654321",
        S3BucketName = $"aws-cloudtrail-logs-{account}-3f2a1b9c",
        CloudWatchLogsLogGroupArn = $"arn:aws:logs:{region}:{account}:log-group:aws-cloudtrail-logs-{account}-3f2a1b9c:*",
        IsLogging = true,
        EventSelectors = new TrailEventSelectors { Basic = [new EventSelector("All", true)] },
    };

    /// <summary>The logs key as KMS describes it.</summary>
    public static KmsKey LogsKey(string state = "Enabled") => new()
    {
        Id = "0987dcba-09fe-87dc-65ba-ab0987654321",
        Arn = LogsKeyArn,
        Region = Region,
        AccountId = Account,
        KeyManager = "CUSTOMER",
        KeyState = state,
        KeySpec = "SYMMETRIC_DEFAULT",
        Aliases = ["alias/logs"],
    };
}
