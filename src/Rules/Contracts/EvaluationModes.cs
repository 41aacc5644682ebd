using System.Text.Json.Serialization;

namespace Compliance.Rules;

/// <summary>Where a rule can reach a verdict (the catalog's Eval column).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvaluationModes>))]
public enum EvaluationModes
{
    /// <summary>From a template and from the live account (CFN+Live).</summary>
    [JsonStringEnumMemberName("template+live")] TemplateAndLive,
    /// <summary>A template can show only presence or intent; the verdict needs the live account (CFN(p)+Live).</summary>
    [JsonStringEnumMemberName("template-presence+live")] TemplatePresenceAndLive,
    /// <summary>Live state only (Live).</summary>
    [JsonStringEnumMemberName("live")] LiveOnly,
}
