using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Compliance.Checker.Json;

/// <summary>
/// The one set of JSON options for every document the checker reads or writes: camelCase, indented, nulls omitted
/// (null means unknown, and so does a missing property), unknown properties rejected so a typo cannot pass unnoticed.
/// Reflection metadata is used on purpose: the source generator assigns every init-only property on construction,
/// which would turn an omitted list into null instead of keeping its empty default.
/// </summary>
public static class ComplianceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
