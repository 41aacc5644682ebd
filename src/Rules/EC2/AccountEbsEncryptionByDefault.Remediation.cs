using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.EC2;

/// <summary>
/// Turns on EBS encryption by default in the finding's region (EnableEbsEncryptionByDefault). The default key is left as
/// it is (aws/ebs unless someone chose another); existing volumes are not touched.
/// </summary>
public sealed class AccountEbsEncryptionByDefaultRemediation : IRemediation
{
    internal const string Enable = "ec2:EnableEbsEncryptionByDefault";
    internal const string Get = "ec2:GetEbsEncryptionByDefault";

    public string RuleId => RuleIds.Ec2Account2;

    public IReadOnlyList<string> RequiredActions { get; } = [Enable, Get];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        var subject = finding.Resource;
        if (!IsFailOf(finding, RuleId)
            || subject.Type != ResourceTypes.Account
            || inventory.RegionSettings.FirstOrDefault(s => s.AccountId == subject.AccountId && s.Region == subject.Region) is not { EbsEncryptionByDefault: false })
        {
            return null;
        }

        return new RemediationPlan(RuleId, subject,
            $"Enable EBS encryption by default for account {subject.AccountId} in {subject.Region}; the default KMS key stays as it is.",
            [new RemediationAction(Enable, Parameters(subject.Region))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Get, Only(plan.Actions[0].Parameters, "Region"))),
            state => IsTrue(state, "EbsEncryptionByDefault"),
            "EbsEncryptionByDefault true",
            cancellationToken);
}
