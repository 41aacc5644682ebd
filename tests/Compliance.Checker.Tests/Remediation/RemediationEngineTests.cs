using Compliance.Checker.Engine;
using Compliance.Checker.Function;
using Compliance.Checker.Remediation;
using Compliance.Checker.Remediation.Suppressions;
using Compliance.Rules;
using Compliance.Rules.Inventory;
using AppliedOutcome = Compliance.Rules.RemediationOutcome;

namespace Compliance.Checker.Tests.Remediation;

public sealed class RemediationEngineTests
{
    private static readonly AwsInventory Inventory = new() { AccountIds = ["123456789012"], Regions = ["eu-west-1"] };

    /// <summary>Records every action it is asked to perform.</summary>
    private sealed class RecordingGateway : IRemediationGateway
    {
        public List<RemediationAction> Actions { get; } = [];

        public Task<IReadOnlyDictionary<string, string>> InvokeAsync(RemediationAction action, CancellationToken cancellationToken)
        {
            Actions.Add(action);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Return"] = "true" });
        }
    }

    /// <summary>A remediation whose planning and applying are scripted; counts the calls.</summary>
    private sealed class Scripted(string ruleId, Func<Finding, RemediationPlan?>? plan = null, Func<RemediationPlan, IRemediationGateway, Task<AppliedOutcome>>? apply = null) : IRemediation
    {
        public int Plans { get; private set; }
        public int Applies { get; private set; }
        public string RuleId => ruleId;
        public IReadOnlyList<string> RequiredActions => ["test:Close"];

        public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
        {
            Plans++;
            return plan is null ? DefaultPlan(finding) : plan(finding);
        }

        public async Task<AppliedOutcome> ApplyAsync(RemediationPlan p, IRemediationGateway gateway, CancellationToken cancellationToken)
        {
            Applies++;
            if (apply is not null)
            {
                return await apply(p, gateway);
            }

            foreach (var action in p.Actions)
            {
                await gateway.InvokeAsync(action, cancellationToken);
            }

            return new AppliedOutcome(p, true, new Dictionary<string, string> { ["state"] = "open" }, new Dictionary<string, string> { ["state"] = "closed" }, null);
        }

        public static RemediationPlan DefaultPlan(Finding finding) => new(finding.RuleId, finding.Resource, $"Close {finding.Resource.Id}.",
            [new RemediationAction("test:Close", new Dictionary<string, string> { ["Region"] = finding.Resource.Region, ["Id"] = finding.Resource.Id })]);
    }

