using System.Globalization;
using System.Xml.Linq;
using Compliance.Checker.Live.Http;
using static Compliance.Checker.Live.Clients.IdentityManagement.IamXml;

namespace Compliance.Checker.Live.Clients.IdentityManagement;

/// <summary>
/// The part of IAM we call, shaped like the SDK's IAmazonIdentityManagementService (AWSSDK.IdentityManagement is not
/// served here), so the official package can replace this folder. Protocol: awsQuery, Version 2010-05-08, on the
/// partition's global endpoint (signed for us-east-1 in the commercial partition).
/// </summary>
public interface IAmazonIdentityManagementService
{
    /// <summary>Fails with NoSuchEntity (404) when the account has no password policy.</summary>
    Task<GetAccountPasswordPolicyResponse> GetAccountPasswordPolicyAsync(GetAccountPasswordPolicyRequest request, CancellationToken cancellationToken);

    /// <summary>Replaces the whole policy: members not given revert to their defaults.</summary>
    Task<UpdateAccountPasswordPolicyResponse> UpdateAccountPasswordPolicyAsync(UpdateAccountPasswordPolicyRequest request, CancellationToken cancellationToken);

    Task<GetAccountSummaryResponse> GetAccountSummaryAsync(GetAccountSummaryRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a report unless one younger than four hours exists; answers its state.</summary>
    Task<GenerateCredentialReportResponse> GenerateCredentialReportAsync(GenerateCredentialReportRequest request, CancellationToken cancellationToken);

    /// <summary>Fails with ReportNotPresent, ReportExpired or ReportInProgress when there is no complete report.</summary>
    Task<GetCredentialReportResponse> GetCredentialReportAsync(GetCredentialReportRequest request, CancellationToken cancellationToken);

    /// <summary>Paginated with Marker / IsTruncated.</summary>
    Task<ListVirtualMFADevicesResponse> ListVirtualMFADevicesAsync(ListVirtualMFADevicesRequest request, CancellationToken cancellationToken);

    /// <summary>Users, groups, roles and managed policies with their policies, in one paginated call (Marker / IsTruncated).</summary>
    Task<GetAccountAuthorizationDetailsResponse> GetAccountAuthorizationDetailsAsync(GetAccountAuthorizationDetailsRequest request, CancellationToken cancellationToken);

    /// <summary>Paginated with Marker / IsTruncated.</summary>
    Task<ListRolesResponse> ListRolesAsync(ListRolesRequest request, CancellationToken cancellationToken);
}

public sealed partial class IdentityManagementServiceClient(QueryProtocol protocol) : IAmazonIdentityManagementService
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

    public async Task<UpdateAccountPasswordPolicyResponse> UpdateAccountPasswordPolicyAsync(UpdateAccountPasswordPolicyRequest request, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parameters.Add(KeyValuePair.Create(name, value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture)!));
            }
        }

        Add(nameof(request.MinimumPasswordLength), request.MinimumPasswordLength);
        Add(nameof(request.RequireSymbols), request.RequireSymbols);
        Add(nameof(request.RequireNumbers), request.RequireNumbers);
        Add(nameof(request.RequireUppercaseCharacters), request.RequireUppercaseCharacters);
        Add(nameof(request.RequireLowercaseCharacters), request.RequireLowercaseCharacters);
        Add(nameof(request.AllowUsersToChangePassword), request.AllowUsersToChangePassword);
        Add(nameof(request.MaxPasswordAge), request.MaxPasswordAge);
        Add(nameof(request.PasswordReusePrevention), request.PasswordReusePrevention);
        Add(nameof(request.HardExpiry), request.HardExpiry);
        await protocol.InvokeAsync("UpdateAccountPasswordPolicy", parameters, cancellationToken);
        return new UpdateAccountPasswordPolicyResponse();
    }

    public async Task<GetAccountSummaryResponse> GetAccountSummaryAsync(GetAccountSummaryRequest request, CancellationToken cancellationToken)
    {
        var result = await protocol.InvokeAsync("GetAccountSummary", [], cancellationToken);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in result.Element("SummaryMap")?.Elements("entry") ?? [])
        {
            if (Text(entry, "key") is { } key && Int(entry, "value") is { } value)
            {
                map[key] = value;
            }
        }

        return new GetAccountSummaryResponse(map);
    }

    public async Task<GenerateCredentialReportResponse> GenerateCredentialReportAsync(GenerateCredentialReportRequest request, CancellationToken cancellationToken)
    {
        var result = await protocol.InvokeAsync("GenerateCredentialReport", [], cancellationToken);
        return new GenerateCredentialReportResponse(Text(result, "State"), Text(result, "Description"));
    }

    public async Task<GetCredentialReportResponse> GetCredentialReportAsync(GetCredentialReportRequest request, CancellationToken cancellationToken)
    {
        var result = await protocol.InvokeAsync("GetCredentialReport", [], cancellationToken);
        var content = Text(result, "Content") is { Length: > 0 } base64 ? Convert.FromBase64String(base64.Trim()) : [];
        return new GetCredentialReportResponse(new MemoryStream(content, writable: false), Text(result, "ReportFormat"), Date(result, "GeneratedTime"));
    }

    public async Task<ListVirtualMFADevicesResponse> ListVirtualMFADevicesAsync(ListVirtualMFADevicesRequest request, CancellationToken cancellationToken)
    {
        var parameters = Paging(request.Marker, request.MaxItems).ToList();
        if (request.AssignmentStatus is { } status)
        {
            parameters.Add(KeyValuePair.Create("AssignmentStatus", status));
        }

        var result = await protocol.InvokeAsync("ListVirtualMFADevices", parameters, cancellationToken);
        var devices = Members(result, "VirtualMFADevices").Select(d => new VirtualMFADevice(
            Text(d, "SerialNumber") ?? "",
            d.Element("User") is { } user ? new User { Arn = Text(user, "Arn"), UserName = Text(user, "UserName"), UserId = Text(user, "UserId"), Path = Text(user, "Path") } : null,
            Date(d, "EnableDate"))).ToList();
        return new ListVirtualMFADevicesResponse(devices, Bool(result, "IsTruncated") ?? false, Text(result, "Marker"));
    }
}
