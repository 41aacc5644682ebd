using Compliance.Rules.Logs;
using static Compliance.Rules.Tests.Logs.MonitoringFixtures;

namespace Compliance.Rules.Tests.Logs;

public sealed class AuditAndKeyChangesAlarmedTests
{
    private static readonly string[] Metrics = ["IAMPolicyChanges", "CloudTrailChanges", "CMKDisableOrDeletion", "S3BucketPolicyChanges", "AWSConfigChanges"];
    private readonly AuditAndKeyChangesAlarmed _rule = new();

    [Fact]
    public void The_five_cis_filters_with_alarms_pass()
    {
        var finding = Judge(_rule, Monitored(Metrics));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Equal("iamPolicyChanges,cloudTrailChanges,configChanges,keyDisableOrDeletion,bucketPolicyChanges", finding.Evidence["eventClasses"]);
    }

    [Fact]
    public void A_filter_missing_event_names_fails_naming_them()
    {
        var inventory = Monitored(Metrics) with
        {
            MetricFilters =
            [
                .. Metrics.Skip(1).Select(m => Filter(m)),
                Filter("IAMPolicyChanges", "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)}"),
            ],
        };

        var finding = Judge(_rule, inventory);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"Account 123456789012: no metric filter on {TrailLogGroup} matches IAM policy changes for AttachGroupPolicy by an IAM user, AttachGroupPolicy by an assumed role, DetachGroupPolicy by an IAM user and DetachGroupPolicy by an assumed role (CloudWatch.4).",
            finding.Message);
    }

    [Fact]
    public void A_filter_narrowed_to_iam_users_misses_role_sessions()
    {
        var inventory = Monitored(Metrics) with
        {
            MetricFilters = [.. Metrics.Where(m => m != "CloudTrailChanges").Select(m => Filter(m)), Filter("CloudTrailChanges", "{ ($.eventSource = cloudtrail.amazonaws.com) && ($.userIdentity.type = IAMUser) }")],
        };

        var finding = Judge(_rule, inventory);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Contains("CreateTrail by an assumed role", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("by an IAM user", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broader_filter_keyed_on_event_source_covers_its_class()
    {
        var inventory = Monitored(Metrics) with
        {
            MetricFilters = [.. Metrics.Where(m => m != "CMKDisableOrDeletion").Select(m => Filter(m)), Filter("CMKDisableOrDeletion", """{ $.eventSource = "kms.amazonaws.com" && $.readOnly IS FALSE }""")],
        };

        Assert.Equal(ComplianceStatus.Pass, Judge(_rule, inventory).Status);
    }
}