    /// <summary>Says why it will not plan.</summary>
    private sealed class Explained(string ruleId, string reason) : IExplainedRemediation
    {
        public string RuleId => ruleId;
        public IReadOnlyList<string> RequiredActions => [];
        public RemediationPlan? Plan(Finding finding, AwsInventory inventory) => Decide(finding, inventory).Plan;
        public PlanDecision Decide(Finding finding, AwsInventory inventory) => PlanDecision.NotPossible(reason);
        public Task<AppliedOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) => throw new InvalidOperationException("never applied");
    }

    private static Finding Fail(string ruleId, string resourceId, Severity severity = Severity.High, ComplianceStatus status = ComplianceStatus.Fail) => new()
    {
        RuleId = ruleId,
        Status = status,
        Severity = severity,
        Resource = new ResourceRef(ResourceTypes.SecurityGroup, resourceId, null, "eu-west-1", "123456789012"),
        Message = $"{resourceId} fails {ruleId}.",
    };

    private static RemediationOptions Options(RemediationMode mode, int max = 10, params string[] allow) =>
        new() { Mode = mode, MaxPerRun = max, Allow = allow.ToHashSet(StringComparer.OrdinalIgnoreCase) };

    private static Task<RemediationRun> Run(IRemediation[] remediations, IReadOnlyList<Finding> findings, RemediationOptions options, IRemediationGateway gateway, CancellationToken cancellationToken = default) =>
        new RemediationEngine(remediations).RunAsync(findings, Inventory, options, gateway, cancellationToken);

    [Fact]
    public async Task Off_records_nothing_plans_nothing_and_calls_nothing()
    {
        var remediation = new Scripted("Test.Group.1");
        var gateway = new RecordingGateway();

        var run = await Run([remediation], [Fail("Test.Group.1", "sg-1")], Options(RemediationMode.Off, 10, "Test.Group.1"), gateway);

        Assert.Equal(RemediationMode.Off, run.Mode);
        Assert.Empty(run.Records);
        Assert.Equal((0, 0), (remediation.Plans, remediation.Applies));
        Assert.Empty(gateway.Actions);
    }

    [Fact]
    public async Task Dry_run_records_the_plan_and_calls_nothing()
    {
        var remediation = new Scripted("Test.Group.1");
        var gateway = new RecordingGateway();

        var run = await Run([remediation], [Fail("Test.Group.1", "sg-1")], Options(RemediationMode.DryRun, 10, "Test.Group.1"), gateway);

        var record = Assert.Single(run.Records);
        Assert.Equal((RemediationStatus.Planned, "Close sg-1."), (record.Outcome, record.Detail));
        Assert.Equal("test:Close", Assert.Single(record.Plan!.Actions).Action);
        Assert.Equal(0, remediation.Applies);
        Assert.Empty(gateway.Actions);
    }

    [Fact]
    public async Task Enforce_applies_through_the_gateway_and_records_before_and_after()
    {
        var gateway = new RecordingGateway();

        var run = await Run([new Scripted("Test.Group.1")], [Fail("Test.Group.1", "sg-1")], Options(RemediationMode.Enforce, 10, "test.group.1"), gateway);

        var record = Assert.Single(run.Records);
        Assert.Equal(RemediationStatus.Applied, record.Outcome);
        Assert.Equal(("open", "closed"), (record.Before!["state"], record.After!["state"]));
        Assert.Equal("sg-1", Assert.Single(gateway.Actions).Parameters["Id"]);
    }

    [Fact]
    public async Task A_rule_off_the_allow_list_is_skipped_without_planning()
    {
        var allowed = new Scripted("Test.Group.1");
        var other = new Scripted("Test.Group.2");
        var gateway = new RecordingGateway();

        var run = await Run([allowed, other], [Fail("Test.Group.2", "sg-2"), Fail("Test.Group.1", "sg-1")], Options(RemediationMode.Enforce, 10, "Test.Group.1"), gateway);

        var skipped = Assert.Single(run.Records, r => r.RuleId == "Test.Group.2");
        Assert.Equal((RemediationStatus.Skipped, "not on COMPLIANCE_REMEDIATION_ALLOW"), (skipped.Outcome, skipped.Detail));
        Assert.Equal(0, other.Plans);
        Assert.Equal(["sg-1"], gateway.Actions.Select(a => a.Parameters["Id"]));
    }

    [Fact]
    public async Task The_cap_spends_itself_on_the_most_severe_findings_first_in_a_stable_order()
    {
        Finding[] findings =
        [
            Fail("Test.Group.10", "sg-b", Severity.Medium),
            Fail("Test.Group.2", "sg-z", Severity.High),
            Fail("Test.Group.2", "sg-a", Severity.High),
            Fail("Test.Group.10", "sg-a", Severity.Critical),
        ];
        var gateway = new RecordingGateway();

        var run = await Run([new Scripted("Test.Group.2"), new Scripted("Test.Group.10")], findings, Options(RemediationMode.Enforce, 2, "Test.Group.2", "Test.Group.10"), gateway);

        Assert.Equal(["Test.Group.10/sg-a Applied", "Test.Group.2/sg-a Applied", "Test.Group.2/sg-z Skipped", "Test.Group.10/sg-b Skipped"],
            run.Records.Select(r => $"{r.RuleId}/{r.Resource.Id} {r.Outcome}"));
        Assert.All(run.Records.Where(r => r.Outcome == RemediationStatus.Skipped), r => Assert.Equal("cap of 2 reached", r.Detail));
        Assert.Equal(2, gateway.Actions.Count);

        var none = await Run([new Scripted("Test.Group.2")], [Fail("Test.Group.2", "sg-a")], Options(RemediationMode.DryRun, 0, "Test.Group.2"), gateway);
        Assert.Equal("cap of 0 reached", Assert.Single(none.Records).Detail);
    }

    [Fact]
    public async Task An_exempt_finding_is_never_planned_nor_touched_only_recorded_with_its_exemption()
    {
        var remediation = new Scripted("Test.Group.1");
        var gateway = new RecordingGateway();
        var findings = SuppressionFilter.Apply(
            [Fail("Test.Group.1", "sg-1"), Fail("Test.Group.1", "sg-2", status: ComplianceStatus.Error)],
            Inventory, [new Suppression("Test.*", "*", "Vendor window (CHG-3317).", new DateOnly(2099, 1, 31))], DateTimeOffset.UtcNow);

        var run = await Run([remediation], findings, Options(RemediationMode.Enforce, 10, "Test.Group.1"), gateway);

        var record = Assert.Single(run.Records); // the exempted ERROR was never fixable and is not listed
        Assert.Equal((RemediationStatus.Skipped, "exempt: suppressed until 2099-01-31 (Vendor window (CHG-3317).)"), (record.Outcome, record.Detail));
        Assert.Null(record.Plan);
        Assert.Equal((0, 0), (remediation.Plans, remediation.Applies));
        Assert.Empty(gateway.Actions);
    }

    [Fact]
    public async Task No_plan_is_skipped_with_the_reason_and_only_fails_and_remediable_rules_get_records()
    {
        Finding[] findings =
        [
            Fail("Test.Group.1", "sg-1"),
            Fail("Test.Group.2", "sg-2"),
            Fail("Test.Group.1", "sg-3", status: ComplianceStatus.Pass),
            Fail("Test.Group.1", "sg-4", status: ComplianceStatus.Error),
            Fail("Test.Other.1", "sg-5"),
        ];

        var run = await Run([new Scripted("Test.Group.1", plan: _ => null), new Explained("Test.Group.2", "rule id unknown for ingress tcp/22 from 0.0.0.0/0")],
            findings, Options(RemediationMode.Enforce, 10, "Test.Group.1", "Test.Group.2", "Test.Other.1"), new RecordingGateway());

        Assert.Equal(
        [
            "sg-1 Skipped: the fix cannot safely apply to this finding (its preconditions are unmet)",
            "sg-2 Skipped: rule id unknown for ingress tcp/22 from 0.0.0.0/0",
        ], run.Records.Select(r => $"{r.Resource.Id} {r.Outcome}: {r.Detail}"));
    }

    [Fact]
    public async Task Whatever_a_remediation_throws_becomes_a_Failed_record_and_the_run_goes_on()
    {
        var failing = new Scripted("Test.Group.1", apply: (_, _) => throw new InvalidOperationException("ec2:RevokeSecurityGroupIngress failed with UnauthorizedOperation: denied"));
        var badPlan = new Scripted("Test.Group.2", plan: _ => throw new FormatException("evidence garbled"));
        var unverified = new Scripted("Test.Group.3", apply: (p, _) => Task.FromResult(new AppliedOutcome(p, false,
            new Dictionary<string, string> { ["sgr-1"] = "ingress tcp/22 from 0.0.0.0/0" }, new Dictionary<string, string> { ["sgr-1"] = "ingress tcp/22 from 0.0.0.0/0" }, "sgr-1 still in sg-3 after the revoke")));
        var fine = new Scripted("Test.Group.4");

        var run = await Run([failing, badPlan, unverified, fine],
            [Fail("Test.Group.1", "sg-1"), Fail("Test.Group.2", "sg-2"), Fail("Test.Group.3", "sg-3"), Fail("Test.Group.4", "sg-4")],
            Options(RemediationMode.Enforce, 10, "Test.Group.1", "Test.Group.2", "Test.Group.3", "Test.Group.4"), new RecordingGateway());

        Assert.Equal(
        [
            "Failed: ec2:RevokeSecurityGroupIngress failed with UnauthorizedOperation: denied",
            "Failed: planning failed: FormatException: evidence garbled",
            "Failed: sgr-1 still in sg-3 after the revoke",
            "Applied: Close sg-4.",
        ], run.Records.Select(r => $"{r.Outcome}: {r.Detail}"));
        Assert.Equal("ingress tcp/22 from 0.0.0.0/0", run.Records[2].After!["sgr-1"]);
        Assert.Equal(1, run.Count(RemediationStatus.Applied));
    }

    [Fact]
    public async Task A_cancelled_run_starts_no_fix()
    {
        var remediation = new Scripted("Test.Group.1");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await Run([remediation], [Fail("Test.Group.1", "sg-1")], Options(RemediationMode.Enforce, 10, "Test.Group.1"), new RecordingGateway(), cancelled.Token);

        Assert.Equal("the run was cancelled before this fix started", Assert.Single(run.Records).Detail);
        Assert.Equal(0, remediation.Applies);
    }

    [Fact]
    public void Two_remediations_for_one_rule_stop_the_engine_from_starting()
    {
        var error = Assert.Throws<RemediationCatalogException>(() => new RemediationEngine([new Scripted("EC2.SecurityGroup.2"), new Scripted("ec2.securitygroup.2")]));

        Assert.Contains("EC2.SecurityGroup.2 is remediated by", error.Message);
    }

    [Fact]
    public void The_built_in_remediations_are_discovered_each_for_a_known_rule_with_every_action_handled()
    {
        var engine = RemediationEngine.BuiltIn();
        var rules = RuleRegistry.BuiltIn();

        Assert.Superset(new HashSet<string> { RuleIds.Ec2SecurityGroup1, RuleIds.Ec2SecurityGroup2, RuleIds.Ec2SecurityGroup3 }, engine.Remediations.Select(r => r.RuleId).ToHashSet());
        Assert.All(engine.Remediations, r => Assert.NotNull(rules.Find(r.RuleId)));
        Assert.All(engine.Remediations, r => Assert.Subset(AwsRemediationGateway.SupportedActions.ToHashSet(), r.RequiredActions.Except(AwsRemediationGateway.ImpliedActions).ToHashSet()));
        Assert.IsType<Rules.EC2.SecurityGroupDefaultClosedRemediation>(engine.For("ec2.securitygroup.1"));
    }
}
