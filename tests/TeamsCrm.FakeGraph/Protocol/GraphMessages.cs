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
    /// <summary>
    /// The raw body of an upload (PUT …/content, the upload URL), left unread so that it streams to disk; such
    /// requests have no <see cref="Body"/>. Null for JSON requests and $batch steps.
    /// </summary>
    public Stream? Content { get; init; }

    /// <summary>Fires when the client goes away (an upload cut short).</summary>
    public CancellationToken Aborted { get; init; }

    /// <summary>Where the fake's own host is as the caller sees it (the service root without /v1.0): upload and download URLs live there.</summary>
    public string HostRoot => BaseUrl.EndsWith("/v1.0", StringComparison.Ordinal) ? BaseUrl[..^5] : BaseUrl;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>Graph accepts most system query options with or without the $ (expand=fields and $expand=fields).</summary>
    public string? Option(string name) =>
        Query.TryGetValue("$" + name, out var v) ? v : Query.TryGetValue(name, out v) ? v : null;

    public string PathText => "/" + string.Join('/', Path);

    /// <summary>The same request with the next $skiptoken, as an absolute URL the SDK's PageIterator can follow.</summary>
    public string NextLink(string token)
    {
        var parts = Query.Where(q => !q.Key.TrimStart('$').Equals("skiptoken", StringComparison.OrdinalIgnoreCase))
            .Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value))
            .Append("$skiptoken=" + Uri.EscapeDataString(token));
        return $"{BaseUrl}/{string.Join('/', Path.Select(Uri.EscapeDataString))}?{string.Join('&', parts)}";
    }

    public static IReadOnlyDictionary<string, string> CaseInsensitive(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in pairs) map[k] = map.TryGetValue(k, out var old) ? old + "," + v : v;
        return map;
    }
}

/// <summary>What a Graph call answers: status, headers and a JSON body (none for 204), or bytes of a stored file.</summary>
public sealed class GraphResponse(int status, JsonNode? body = null)
{
    public int Status { get; } = status;
    public JsonNode? Body { get; } = body;
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>A download: the open file and the range of it to send (streamed, never loaded whole).</summary>
    public FileSlice? File { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public static GraphResponse Ok(JsonNode body) => new(200, body);
    public static GraphResponse Created(JsonNode body) => new(201, body);
    public static GraphResponse NoContent() => new(204);
}

/// <summary>Part of a stored file to send; the stream is opened by the handler (so a delete cannot race it) and closed after sending.</summary>
public sealed record FileSlice(Stream Stream, long Offset, long Length, string ContentType);
