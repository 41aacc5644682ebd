using System.Globalization;
using System.Text;

namespace Compliance.Rules.Logs;

/// <summary>
/// The JSON-term syntax of CloudWatch Logs filter patterns, parsed into a tree that can be evaluated against an event:
/// <c>{ ($.eventName = DeleteTrail) || ($.errorCode = "AccessDenied*" &amp;&amp; $.userIdentity.invokedBy NOT EXISTS) }</c>.
/// Supported: selectors <c>$.a.b</c>; <c>=</c> and <c>!=</c> against quoted or bare values with <c>*</c> wildcards;
/// numeric <c>&lt; &gt; &lt;= &gt;=</c>; <c>IS NULL</c>, <c>IS TRUE</c>, <c>IS FALSE</c>, <c>NOT EXISTS</c>;
/// <c>&amp;&amp;</c>, <c>||</c> and parentheses. Anything else (text terms, space-delimited patterns, array selectors,
/// regular expressions) is not understood: <see cref="Parse"/> returns null and the pattern covers nothing.
/// </summary>
internal abstract record FilterPattern
{
    /// <summary>Whether the pattern matches an event whose fields are given by dotted path ("userIdentity.type").</summary>
    public abstract bool Matches(IReadOnlyDictionary<string, object?> fields);

    /// <summary>The parsed pattern, or null when it uses syntax this parser does not understand.</summary>
    public static FilterPattern? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null; // an empty pattern matches every event, including ones no trail delivers: not a security filter
        }

        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return null;
        }

        var parser = new Parser(tokens);
        return parser.Pattern();
    }

    private sealed record Or(FilterPattern Left, FilterPattern Right) : FilterPattern
    {
        public override bool Matches(IReadOnlyDictionary<string, object?> fields) => Left.Matches(fields) || Right.Matches(fields);
    }

    private sealed record And(FilterPattern Left, FilterPattern Right) : FilterPattern
    {
        public override bool Matches(IReadOnlyDictionary<string, object?> fields) => Left.Matches(fields) && Right.Matches(fields);
    }

    /// <summary>A comparison of one field. A field the event does not have matches no comparison (only NOT EXISTS).</summary>
    private sealed record Term(string Path, string Operator, string? Value, bool Quoted) : FilterPattern
    {
        public override bool Matches(IReadOnlyDictionary<string, object?> fields)
        {
            var exists = fields.TryGetValue(Path, out var actual) || fields.Keys.Any(k => k.StartsWith(Path + ".", StringComparison.Ordinal));
            switch (Operator)
            {
                case "NOT EXISTS":
                    return !exists;
                case "IS NULL":
                    return exists && fields.ContainsKey(Path) && actual is null;
                case "IS TRUE":
                    return actual is true;
                case "IS FALSE":
                    return actual is false;
            }

            if (!fields.ContainsKey(Path) || actual is null)
            {
                return false;
            }

            if (Operator is "<" or ">" or "<=" or ">=")
            {
                return Number(actual) is { } n && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) && Operator switch
                {
                    "<" => n < limit,
                    ">" => n > limit,
                    "<=" => n <= limit,
                    _ => n >= limit,
                };
            }

            var equal = Equal(actual, Value!);
            return Operator == "=" ? equal : !equal;
        }

        private bool Equal(object actual, string value)
        {
            if (!Quoted && Number(actual) is { } n && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected))
            {
                return n == expected;
            }

            var text = actual switch
            {
                bool b => b ? "true" : "false",
                double d => d.ToString(CultureInfo.InvariantCulture),
                _ => actual.ToString() ?? "",
            };
            return Wildcard(text, value);
        }

        private static double? Number(object actual) => actual switch
        {
            double d => d,
            int i => i,
            long l => l,
            _ => null,
        };
    }

    /// <summary>Case-sensitive match where each "*" stands for any run of characters.</summary>
    internal static bool Wildcard(string text, string pattern)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(text, pattern, StringComparison.Ordinal);
        }

        if (!text.StartsWith(parts[0], StringComparison.Ordinal) || !text.EndsWith(parts[^1], StringComparison.Ordinal)
            || text.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = text.Length - parts[^1].Length;
        foreach (var middle in parts[1..^1])
        {
            var found = text.IndexOf(middle, position, StringComparison.Ordinal);
            if (found < 0 || found + middle.Length > end)
            {
                return false;
            }

            position = found + middle.Length;
        }

        return true;
    }

    private enum Kind { Open, Close, LeftParen, RightParen, AndOp, OrOp, Compare, Selector, Quoted, Word }

    private sealed record Token(Kind Kind, string Text);

    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '{': tokens.Add(new(Kind.Open, "{")); i++; continue;
                case '}': tokens.Add(new(Kind.Close, "}")); i++; continue;
                case '(': tokens.Add(new(Kind.LeftParen, "(")); i++; continue;
                case ')': tokens.Add(new(Kind.RightParen, ")")); i++; continue;
            }

            if (Starts(text, i, "&&"))
            {
                tokens.Add(new(Kind.AndOp, "&&"));
                i += 2;
            }
            else if (Starts(text, i, "||"))
            {
                tokens.Add(new(Kind.OrOp, "||"));
                i += 2;
            }
            else if (Starts(text, i, "!=") || Starts(text, i, "<=") || Starts(text, i, ">="))
            {
                tokens.Add(new(Kind.Compare, text.Substring(i, 2)));
                i += 2;
            }
            else if (c is '=' or '<' or '>')
            {
                tokens.Add(new(Kind.Compare, c.ToString()));
                i++;
            }
            else if (c == '"')
            {
                var value = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    return null; // unterminated string
                }

                i++;
                tokens.Add(new(Kind.Quoted, value.ToString()));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && "{}()&|=!<>\"".IndexOf(text[i]) < 0)
                {
                    i++;
                }

                if (i == start)
                {
                    return null; // a lone '&', '|' or '!'
                }

                var word = text[start..i];
                tokens.Add(new(word.StartsWith('$') ? Kind.Selector : Kind.Word, word));
            }
        }

        return tokens;
    }

    private static bool Starts(string text, int index, string value) => string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

    private sealed class Parser(List<Token> tokens)
    {
        private int _next;

        public FilterPattern? Pattern()
        {
            if (!Take(Kind.Open))
            {
                return null;
            }

            var expression = Expression();
            return expression is not null && Take(Kind.Close) && _next == tokens.Count ? expression : null;
        }

        private FilterPattern? Expression()
        {
            var left = Conjunction();
            while (left is not null && Take(Kind.OrOp))
            {
                var right = Conjunction();
                left = right is null ? null : new Or(left, right);
            }

            return left;
        }

        private FilterPattern? Conjunction()
        {
            var left = Primary();
            while (left is not null && Take(Kind.AndOp))
            {
                var right = Primary();
                left = right is null ? null : new And(left, right);
            }

            return left;
        }

        private FilterPattern? Primary()
        {
            if (Take(Kind.LeftParen))
            {
                var inner = Expression();
                return inner is not null && Take(Kind.RightParen) ? inner : null;
            }

            return Comparison();
        }

        private FilterPattern? Comparison()
        {
            if (Peek() is not { Kind: Kind.Selector } selector || Path(selector.Text) is not { } path)
            {
                return null;
            }

            _next++;
            if (Peek() is { Kind: Kind.Compare } op)
            {
                _next++;
                if (Peek() is not { Kind: Kind.Quoted or Kind.Word } value || (value.Kind == Kind.Word && value.Text.StartsWith('%')))
                {
                    return null; // missing value, or a regular expression
                }

                _next++;
                return new Term(path, op.Text, value.Text, value.Kind == Kind.Quoted);
            }

            var first = Word();
            var second = Word();
            var keyword = $"{first} {second}".ToUpperInvariant();
            return keyword is "NOT EXISTS" or "IS NULL" or "IS TRUE" or "IS FALSE" ? new Term(path, keyword, null, false) : null;
        }

        /// <summary>"$.a.b" → "a.b"; null for "$", array selectors "$.a[0]" or wildcards in the path.</summary>
        private static string? Path(string selector)
        {
            if (!selector.StartsWith("$.", StringComparison.Ordinal) || selector.Length == 2)
            {
                return null;
            }

            var path = selector[2..];
            return path.IndexOfAny(['[', ']', '*', '$']) >= 0 || path.Split('.').Any(p => p.Length == 0) ? null : path;
        }

        private string? Word()
        {
            if (Peek() is { Kind: Kind.Word } word)
            {
                _next++;
                return word.Text;
            }

            return null;
        }

        private Token? Peek() => _next < tokens.Count ? tokens[_next] : null;

        private bool Take(Kind kind)
        {
            if (Peek()?.Kind != kind)
            {
                return false;
            }

            _next++;
            return true;
        }
    }
}
