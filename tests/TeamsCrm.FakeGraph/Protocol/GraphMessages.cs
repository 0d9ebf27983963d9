using System.Text.Json.Nodes;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>
/// One Graph call, however it arrived (an HTTP request or one step of a $batch), so both paths share one dispatcher.
/// </summary>
/// <param name="Path">The path below /v1.0, with segments already unescaped, e.g. ["sites", "s1", "lists"].</param>
/// <param name="BaseUrl">The service root as the caller sees it (…/v1.0), for building @odata.nextLink.</param>
public sealed record GraphRequest(
    string Method,
    IReadOnlyList<string> Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    string BaseUrl,
    bool InBatch = false)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>Graph accepts most system query options with or without the $ (expand=fields and $expand=fields).</summary>
    public string? Option(string name) =>
        Query.TryGetValue("$" + name, out var v) ? v : Query.TryGetValue(name, out v) ? v : null;

    public string PathText => "/" + string.Join('/', Path);

    public static IReadOnlyDictionary<string, string> CaseInsensitive(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in pairs) map[k] = map.TryGetValue(k, out var old) ? old + "," + v : v;
        return map;
    }
}

/// <summary>What a Graph call answers: status, headers and a JSON body (none for 204).</summary>
public sealed class GraphResponse(int status, JsonNode? body = null)
{
    public int Status { get; } = status;
    public JsonNode? Body { get; } = body;
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSuccess => Status is >= 200 and < 300;

    public static GraphResponse Ok(JsonNode body) => new(200, body);
    public static GraphResponse Created(JsonNode body) => new(201, body);
    public static GraphResponse NoContent() => new(204);
}
