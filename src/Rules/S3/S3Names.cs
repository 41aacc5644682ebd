using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>Names and ARNs the S3 rules share.</summary>
internal static class S3Names
{
    /// <summary>The bucket's ARN: the recorded one, else arn:aws:s3:::name.</summary>
    public static string BucketArn(Bucket bucket) => bucket.Arn is { Length: > 0 } arn ? arn : $"arn:aws:s3:::{bucket.Id}";

    /// <summary>The ARN pattern of every object in the bucket: arn:aws:s3:::name/*.</summary>
    public static string ObjectsArn(Bucket bucket) => BucketArn(bucket) + "/*";

    /// <summary>The account of an AWS principal: a bare 12-digit id, or the account field of an IAM/STS ARN; null otherwise.</summary>
    public static string? PrincipalAccount(string principal)
    {
        if (IsAccountId(principal))
        {
            return principal;
        }

        return AwsArn.Parse(principal) is { } arn && IsAccountId(arn.Account) ? arn.Account : null;
    }

    private static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);
}
