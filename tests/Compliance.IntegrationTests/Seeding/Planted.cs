using System.Collections.Concurrent;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// What the fixture created: resource ids by (region, logical name), because ids are random on every endpoint, and
/// how to undo each creation on an endpoint that cannot be reset. Logical names are "it-pass-…" for a compliant twin
/// and "it-fail-…" for the planted violation; the names AWS sees carry a per-run suffix so runs never collide.
/// </summary>
public sealed class Planted
{
    /// <summary>The logical name of the account itself, for account- and region-wide settings.</summary>
    public const string Account = "account";

    /// <summary>The region of account-wide (global) findings.</summary>
    public const string Global = "global";

    private readonly ConcurrentDictionary<(string Region, string Name), string> _ids = new();
    private readonly ConcurrentStack<(string What, Func<Task> Undo)> _undo = new();

    public Planted(string accountId)
    {
        AccountId = accountId;
        Add(Global, Account, accountId);
        foreach (var region in ItEndpoint.Regions)
        {
            Add(region, Account, accountId);
        }
    }

    public string AccountId { get; }

    /// <summary>Six hex digits, unique per run.</summary>
    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..6];

    /// <summary>The name AWS sees: "it-pass-sg-ssh" → "it-pass-sg-ssh-1a2b3c".</summary>
    public string NameOf(string logical) => $"{logical}-{Suffix}";

    /// <summary>A bucket name, unique per region and run: "it-pass-bucket" → "it-pass-bucket-use1-1a2b3c".</summary>
    public string BucketOf(string logical, string region) => $"{logical}-{Short(region)}-{Suffix}";

    public void Add(string region, string logical, string id)
    {
        if (!_ids.TryAdd((region, logical), id) && _ids[(region, logical)] != id)
        {
            throw new InvalidOperationException($"{logical} in {region} was planted twice.");
        }
    }

    /// <summary>The id of a planted resource; fails loudly when the fixture never created it.</summary>
    public string Id(string region, string logical) =>
        _ids.TryGetValue((region, logical), out var id) ? id : throw new KeyNotFoundException($"Nothing named {logical} was planted in {region}.");

    public bool TryId(string region, string logical, out string id) => _ids.TryGetValue((region, logical), out id!);

    /// <summary>Registers how to remove or restore what was just created or changed (run last-in, first-out).</summary>
    public void OnCleanup(string what, Func<Task> undo) => _undo.Push((what, undo));

    /// <summary>Runs every undo step, best effort; returns what could not be undone.</summary>
    public async Task<IReadOnlyList<string>> CleanUpAsync()
    {
        var failures = new List<string>();
        while (_undo.TryPop(out var step))
        {
            try
            {
                await step.Undo();
            }
            catch (Exception ex)
            {
                failures.Add($"{step.What}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return failures;
    }

    private static string Short(string region) => region switch
    {
        "us-east-1" => "use1",
        "eu-west-1" => "euw1",
        _ => region.Replace("-", "", StringComparison.Ordinal),
    };
}
