using System.Text;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Clients.S3Control;
using Compliance.Checker.Live.Http;
using Iam = Compliance.Checker.Live.Clients.IdentityManagement;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// Settings that belong to the account or to a whole region: EBS encryption by default (per region), the IAM password
/// policy and account-level S3 Block Public Access (global). Phase 1 makes us-east-1 compliant and eu-west-1 not, a
/// strong password policy and no account Block Public Access; phase 2 turns every one of them around. What the account
/// had before is restored on cleanup.
/// </summary>
public static class AccountSeeder
{
    public static async Task PhaseOneAsync(AwsSession session, Planted planted)
    {
        foreach (var region in ItEndpoint.Regions)
        {
            var ec2 = session.Ec2(region);
            var original = (await ec2.GetEbsEncryptionByDefaultAsync(new GetEbsEncryptionByDefaultRequest())).EbsEncryptionByDefault == true;
            planted.OnCleanup($"EBS encryption by default in {region}", () => EbsByDefaultAsync(session, region, original));
        }

        await EbsByDefaultAsync(session, ItEndpoint.Home, on: true);
        await EbsByDefaultAsync(session, ItEndpoint.Other, on: false);

        var iam = session.Iam(ItEndpoint.Home);
        var policy = await OriginalPasswordPolicyAsync(session);
        planted.OnCleanup("IAM password policy", () => policy is null
            ? iam.InvokeAsync("DeleteAccountPasswordPolicy", [], CancellationToken.None)
            : iam.InvokeAsync("UpdateAccountPasswordPolicy", PasswordPolicyParameters(policy), CancellationToken.None));
        await iam.InvokeAsync("UpdateAccountPasswordPolicy", PasswordPolicyParameters(new Iam.PasswordPolicy
        {
            MinimumPasswordLength = 14, RequireSymbols = true, RequireNumbers = true, RequireUppercaseCharacters = true, RequireLowercaseCharacters = true,
            AllowUsersToChangePassword = true, MaxPasswordAge = 90, PasswordReusePrevention = 24,
        }), CancellationToken.None);

        var block = await OriginalAccountBlockAsync(session, planted.AccountId);
        planted.OnCleanup("account S3 Block Public Access", () => AccountBlockAsync(session, planted.AccountId, block));
        await AccountBlockAsync(session, planted.AccountId, null);
    }

    public static async Task PhaseTwoAsync(AwsSession session, Planted planted)
    {
        await EbsByDefaultAsync(session, ItEndpoint.Home, on: false);
        await EbsByDefaultAsync(session, ItEndpoint.Other, on: true);
        await session.Iam(ItEndpoint.Home).InvokeAsync("UpdateAccountPasswordPolicy",
            PasswordPolicyParameters(new Iam.PasswordPolicy { MinimumPasswordLength = 8, AllowUsersToChangePassword = true }), CancellationToken.None);
        await AccountBlockAsync(session, planted.AccountId, new PublicAccessBlockConfiguration
        {
            BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true,
        });
    }

    private static Task EbsByDefaultAsync(AwsSession session, string region, bool on) => on
        ? session.Ec2(region).EnableEbsEncryptionByDefaultAsync(new EnableEbsEncryptionByDefaultRequest())
        : session.Ec2(region).DisableEbsEncryptionByDefaultAsync(new DisableEbsEncryptionByDefaultRequest());

    private static async Task<Iam.PasswordPolicy?> OriginalPasswordPolicyAsync(AwsSession session)
    {
        try
        {
            return (await Iam.IdentityManagementServiceClient.For(session, ItEndpoint.Home).GetAccountPasswordPolicyAsync(new(), CancellationToken.None)).PasswordPolicy;
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "NoSuchEntity")
        {
            return null;
        }
    }

    private static List<KeyValuePair<string, string>> PasswordPolicyParameters(Iam.PasswordPolicy policy)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parameters.Add(new(name, value is bool b ? (b ? "true" : "false") : value.ToString()!));
            }
        }

        Add("MinimumPasswordLength", policy.MinimumPasswordLength);
        Add("RequireSymbols", policy.RequireSymbols);
        Add("RequireNumbers", policy.RequireNumbers);
        Add("RequireUppercaseCharacters", policy.RequireUppercaseCharacters);
        Add("RequireLowercaseCharacters", policy.RequireLowercaseCharacters);
        Add("AllowUsersToChangePassword", policy.AllowUsersToChangePassword);
        Add("MaxPasswordAge", policy.MaxPasswordAge);
        Add("PasswordReusePrevention", policy.PasswordReusePrevention);
        Add("HardExpiry", policy.HardExpiry);
        return parameters;
    }

    private static async Task<PublicAccessBlockConfiguration?> OriginalAccountBlockAsync(AwsSession session, string account)
    {
        try
        {
            return (await new S3ControlClient(session, ItEndpoint.Home).GetPublicAccessBlockAsync(new() { AccountId = account }, CancellationToken.None)).PublicAccessBlockConfiguration;
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "NoSuchPublicAccessBlockConfiguration")
        {
            return null;
        }
    }

    /// <summary>S3 Control PUT (or, for null, DELETE) of the account's Block Public Access, through the session's signing transport.</summary>
    private static Task AccountBlockAsync(AwsSession session, string account, PublicAccessBlockConfiguration? block)
    {
        var uri = new Uri(S3ControlClient.Endpoint(account, ItEndpoint.Home, session.Options.EndpointUrl), S3ControlClient.PublicAccessBlockPath.TrimStart('/'));
        var headers = new Dictionary<string, string> { ["x-amz-account-id"] = account };
        byte[] body = [];
        if (block is not null)
        {
            static string B(bool? value) => value == true ? "true" : "false";
            headers["Content-Type"] = "application/xml";
            body = Encoding.UTF8.GetBytes("<PublicAccessBlockConfiguration xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">"
                + $"<BlockPublicAcls>{B(block.BlockPublicAcls)}</BlockPublicAcls><IgnorePublicAcls>{B(block.IgnorePublicAcls)}</IgnorePublicAcls>"
                + $"<BlockPublicPolicy>{B(block.BlockPublicPolicy)}</BlockPublicPolicy><RestrictPublicBuckets>{B(block.RestrictPublicBuckets)}</RestrictPublicBuckets>"
                + "</PublicAccessBlockConfiguration>");
        }

        var operation = block is null ? "DeletePublicAccessBlock" : "PutPublicAccessBlock";
        return session.Transport.SendAsync(
            new AwsHttpRequest("s3control", operation, "s3", ItEndpoint.Home, block is null ? HttpMethod.Delete : HttpMethod.Put, uri) { Headers = headers, Body = body },
            QueryProtocol.ParseError, CancellationToken.None);
    }
}
