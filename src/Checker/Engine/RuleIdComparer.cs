namespace Compliance.Checker.Engine;

/// <summary>Orders rule ids naturally: EC2.SecurityGroup.2 before EC2.SecurityGroup.10.</summary>
public sealed class RuleIdComparer : IComparer<string>
{
    public static RuleIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        var a = x.Split('.');
        var b = y.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var bothNumbers = int.TryParse(a[i], out var na) & int.TryParse(b[i], out var nb);
            var order = bothNumbers ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
