using System.Text.Json;

namespace Compliance.Checker.Tests.Live.Budgets;

/// <summary>Reading the members of a JSON-protocol request body, for the fakes that page by token.</summary>
internal static class JsonBody
{
    /// <summary>A string member of the request body, or null.</summary>
    public static string? Text(FakeRequest request, string name)
    {
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return null;
        }

        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>A number member of the request body, or null.</summary>
    public static int? Number(FakeRequest request, string name)
    {
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return null;
        }

        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
    }

    /// <summary>A JSON reply built from the request.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Reply(Func<FakeRequest, string> body) => r => FakeAws.Json(body(r))(r);
}
