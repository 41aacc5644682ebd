using System.Globalization;
using System.Text.RegularExpressions;
using Compliance.Checker.Live.Clients.SecretsManager;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// The longest gap, in days, between two rotations a secret's RotationRules allow: AutomaticallyAfterDays when AWS
/// reports it (it recalculates it from the schedule after every rotation), else what the ScheduleExpression clearly
/// implies; null when it cannot be told (the rule then reports the interval as unknown).
/// </summary>
internal static partial class SecretRotationInterval
{
    public static int? Days(RotationRulesType? rules)
    {
        if (rules is null)
        {
            return null;
        }

        if (rules.AutomaticallyAfterDays is > 0 and var days)
        {
            return (int)Math.Min(days, int.MaxValue);
        }

        return rules.ScheduleExpression is { Length: > 0 } expression ? FromSchedule(expression.Trim()) : null;
    }

    /// <summary>
    /// rate(N days) → N; rate(N hours) → N/24 rounded up (at least 1); cron(m h DOM * ? *) with DOM "*" → 1, "*/N" or
    /// "1/N" → N (the count restarts on the 1st, so no gap exceeds N, nor 31); cron(m h ? * DOW *) with one weekday → 7, "*" → 1.
    /// Anything else (a fixed day of the month, "L", "#", ranges, lists of days) → null.
    /// </summary>
    public static int? FromSchedule(string expression)
    {
        if (Rate().Match(expression) is { Success: true } rate)
        {
            var n = int.Parse(rate.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n <= 0)
            {
                return null;
            }

            return rate.Groups["unit"].Value.StartsWith("day", StringComparison.OrdinalIgnoreCase) ? n : Math.Max(1, (n + 23) / 24);
        }

        if (Cron().Match(expression) is not { Success: true } cron)
        {
            return null;
        }

        var fields = cron.Groups["fields"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6 || fields[3] != "*" || fields[5] != "*")
        {
            return null;
        }

        var (dayOfMonth, dayOfWeek) = (fields[2], fields[4]);
        if (dayOfWeek == "?")
        {
            if (dayOfMonth == "*")
            {
                return 1;
            }

            return EveryNthDay().Match(dayOfMonth) is { Success: true } step && int.Parse(step.Groups["n"].Value, CultureInfo.InvariantCulture) is > 0 and var every
                ? Math.Min(every, 31)
                : null;
        }

        if (dayOfMonth == "?")
        {
            return dayOfWeek == "*" ? 1 : OneWeekday().IsMatch(dayOfWeek) ? 7 : null;
        }

        return null;
    }

    [GeneratedRegex(@"^rate\(\s*(?<n>\d{1,6})\s+(?<unit>days?|hours?)\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();

    [GeneratedRegex(@"^cron\((?<fields>[^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Cron();

    [GeneratedRegex(@"^(\*|1)/(?<n>\d{1,3})$")]
    private static partial Regex EveryNthDay();

    [GeneratedRegex(@"^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)$", RegexOptions.IgnoreCase)]
    private static partial Regex OneWeekday();
}
