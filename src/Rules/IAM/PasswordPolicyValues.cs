using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>
/// The settings UpdateAccountPasswordPolicy takes, as one value: read from the inventory or from a response, strengthened
/// toward the rule's requirements, compared, and written as action parameters. MaxPasswordAge and PasswordReusePrevention
/// are null when not set (no expiry, reuse not prevented).
/// </summary>
internal sealed record PasswordPolicyValues(
    bool Configured,
    int MinimumPasswordLength,
    bool RequireSymbols,
    bool RequireNumbers,
    bool RequireUppercaseCharacters,
    bool RequireLowercaseCharacters,
    bool AllowUsersToChangePassword,
    int? MaxPasswordAge,
    int? PasswordReusePrevention,
    bool HardExpiry)
{
    public static PasswordPolicyValues From(PasswordPolicy policy) => policy.Configured
        ? new(true, policy.MinimumPasswordLength, policy.RequireSymbols, policy.RequireNumbers, policy.RequireUppercaseCharacters,
            policy.RequireLowercaseCharacters, policy.AllowUsersToChangePassword, Positive(policy.MaxPasswordAge), Positive(policy.PasswordReusePrevention), policy.HardExpiry)
        : new(false, 0, false, false, false, false, false, null, null, false);

    /// <summary>Values as UpdateAccountPasswordPolicy parameters or a GetAccountPasswordPolicy response ("" or absent = not set).</summary>
    public static PasswordPolicyValues From(IReadOnlyDictionary<string, string> values)
    {
        bool Flag(string name) => string.Equals(values.GetValueOrDefault(name), "true", StringComparison.OrdinalIgnoreCase);
        int? Number(string name) => int.TryParse(values.GetValueOrDefault(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        return new(!string.Equals(values.GetValueOrDefault("Configured"), "false", StringComparison.OrdinalIgnoreCase),
            Number(nameof(MinimumPasswordLength)) ?? 0, Flag(nameof(RequireSymbols)), Flag(nameof(RequireNumbers)),
            Flag(nameof(RequireUppercaseCharacters)), Flag(nameof(RequireLowercaseCharacters)), Flag(nameof(AllowUsersToChangePassword)),
            Number(nameof(MaxPasswordAge)), Number(nameof(PasswordReusePrevention)), Flag(nameof(HardExpiry)));
    }

    /// <summary>
    /// This policy with every requirement met and nothing weakened: the longer length, every class either requires, the
    /// larger reuse memory, the shorter expiry. Users may change their own password when the policy is new, or when it
    /// starts or shortens expiry, so an expired password never locks anyone out; HardExpiry stays as it is.
    /// </summary>
    public PasswordPolicyValues Strengthened(int minimumLength, IReadOnlyCollection<string> classes, int reusePrevention, int maxAge)
    {
        var age = maxAge <= 0 ? MaxPasswordAge : MaxPasswordAge is { } current ? Math.Min(current, maxAge) : maxAge;
        return this with
        {
            Configured = true,
            MinimumPasswordLength = Math.Max(MinimumPasswordLength, minimumLength),
            RequireSymbols = RequireSymbols || classes.Contains(nameof(RequireSymbols)),
            RequireNumbers = RequireNumbers || classes.Contains(nameof(RequireNumbers)),
            RequireUppercaseCharacters = RequireUppercaseCharacters || classes.Contains(nameof(RequireUppercaseCharacters)),
            RequireLowercaseCharacters = RequireLowercaseCharacters || classes.Contains(nameof(RequireLowercaseCharacters)),
            PasswordReusePrevention = reusePrevention <= 0 ? PasswordReusePrevention : Math.Max(PasswordReusePrevention ?? 0, reusePrevention),
            MaxPasswordAge = age,
            AllowUsersToChangePassword = AllowUsersToChangePassword || !Configured || age != MaxPasswordAge,
        };
    }

    /// <summary>True when this policy is at least as strict as <paramref name="other"/> in every setting, and lets users change passwords alike.</summary>
    public bool AtLeastAsStrictAs(PasswordPolicyValues other) =>
        Configured
        && MinimumPasswordLength >= other.MinimumPasswordLength
        && (RequireSymbols || !other.RequireSymbols) && (RequireNumbers || !other.RequireNumbers)
        && (RequireUppercaseCharacters || !other.RequireUppercaseCharacters) && (RequireLowercaseCharacters || !other.RequireLowercaseCharacters)
        && (PasswordReusePrevention ?? 0) >= (other.PasswordReusePrevention ?? 0)
        && (other.MaxPasswordAge is null || MaxPasswordAge is { } age && age <= other.MaxPasswordAge)
        && (HardExpiry || !other.HardExpiry)
        && AllowUsersToChangePassword == other.AllowUsersToChangePassword;

    /// <summary>
    /// True when writing this policy over <paramref name="live"/> would loosen any of its settings (or stop users from
    /// changing their own passwords where they now may).
    /// </summary>
    public bool Weakens(PasswordPolicyValues live) =>
        live.Configured
        && (live.MinimumPasswordLength > MinimumPasswordLength
            || live.RequireSymbols && !RequireSymbols || live.RequireNumbers && !RequireNumbers
            || live.RequireUppercaseCharacters && !RequireUppercaseCharacters || live.RequireLowercaseCharacters && !RequireLowercaseCharacters
            || (live.PasswordReusePrevention ?? 0) > (PasswordReusePrevention ?? 0)
            || live.MaxPasswordAge is { } liveAge && (MaxPasswordAge is not { } age || liveAge < age)
            || live.HardExpiry && !HardExpiry
            || live.AllowUsersToChangePassword && !AllowUsersToChangePassword);

    /// <summary>The settings that differ, as "Name old → new".</summary>
    public IReadOnlyList<string> Changes(PasswordPolicyValues to) =>
        Settings(this).Zip(Settings(to)).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.Name} {p.First.Value} → {p.Second.Value}").ToList();

    /// <summary>The UpdateAccountPasswordPolicy parameters: every setting, so none falls back to its default; unset ones are left out.</summary>
    public IReadOnlyDictionary<string, string> ToParameters(string region)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["Region"] = region };
        foreach (var (name, value) in Settings(this).Where(s => s.Value != "none"))
        {
            parameters[name] = value;
        }

        return parameters;
    }

    private static IEnumerable<(string Name, string Value)> Settings(PasswordPolicyValues p) =>
    [
        (nameof(MinimumPasswordLength), p.Configured ? Text(p.MinimumPasswordLength) : "none"),
        (nameof(RequireSymbols), Text(p.RequireSymbols)),
        (nameof(RequireNumbers), Text(p.RequireNumbers)),
        (nameof(RequireUppercaseCharacters), Text(p.RequireUppercaseCharacters)),
        (nameof(RequireLowercaseCharacters), Text(p.RequireLowercaseCharacters)),
        (nameof(AllowUsersToChangePassword), Text(p.AllowUsersToChangePassword)),
        (nameof(MaxPasswordAge), p.MaxPasswordAge is { } age ? Text(age) : "none"),
        (nameof(PasswordReusePrevention), p.PasswordReusePrevention is { } reuse ? Text(reuse) : "none"),
        (nameof(HardExpiry), Text(p.HardExpiry)),
    ];

    private static int? Positive(int? value) => value is > 0 ? value : null;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";
}
