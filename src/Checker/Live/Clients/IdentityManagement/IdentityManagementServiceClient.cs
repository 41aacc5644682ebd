using System.Xml;
using System.Xml.Linq;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.IdentityManagement;

/// <summary>
/// The part of IAM we call, shaped like the SDK's IAmazonIdentityManagementService (AWSSDK.IdentityManagement is not
/// served here), so the official package can replace this file. Protocol: awsQuery, Version 2010-05-08, on the
/// partition's global endpoint (signed for us-east-1 in the commercial partition).
/// </summary>
public interface IAmazonIdentityManagementService
{
    /// <summary>Fails with NoSuchEntity (404) when the account has no password policy.</summary>
    Task<GetAccountPasswordPolicyResponse> GetAccountPasswordPolicyAsync(GetAccountPasswordPolicyRequest request, CancellationToken cancellationToken);
}

public sealed record GetAccountPasswordPolicyRequest;

public sealed record GetAccountPasswordPolicyResponse(PasswordPolicy PasswordPolicy);

/// <summary>The account password policy as IAM returns it; the boxed members are absent when not set.</summary>
public sealed record PasswordPolicy
{
    public int? MinimumPasswordLength { get; init; }
    public bool? RequireSymbols { get; init; }
    public bool? RequireNumbers { get; init; }
    public bool? RequireUppercaseCharacters { get; init; }
    public bool? RequireLowercaseCharacters { get; init; }
    public bool? AllowUsersToChangePassword { get; init; }
    public bool? ExpirePasswords { get; init; }

    /// <summary>Absent when passwords never expire.</summary>
    public int? MaxPasswordAge { get; init; }

    /// <summary>Absent when password reuse is not prevented.</summary>
    public int? PasswordReusePrevention { get; init; }

    public bool? HardExpiry { get; init; }
}

public sealed class IdentityManagementServiceClient(QueryProtocol protocol) : IAmazonIdentityManagementService
{
    public static IdentityManagementServiceClient For(AwsSession session, string anyRegion) => new(session.Iam(anyRegion));

    public async Task<GetAccountPasswordPolicyResponse> GetAccountPasswordPolicyAsync(GetAccountPasswordPolicyRequest request, CancellationToken cancellationToken)
    {
        var result = await protocol.InvokeAsync("GetAccountPasswordPolicy", [], cancellationToken);
        var policy = result.Element("PasswordPolicy") ?? new XElement("PasswordPolicy");
        return new GetAccountPasswordPolicyResponse(new PasswordPolicy
        {
            MinimumPasswordLength = Int(policy, "MinimumPasswordLength"),
            RequireSymbols = Bool(policy, "RequireSymbols"),
            RequireNumbers = Bool(policy, "RequireNumbers"),
            RequireUppercaseCharacters = Bool(policy, "RequireUppercaseCharacters"),
            RequireLowercaseCharacters = Bool(policy, "RequireLowercaseCharacters"),
            AllowUsersToChangePassword = Bool(policy, "AllowUsersToChangePassword"),
            ExpirePasswords = Bool(policy, "ExpirePasswords"),
            MaxPasswordAge = Int(policy, "MaxPasswordAge"),
            PasswordReusePrevention = Int(policy, "PasswordReusePrevention"),
            HardExpiry = Bool(policy, "HardExpiry"),
        });
    }

    private static int? Int(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? XmlConvert.ToInt32(text) : null;

    private static bool? Bool(XElement parent, string name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? XmlConvert.ToBoolean(text) : null;
}
