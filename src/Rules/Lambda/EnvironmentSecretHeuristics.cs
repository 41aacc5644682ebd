using System.Globalization;
using System.Text.RegularExpressions;

namespace Compliance.Rules.Lambda;

/// <summary>Why one environment variable looks like a plaintext secret, with its value masked.</summary>
/// <param name="Variable">The variable's name.</param>
/// <param name="Reason">What gave it away, e.g. "an AWS access key id".</param>
/// <param name="Masked">A masked form of the value that reveals nothing secret (a known public prefix at most) and its length.</param>
internal sealed record SecretSuspicion(string Variable, string Reason, string Masked);

/// <summary>
/// Heuristics for plaintext secrets in environment variables. Values that are shaped like credentials are flagged
/// whatever their name; a secret-like name (PASSWORD, TOKEN, API_KEY, ...) is flagged when its value is a literal
/// rather than a reference (an ARN, an SSM parameter name, a URL without credentials, a boolean or a number); a long
/// random-looking value is flagged unless its name says it is an identifier. Values never leave this class unmasked.
/// </summary>
internal static partial class EnvironmentSecretHeuristics
{
    /// <summary>Name tokens that mark a credential.</summary>
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "credential", "credentials", "apikey",
        "privatekey", "secretkey", "accesskey", "clientsecret", "authtoken", "bearer",
    };

    /// <summary>Adjacent name tokens that mark a credential: API_KEY, PRIVATE_KEY, CLIENT_SECRET, ...</summary>
    private static readonly HashSet<(string, string)> SecretPairs =
    [
        ("api", "key"), ("private", "key"), ("access", "key"), ("secret", "key"), ("signing", "key"), ("encryption", "key"),
        ("master", "key"), ("license", "key"), ("client", "secret"), ("shared", "key"), ("hmac", "key"),
    ];

    /// <summary>Last name tokens that say the variable names or configures a secret rather than holds one.</summary>
    private static readonly HashSet<string> ReferenceSuffixes = new(StringComparer.Ordinal)
    {
        "arn", "name", "id", "ids", "param", "parameter", "path", "file", "url", "uri", "endpoint", "host", "header",
        "ttl", "timeout", "expiry", "expiration", "length", "enabled", "disabled", "region", "type", "field", "mode",
        "version", "ref", "reference", "location", "prefix", "count", "days", "seconds", "minutes", "hours", "size",
        "policy", "alias", "issuer", "audience", "scope", "scopes",
    };

    /// <summary>Token formats of common providers.</summary>
    private static readonly (string Kind, Regex Pattern)[] KnownTokens =
    [
        ("a GitHub token", GitHubToken()), ("a Slack token", SlackToken()), ("a Slack webhook URL", SlackWebhook()),
        ("a Stripe secret key", StripeKey()), ("a Google API key", GoogleApiKey()), ("a JSON Web Token", JsonWebToken()),
    ];

    private static readonly HashSet<string> Booleans = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "none", "null" };

    /// <summary>The suspicion for one variable, or null when it looks harmless.</summary>
    public static SecretSuspicion? Inspect(string name, string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (CredentialShape(text) is { } shaped)
        {
            return new(name, shaped.Reason, $"{shaped.PublicPrefix}{Stars(text)}");
        }

        if (IsReference(text) || IsPlainSetting(text))
        {
            return null;
        }

        var tokens = NameTokens(name);
        var namesSomething = tokens.Count > 0 && ReferenceSuffixes.Contains(tokens[^1]);
        if (!namesSomething && IsSecretName(tokens))
        {
            return new(name, "a secret-like name with a literal value", Stars(text));
        }

        return !namesSomething && IsHighEntropy(text) ? new(name, "a long random-looking literal value", Stars(text)) : null;
    }

    /// <summary>Values shaped like a credential whatever the variable is called, with the part of them that is public.</summary>
    private static (string Reason, string PublicPrefix)? CredentialShape(string text)
    {
        if (PemPrivateKey().IsMatch(text))
        {
            return ("a PEM private key", "");
        }

        if (AccessKeyId().Match(text) is { Success: true } key)
        {
            return (key.Value.StartsWith("ASIA", StringComparison.Ordinal) ? "an AWS temporary access key id" : "an AWS access key id", key.Value == text ? key.Value[..4] : "");
        }

        foreach (var (kind, pattern) in KnownTokens)
        {
            if (pattern.IsMatch(text))
            {
                return (kind, "");
            }
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && text.Contains("://", StringComparison.Ordinal))
        {
            if (uri.UserInfo.Contains(':', StringComparison.Ordinal) && uri.UserInfo.Split(':', 2)[1].Length > 0)
            {
                return ("a URL with an embedded password", "");
            }

            if (QueryCredential(uri))
            {
                return ("a URL with a credential in its query string", "");
            }
        }

        return null;
    }

    /// <summary>An ARN, a template dynamic reference, an SSM parameter or file path, or a URL without credentials.</summary>
    private static bool IsReference(string text) =>
        text.StartsWith("arn:", StringComparison.Ordinal)
        || text.StartsWith("{{resolve:", StringComparison.Ordinal)
        || ParameterPath().IsMatch(text)
        || (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out _));

    /// <summary>Booleans and numbers are settings, not secrets (a TOKEN_TTL of 3600, a PASSWORD_MIN_LENGTH of 14).</summary>
    private static bool IsPlainSetting(string text) =>
        Booleans.Contains(text)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsSecretName(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SecretWords.Contains(tokens[i]) || (i > 0 && SecretPairs.Contains((tokens[i - 1], tokens[i]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// At least 32 characters of the base64 / base64url alphabet, mixing upper case, lower case and digits, not a UUID,
    /// with a Shannon entropy of at least 4.2 bits per character and no run of more than six lower-case letters. Random
    /// base64 of that length scores about 4.6 and rarely has such a run; generated resource names
    /// ("PaymentsStack-ApiHandlerFunction9C4A2E1B-Xy7Kq2LmN0pQ") score as high but are made of words, which the run test catches.
    /// </summary>
    internal static bool IsHighEntropy(string text)
    {
        if (text.Length < 32 || !Base64Like().IsMatch(text) || Uuid().IsMatch(text)
            || !text.Any(char.IsAsciiLetterUpper) || !text.Any(char.IsAsciiLetterLower) || !text.Any(char.IsAsciiDigit)
            || LowerCaseWord().IsMatch(text))
        {
            return false;
        }

        var entropy = text.GroupBy(c => c).Select(g => (double)g.Count() / text.Length).Sum(p => -p * Math.Log2(p));
        return entropy >= 4.2;
    }

    /// <summary>"DB_PASSWORD" → [db, password]; "clientSecretValue" → [client, secret, value].</summary>
    internal static IReadOnlyList<string> NameTokens(string name) =>
        CamelBoundary().Replace(name, "$1_$2").Split(['_', '-', '.', ' ', ':', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant()).ToList();

    private static bool QueryCredential(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Any(pair => pair.Length == 2 && pair[1].Length > 0 && IsSecretName(NameTokens(Uri.UnescapeDataString(pair[0]))));

    private static string Stars(string text) => $"******** ({text.Length} characters)";

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,})\b")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bxox[abposr]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"hooks\.slack\.com/services/[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]+")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"\b[sr]k_live_[A-Za-z0-9]{16,}")]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"\bAIza[0-9A-Za-z_-]{35}")]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")]
    private static partial Regex JsonWebToken();

    [GeneratedRegex(@"^/[A-Za-z0-9_.\-/]+$")]
    private static partial Regex ParameterPath();

    [GeneratedRegex(@"^[A-Za-z0-9+/=_-]+$")]
    private static partial Regex Base64Like();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"[a-z]{7}")]
    private static partial Regex LowerCaseWord();

    [GeneratedRegex(@"([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
