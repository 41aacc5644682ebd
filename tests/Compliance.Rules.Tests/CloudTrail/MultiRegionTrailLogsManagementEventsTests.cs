using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.CloudTrail;

public sealed class MultiRegionTrailLogsManagementEventsTests
{
    private const string ManagementAccount = "210987654321";
    private readonly MultiRegionTrailLogsManagementEvents _rule = new();

    private static TrailEventSelectors Basic(params EventSelector[] selectors) => new() { Basic = selectors };

    private static TrailEventSelectors Advanced(params AdvancedEventSelector[] selectors) => new() { Advanced = selectors };

    private static readonly TrailEventSelectors AllManagement = Basic(new EventSelector("All", true));

    private static FieldSelector Category(string value) => new() { Field = "eventCategory", EqualTo = [value] };

    private static FieldSelector ReadOnly(string value) => new() { Field = "readOnly", EqualTo = [value] };

    private static Trail Trail(string name, bool multiRegion = true, bool? logging = true, TrailEventSelectors? selectors = null, string account = Account) => new()
    {
        Id = name,
        Region = OtherRegion,
        AccountId = account,
        Arn = $"arn:aws:cloudtrail:{OtherRegion}:{account}:trail/{name}",
        IsMultiRegionTrail = multiRegion,
        IncludeGlobalServiceEvents = true,
        LogFileValidationEnabled = true,
        S3BucketName = $"aws-cloudtrail-logs-{account}-3f2a1b9c",
        IsLogging = logging,
        EventSelectors = selectors ?? AllManagement,
    };

    private Finding Judge(params Trail[] trails) => Assert.Single(Evaluate(_rule, BaseInventory with { Trails = trails }));

