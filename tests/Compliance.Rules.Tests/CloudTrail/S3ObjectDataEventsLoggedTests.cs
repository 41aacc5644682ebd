using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.CloudTrail.TrailFixtures;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.CloudTrail;

public sealed class S3ObjectDataEventsLoggedTests
{
    private readonly S3ObjectDataEventsLogged _rule = new();

    private static Bucket Chd(string name, string region = Region) => Bucket(name) with
    {
        Region = region,
        Tags = Tags(("DataClassification", "cardholder"), ("PCIScope", "true")),
    };

    private static TrailEventSelectors Basic(params EventSelector[] selectors) => new() { Basic = selectors };

    private static EventSelector Objects(string readWrite, params string[] values) =>
        new(readWrite, true) { DataResources = [new DataResource("AWS::S3::Object", values)] };

    private static FieldSelector Field(string field, params string[] equalTo) => new() { Field = field, EqualTo = equalTo };

    private static AdvancedEventSelector S3Data(string name, params FieldSelector[] extra) =>
        new(name, [Field("eventCategory", "Data"), Field("resources.type", "AWS::S3::Object"), .. extra]);

    [Fact]
    public void Basic_selectors_cover_named_buckets_or_all_buckets_and_prefixes_do_not()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Chd("pass-named"), Chd("pass-split"), Chd("fail-prefix-only"), Chd("fail-write-only"),
                Bucket("pass-audit") with { Tags = Tags(("Purpose", "audit")) },
                Bucket("not-in-scope"),
            ],
            Trails =
            [
                Trail("data-events") with
                {
                    EventSelectors = Basic(
                        new EventSelector("All", true),
                        Objects("All", "arn:aws:s3:::pass-named/", "arn:aws:s3:::pass-audit", "arn:aws:s3:::fail-prefix-only/exports/"),
                        Objects("ReadOnly", "arn:aws:s3:::pass-split/"),
                        Objects("WriteOnly", "arn:aws:s3:::pass-split/", "arn:aws:s3:::fail-write-only/")),
                },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-prefix-only", "fail-write-only");

        Assert.Equal(6 - 1, findings.Count); // not-in-scope is not judged
        Assert.Equal("Bucket fail-write-only (cardholder data) does not have its object-level read data events logged: no logging trail's event selectors cover every object of the bucket.",
            findings.Single(f => f.Resource.Id == "fail-write-only").Message);
        Assert.Equal("read=Missing; write=Logged", findings.Single(f => f.Resource.Id == "fail-write-only").Evidence["trail.data-events"]);
    }

    [Fact]
    public void All_buckets_selectors_and_advanced_selectors_count()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Chd("pass-everything"), Chd("pass-advanced", OtherRegion), Chd("fail-excluded", OtherRegion), Chd("fail-event-name", OtherRegion)],
            Trails =
            [
                Trail("all-buckets") with { EventSelectors = Basic(Objects("All", "arn:aws:s3")), IsMultiRegionTrail = false },
                Trail("advanced", region: OtherRegion) with
                {
                    IsMultiRegionTrail = false,
                    EventSelectors = new TrailEventSelectors
                    {
                        Advanced =
                        [
                            S3Data("all but two buckets", new FieldSelector { Field = "resources.ARN", NotStartsWith = ["arn:aws:s3:::fail-excluded/", "arn:aws:s3:::fail-event-name/"] }),
                            S3Data("puts only", new FieldSelector { Field = "resources.ARN", StartsWith = ["arn:aws:s3:::fail-event-name/"] }, Field("eventName", "PutObject")),
                        ],
                    },
                },
            ],
        };

        ExactFailing(_rule, inventory, "fail-excluded", "fail-event-name");
    }

    [Fact]
    public void A_single_region_trail_of_another_region_or_a_stopped_trail_does_not_cover()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Chd("pass-same-region"), Chd("fail-other-region", OtherRegion), Chd("fail-stopped", OtherRegion)],
            Trails =
            [
                Trail("regional") with { IsMultiRegionTrail = false, EventSelectors = Basic(Objects("All", "arn:aws:s3")) },
                Trail("stopped", region: OtherRegion) with { IsLogging = false, EventSelectors = Basic(Objects("All", "arn:aws:s3")) },
            ],
        };

        ExactFailing(_rule, inventory, "fail-other-region", "fail-stopped");
    }

    [Fact]
    public void Unknown_selectors_or_an_organization_trail_give_an_error()
    {
        var unknownSelectors = BaseInventory with { Buckets = [Chd("chd")], Trails = [Trail("audit") with { EventSelectors = null }] };
        var orgOnly = BaseInventory with { Buckets = [Chd("chd")], Trails = [Trail("org", ManagementAccount) with { IsOrganizationTrail = true, EventSelectors = Basic(Objects("All", "arn:aws:s3")) }] };

        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, unknownSelectors)).Status);
        var org = Assert.Single(Evaluate(_rule, orgOnly));
        Assert.Equal(ComplianceStatus.Error, org.Status);
        Assert.Contains("organization trail of another account", org.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_all_buckets_parameter_brings_every_bucket_into_scope()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("plain")], Trails = [Trail("audit")] };

        Assert.Empty(Evaluate(_rule, inventory));
        var finding = Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["allBuckets"] = "true" }));
        Assert.Equal(ComplianceStatus.Fail, finding.Status);
    }
}
