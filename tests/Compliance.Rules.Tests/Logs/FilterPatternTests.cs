using Compliance.Rules.Logs;

namespace Compliance.Rules.Tests.Logs;

public sealed class FilterPatternTests
{
    private static readonly Dictionary<string, object?> Event = new()
    {
        ["eventName"] = "ConsoleLogin",
        ["errorCode"] = "Client.UnauthorizedOperation",
        ["userIdentity.type"] = "IAMUser",
        ["userIdentity.arn"] = "arn:aws:iam::111122223333:user/operator",
        ["readOnly"] = false,
        ["requestParameters.maxResults"] = 50.0,
        ["responseElements"] = null,
    };

    [Theory]
    [InlineData("""{ $.eventName = ConsoleLogin }""", true)]
    [InlineData("""{ $.eventName = "ConsoleLogin" }""", true)]
    [InlineData("""{ $.eventName = consolelogin }""", false)] // values are case-sensitive
    [InlineData("""{ $.errorCode = "*UnauthorizedOperation" }""", true)]
    [InlineData("""{ $.errorCode = "Client.*Operation" }""", true)]
    [InlineData("""{ $.errorCode = "AccessDenied*" }""", false)]
    [InlineData("""{ $.eventName != "ConsoleLogin" }""", false)]
    [InlineData("""{ $.missing != "x" }""", false)] // a field the event lacks matches no comparison
    [InlineData("""{ $.userIdentity.invokedBy NOT EXISTS }""", true)]
    [InlineData("""{ $.userIdentity NOT EXISTS }""", false)] // present as a parent of userIdentity.type
    [InlineData("""{ $.responseElements IS NULL }""", true)]
    [InlineData("""{ $.readOnly IS FALSE }""", true)]
    [InlineData("""{ $.readOnly IS TRUE }""", false)]
    [InlineData("""{ $.requestParameters.maxResults >= 50 }""", true)]
    [InlineData("""{ $.requestParameters.maxResults < 50 }""", false)]
    [InlineData("""{ ($.eventName = DeleteTrail) || ($.eventName = ConsoleLogin) }""", true)]
    [InlineData("""{ ($.eventName = ConsoleLogin) && ($.userIdentity.type = "Root") }""", false)]
    [InlineData("""{ $.eventName = DeleteTrail || $.eventName = ConsoleLogin && $.userIdentity.type = "IAMUser" }""", true)]
    [InlineData("""{ (($.eventName = DeleteTrail) || ($.eventName = StopLogging)) && $.userIdentity.type = "IAMUser" }""", false)]
    public void Evaluates_terms_wildcards_and_connectives(string pattern, bool matches)
    {
        var parsed = FilterPattern.Parse(pattern);

        Assert.NotNull(parsed);
        Assert.Equal(matches, parsed.Matches(Event));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ConsoleLogin")] // a text term
    [InlineData("[ip, user, status_code = 404]")] // space-delimited
    [InlineData("""{ $.eventName = %Console.*% }""")] // a regular expression
    [InlineData("""{ $.resources[0].ARN = "arn:aws:s3:::x" }""")] // array selector
    [InlineData("""{ $.eventName = ConsoleLogin""")] // unbalanced
    [InlineData("""{ $.eventName = "ConsoleLogin }""")] // unterminated string
    [InlineData("""{ ($.eventName = ConsoleLogin) | ($.eventName = DeleteTrail) }""")]
    [InlineData("""{ $.eventName EXISTS }""")]
    public void Unknown_syntax_is_not_understood(string pattern) => Assert.Null(FilterPattern.Parse(pattern));

    [Fact]
    public void Every_published_cis_pattern_parses()
    {
        Assert.All(MonitoringFixtures.CisPatterns.Values, p => Assert.NotNull(FilterPattern.Parse(p)));
    }
}