    [Fact]
    public void A_logging_multi_region_trail_with_all_management_events_passes()
    {
        var finding = Judge(Trail("management-events"));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, "global", Account), finding.Resource);
        Assert.Equal($"arn:aws:cloudtrail:{OtherRegion}:{Account}:trail/management-events", finding.Evidence["qualifyingTrails"]);
    }

    [Fact]
    public void Read_only_plus_write_only_basic_selectors_together_pass()
    {
        var finding = Judge(Trail("split", selectors: Basic(new EventSelector("ReadOnly", true), new EventSelector("WriteOnly", true))));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
    }

    [Fact]
    public void Advanced_selector_for_all_management_events_passes()
    {
        var selectors = Advanced(
            new AdvancedEventSelector("Management events selector", [Category("Management")]),
            new AdvancedEventSelector("Log PutObject on the CHD bucket",
            [
                Category("Data"),
                new FieldSelector { Field = "resources.type", EqualTo = ["AWS::S3::Object"] },
                new FieldSelector { Field = "resources.ARN", StartsWith = ["arn:aws:s3:::chd-data-bucket/"] },
            ]));

        Assert.Equal(ComplianceStatus.Pass, Judge(Trail("advanced", selectors: selectors)).Status);
    }

    [Fact]
    public void Advanced_read_and_write_selectors_together_pass()
    {
        var selectors = Advanced(
            new AdvancedEventSelector("Read management events", [Category("Management"), ReadOnly("true")]),
            new AdvancedEventSelector("Write management events", [Category("Management"), ReadOnly("false")]));

        Assert.Equal(ComplianceStatus.Pass, Judge(Trail("advanced-split", selectors: selectors)).Status);
    }

    [Fact]
    public void One_qualifying_trail_is_enough()
    {
        var finding = Judge(
            Trail("regional", multiRegion: false),
            Trail("stopped", logging: false),
            Trail("organization-trail"));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Equal($"arn:aws:cloudtrail:{OtherRegion}:{Account}:trail/organization-trail", finding.Evidence["qualifyingTrails"]);
    }

    [Fact]
    public void An_organization_trail_seen_in_the_account_counts()
    {
        var orgTrail = Trail("org-trail") with
        {
            IsOrganizationTrail = true,
            Arn = $"arn:aws:cloudtrail:{OtherRegion}:{ManagementAccount}:trail/org-trail",
        };

        Assert.Equal(ComplianceStatus.Pass, Judge(orgTrail).Status);
    }

    [Fact]
    public void Single_region_trails_only_fail()
    {
        var finding = Judge(Trail("regional", multiRegion: false));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"Account {Account} has no multi-Region CloudTrail trail; its trails (regional) are single-Region.", finding.Message);
    }

    [Fact]
    public void No_trail_at_all_fails()
    {
        var finding = Judge();

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("", finding.Evidence["examinedTrails"]);
    }

    [Fact]
    public void A_trail_that_is_not_logging_fails()
    {
        Assert.Equal(ComplianceStatus.Fail, Judge(Trail("stopped", logging: false)).Status);
    }

    [Fact]
    public void Write_only_management_events_fail()
    {
        var finding = Judge(Trail("write-only", selectors: Basic(new EventSelector("WriteOnly", true))));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Contains("trail write-only does not log read management events", finding.Message);
    }

    [Fact]
    public void Advanced_write_only_selector_fails()
    {
        var selectors = Advanced(new AdvancedEventSelector("Write management events", [Category("Management"), ReadOnly("false")]));

        Assert.Equal(ComplianceStatus.Fail, Judge(Trail("advanced-write-only", selectors: selectors)).Status);
    }

    [Fact]
    public void Data_events_only_fail()
    {
        var dataOnly = Basic(new EventSelector("All", false) { DataResources = [new DataResource("AWS::S3::Object", ["arn:aws:s3:::chd-data-bucket/"])] });

        Assert.Equal(ComplianceStatus.Fail, Judge(Trail("data-only", selectors: dataOnly)).Status);
    }

    [Fact]
    public void Excluded_management_event_sources_fail()
    {
        var basic = Basic(new EventSelector("All", true) { ExcludeManagementEventSources = ["kms.amazonaws.com"] });
        var advanced = Advanced(new AdvancedEventSelector("Management without RDS Data API",
            [Category("Management"), new FieldSelector { Field = "eventSource", NotEquals = ["rdsdata.amazonaws.com"] }]));

        var basicFinding = Judge(Trail("no-kms", selectors: basic));
        Assert.Equal(ComplianceStatus.Fail, basicFinding.Status);
        Assert.Contains("read management events from kms.amazonaws.com", basicFinding.Message);
        Assert.Equal(ComplianceStatus.Fail, Judge(Trail("no-rdsdata", selectors: advanced)).Status);
    }

    [Fact]
    public void An_event_source_suffix_condition_is_not_full_coverage()
    {
        var withoutKms = Advanced(new AdvancedEventSelector("Management without *kms.amazonaws.com",
            [Category("Management"), new FieldSelector { Field = "eventSource", NotEndsWith = ["kms.amazonaws.com"] }]));
        var onlyS3 = Advanced(new AdvancedEventSelector("Management from *s3.amazonaws.com",
            [Category("Management"), new FieldSelector { Field = "eventSource", EndsWith = ["s3.amazonaws.com"] }]));

        Assert.Equal(ComplianceStatus.Fail, Judge(Trail("not-ends-with", selectors: withoutKms)).Status);
        Assert.Equal(ComplianceStatus.Fail, Judge(Trail("ends-with", selectors: onlyS3)).Status);
    }

    [Fact]
    public void An_exclusion_covered_by_another_selector_still_passes()
    {
        var selectors = Basic(
            new EventSelector("All", true) { ExcludeManagementEventSources = ["kms.amazonaws.com"] },
            new EventSelector("All", true));

        Assert.Equal(ComplianceStatus.Pass, Judge(Trail("union", selectors: selectors)).Status);
    }

    [Fact]
    public void Unknown_logging_status_or_selectors_on_an_otherwise_qualifying_trail_is_an_error()
    {
        Assert.Equal(ComplianceStatus.Error, Judge(Trail("status-unknown", logging: null)).Status);
        Assert.Equal(ComplianceStatus.Error, Judge(Trail("selectors-unknown") with { EventSelectors = null }).Status);
    }

    [Fact]
    public void Unknown_values_on_a_trail_that_fails_anyway_do_not_hide_the_failure()
    {
        var finding = Judge(Trail("regional-unknown", multiRegion: false, logging: null) with { EventSelectors = null });

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
    }

    [Fact]
    public void An_organization_trail_recorded_under_another_account_is_an_error_not_a_pass()
    {
        var orgTrail = Trail("org-trail", account: ManagementAccount) with { IsOrganizationTrail = true };
        var inventory = BaseInventory with { AccountIds = [Account, ManagementAccount], Trails = [orgTrail] };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, ManagementAccount));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, Account));
    }

    [Fact]
    public void Trails_that_could_not_be_listed_give_an_error_instead_of_a_failure()
    {
        var inventory = BaseInventory with
        {
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "cloudtrail", Operation = "DescribeTrails", Region = OtherRegion, ResourceType = ResourceTypes.Trail,
                    ErrorCode = "AccessDeniedException", Message = "not authorized to perform: cloudtrail:DescribeTrails",
                },
            ],
        };

        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, inventory)).Status);
    }

    [Fact]
    public void Failure_names_every_examined_trail_and_its_reason()
    {
        var finding = Judge(
            Trail("stopped", logging: false),
            Trail("write-only", selectors: Basic(new EventSelector("WriteOnly", true))));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            $"Account {Account} has no logging multi-Region trail recording read and write management events: trail stopped is not logging; trail write-only does not log read management events.",
            finding.Message);
        Assert.Equal(
            $"arn:aws:cloudtrail:{OtherRegion}:{Account}:trail/stopped,arn:aws:cloudtrail:{OtherRegion}:{Account}:trail/write-only",
            finding.Evidence["examinedTrails"]);
        Assert.Equal("multiRegion=true; isLogging=true; organization=false; managementEvents=missing read management events", finding.Evidence["trail.write-only"]);
    }
}
