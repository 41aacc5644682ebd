using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Sm = Compliance.Checker.Live.Clients.SecretsManager;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Secrets (ListSecrets, paginated, without those scheduled for deletion): rotation, its interval, KMS key, created,
/// last rotated, next rotation and last accessed dates, and tags. ListSecrets returns all of it, so there is no
/// per-secret call.
/// </summary>
public sealed class SecretsManagerCollector : ICollector
{
    public string Service => "secretsmanager";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.Secret];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["secretsmanager:ListSecrets"] = "secretsmanager:ListSecrets",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.Secret))
        {
            return;
        }

        var client = Sm.SecretsManagerClient.For(context.Session, context.Region);
        var wanted = context.Scope.IdsFor(ResourceTypes.Secret)?.ToHashSet(StringComparer.Ordinal);

        // The name filter is a case-sensitive prefix match; with one wanted name it narrows the listing to it and its
        // prefix-siblings (kept out below). With several names, how values combine is not documented clearly enough to rely on.
        IReadOnlyList<Sm.Filter>? filters = wanted is { Count: 1 } && !wanted.First().StartsWith("arn:", StringComparison.Ordinal)
            ? [new Sm.Filter("name", [wanted.First()])]
            : null;
        string? token = null;
        do
        {
            var request = new Sm.ListSecretsRequest { IncludePlannedDeletion = false, MaxResults = 100, NextToken = token, Filters = filters };
            var page = await context.CallAsync("secretsmanager", "ListSecrets", ResourceTypes.Secret,
                ct => client.ListSecretsAsync(request, ct), cancellationToken);
            if (page is null)
            {
                return; // recorded as a collection error; what was read so far stays
            }

            foreach (var secret in page.SecretList)
            {
                if (secret.Name is not { Length: > 0 } name || (wanted is not null && !wanted.Contains(name) && !(secret.ARN is { } arn && wanted.Contains(arn))))
                {
                    continue;
                }

                context.Builder.Add(new Secret
                {
                    Id = name,
                    Region = context.Region,
                    AccountId = context.AccountId,
                    Arn = secret.ARN,
                    Tags = (secret.Tags ?? []).Where(t => t.Key is not null)
                        .GroupBy(t => t.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? ""),
                    RotationEnabled = secret.RotationEnabled ?? false,
                    RotationIntervalDays = SecretRotationInterval.Days(secret.RotationRules),
                    KmsKeyId = secret.KmsKeyId is { Length: > 0 } key ? key : null,
                    LastRotatedDate = Utc(secret.LastRotatedDate),
                    LastAccessedDate = Utc(secret.LastAccessedDate),
                    CreatedDate = Utc(secret.CreatedDate),
                    NextRotationDate = Utc(secret.NextRotationDate),
                });
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
