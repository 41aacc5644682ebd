using Compliance.Rules.Logs;
using static Compliance.Rules.Tests.Logs.MonitoringFixtures;

namespace Compliance.Rules.Tests.Logs;

public sealed class NetworkChangesAlarmedTests
{
    private static readonly string[] Metrics = ["SecurityGroupChanges", "NACLChanges", "NetworkGatewayChanges", "RouteTableChanges", "VPCChanges"];
    private readonly NetworkChangesAlarmed _rule = new();

    [Fact]
    public void The_five_cis_filters_with_alarms_pass()
    {
        Assert.Equal(ComplianceStatus.Pass, Judge(_rule, Monitored(Metrics)).Status);
    }

    [Fact]
    public void A_vpc_filter_without_the_retired_classic_link_events_still_covers_vpc_changes()
    {
        var modern = "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) }";
        var inventory = Monitored(Metrics) with { MetricFilters = [.. Metrics.Where(m => m != "VPCChanges").Select(m => Filter(m)), Filter("VPCChanges", modern)] };

        Assert.Equal(ComplianceStatus.Pass, Judge(_rule, inventory).Status);
    }

    [Fact]
    public void Two_alarmed_filters_may_share_one_class()
    {
        var ingress = Filter("SecurityGroupIngress", "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = CreateSecurityGroup) }");
        var egress = Filter("SecurityGroupEgress", "{ ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = DeleteSecurityGroup) }");
        var others = Metrics.Where(m => m != "SecurityGroupChanges").ToArray();
        var inventory = Monitored(others) with
        {
            MetricFilters = [.. others.Select(m => Filter(m)), ingress, egress],
            CloudWatchAlarms = [.. others.Select(m => Alarm(m)), Alarm("SecurityGroupIngress"), Alarm("SecurityGroupEgress")],
        };

        Assert.Equal(ComplianceStatus.Pass, Judge(_rule, inventory).Status);

        var oneAlarmed = inventory with { CloudWatchAlarms = [.. others.Select(m => Alarm(m)), Alarm("SecurityGroupIngress")] };
        var finding = Judge(_rule, oneAlarmed);
        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Contains("security group changes: metric filter cis-SecurityGroupEgress matches, but no alarm watches its metric CISBenchmark/SecurityGroupEgress", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_publishing_dimensions_is_not_watched_whole_by_one_alarm()
    {
        var dimensioned = Filter("RouteTableChanges") with
        {
            MetricTransformations = [new Compliance.Rules.Inventory.MetricTransformation(Namespace, "RouteTableChanges", "1") { Dimensions = new Dictionary<string, string> { ["VpcId"] = "$.requestParameters.vpcId" } }],
        };
        var inventory = Monitored(Metrics) with { MetricFilters = [.. Metrics.Where(m => m != "RouteTableChanges").Select(m => Filter(m)), dimensioned] };

        Assert.Equal(ComplianceStatus.Fail, Judge(_rule, inventory).Status);
    }
}
