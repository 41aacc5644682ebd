using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.DynamoDB;

/// <summary>
/// An audit table is append-only: no IAM role or user that may write to it may also change or delete its items or the
/// table, and Time to Live is off, so no item expires.
/// </summary>
public sealed class AuditTableAppendOnly : IComplianceRule
{
    private static readonly string[] PrincipalTypes = [ResourceTypes.IamRole, ResourceTypes.IamUser, ResourceTypes.IamGroup, ResourceTypes.IamManagedPolicy];

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.DynamoDbTable5,
        Title = "Audit tables are append-only: writers cannot update or delete, TTL is off",
        Rationale = "An audit trail its writers can rewrite or delete proves nothing; the principals that append records must not be able to change or remove them, and no item may expire before its retention ends.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.DynamoDbTable, ResourceTypes.IamPolicy, ResourceTypes.IamManagedPolicy, ResourceTypes.IamRole, ResourceTypes.IamUser, ResourceTypes.IamGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.5.1", MappingConfidence.Proposed),
        ],
        Parameters =
        [
            new("auditTableNames", "*audit*", "Table names (wildcards * and ?) that hold audit records; other tables are not judged."),
            new("writeActions", "dynamodb:PutItem,dynamodb:BatchWriteItem,dynamodb:PartiQLInsert", "Actions that make a principal a writer of the table."),
            new("destructiveActions", "dynamodb:UpdateItem,dynamodb:DeleteItem,dynamodb:DeleteTable,dynamodb:BatchWriteItem,dynamodb:PartiQLUpdate,dynamodb:PartiQLDelete,dynamodb:UpdateTimeToLive",
                "Actions no writer may have: they change or delete items (BatchWriteItem carries deletes too), delete the table, or let items expire."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var patterns = context.ListParameter("auditTableNames");
        var writes = context.ListParameter("writeActions");
        var destructive = context.ListParameter("destructiveActions");
        var index = new PrincipalPolicyIndex(context.Inventory);
        var principals = context.Inventory.IamRoles.Select(r => (Kind: "role", Resource: (AwsResource)r, Policies: index.For(r)))
            .Concat(context.Inventory.IamUsers.Select(u => (Kind: "user", Resource: (AwsResource)u, Policies: index.For(u))))
            .ToList();

        foreach (var table in context.Inventory.DynamoDbTables.Where(t => patterns.Any(p => PolicyAnalysis.WildcardMatch(p, t.Id))))
        {
            var listingFailed = context.Inventory.CollectionErrors.FirstOrDefault(e =>
                PrincipalTypes.Contains(e.ResourceType) && e.ResourceId is null && (e.AccountId is null || e.AccountId == table.AccountId));
            if (listingFailed is not null)
            {
                yield return Descriptor.Error(table.Ref, $"Audit table {table.DisplayName}: IAM {listingFailed.ResourceType} could not be collected ({listingFailed.ErrorCode}), so who may change it is unknown.");
                continue;
            }

            var arn = table.Arn ?? $"arn:aws:dynamodb:{table.Region}:{table.AccountId}:table/{table.Id}";
            var violations = new List<string>();
            var unknowns = new List<string>();
            var writers = new List<string>();
            foreach (var (kind, principal, policies) in principals.Where(p => p.Resource.AccountId == table.AccountId))
            {
                var writing = writes.Where(a => policies.Evaluate(a, arn).MayBeAllowed).ToList();
                var destroying = destructive.Where(a => policies.Evaluate(a, arn).MayBeAllowed).ToList();
                var who = $"{kind} {principal.DisplayName}";
                if (writing.Count > 0)
                {
                    writers.Add(who);
                }

                if (writing.Count > 0 && destroying.Count > 0)
                {
                    if (policies.UnknownBoundary is { } boundary)
                    {
                        unknowns.Add($"{who} (its permissions boundary {boundary} is unknown)");
                    }
                    else
                    {
                        violations.Add($"{who} may {string.Join(", ", writing)} and also {string.Join(", ", destroying)}");
                    }
                }
                else if (policies.Unknown.Count > 0)
                {
                    unknowns.Add($"{who} ({string.Join(", ", policies.Unknown)} unknown)");
                }
            }

            var ttl = table.TimeToLive;
            var evidence = new Dictionary<string, string>
            {
                ["tableArn"] = arn,
                ["writers"] = string.Join(",", writers),
                ["timeToLive"] = ttl is null ? "unknown" : ttl.AttributeName is { } attribute ? $"{ttl.Status}:{attribute}" : ttl.Status,
            };
            if (ttl is { Status: "ENABLED" or "ENABLING" })
            {
                violations.Add($"Time to Live is {ttl.Status} on attribute {ttl.AttributeName ?? "(unnamed)"}, so items expire whenever their writer says");
            }

            if (violations.Count > 0)
            {
                evidence["violations"] = string.Join("; ", violations);
                yield return Descriptor.Fail(table.Ref, $"Audit table {table.DisplayName} is not append-only: {string.Join("; ", violations)}.", evidence);
            }
            else if (ttl is null || unknowns.Count > 0)
            {
                var what = ttl is null ? unknowns.Prepend("its Time to Live setting") : unknowns;
                yield return Descriptor.Error(table.Ref, $"Audit table {table.DisplayName}: whether it is append-only is unknown: {string.Join("; ", what)}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(table.Ref,
                    writers.Count == 0
                        ? $"Audit table {table.DisplayName} has Time to Live off and no role or user{(context.FromTemplate ? " declared in this template" : "")} with customer-managed or inline grants to write it."
                        : $"Audit table {table.DisplayName} has Time to Live off, and its writers ({string.Join(", ", writers)}) may not update or delete items or the table.",
                    evidence);
            }
        }
    }
}
