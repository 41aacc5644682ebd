namespace Compliance.Checker.Templates.Stacks;

/// <summary>The account and region a stack is judged in, and what AWS::Partition and AWS::URLSuffix follow from them.</summary>
public sealed record StackEnvironment(string AccountId, string Region)
{
    /// <summary>aws-cn for China regions, aws-us-gov for GovCloud, else aws.</summary>
    public string Partition =>
        Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    /// <summary>amazonaws.com.cn in China, else amazonaws.com.</summary>
    public string UrlSuffix => Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}
