namespace Compliance.Checker.Templates;

/// <summary>What a template is judged in when it does not say: the pseudo account and region, and parameter values.</summary>
public sealed record TemplateOptions
{
    /// <summary>The documentation's example account, used for AWS::AccountId unless a stack's environment names one.</summary>
    public const string DefaultAccountId = "123456789012";

    /// <summary>Used for AWS::Region unless a stack's environment names one.</summary>
    public const string DefaultRegion = "us-east-1";

    public string AccountId { get; init; } = DefaultAccountId;
    public string Region { get; init; } = DefaultRegion;

    /// <summary>--param values by parameter name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
