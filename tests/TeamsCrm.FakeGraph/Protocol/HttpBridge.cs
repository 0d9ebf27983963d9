using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>Turns an ASP.NET request under /v1.0 into a <see cref="GraphRequest"/> and writes the answer back.</summary>
internal static class HttpBridge
{
    const string JsonContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    static readonly JsonSerializerOptions Writing = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task HandleAsync(HttpContext http, GraphContext graph)
    {
        GraphResponse response;
        try
        {
            response = await graph.HandleHttpAsync(await ReadAsync(http), http.RequestAborted);
        }
        catch (GraphError e)   // an unreadable body: refused before it becomes a Graph operation
        {
            response = e.ToResponse(graph.Clock);
        }
        await WriteAsync(http, response);
    }

    static async Task<GraphRequest> ReadAsync(HttpContext http)
    {
        // The raw target keeps escaped slashes: the SDK sends Sites["host:/sites/crm:"] as one escaped segment.
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "";
        var q = raw.IndexOf('?');
        var segments = (q < 0 ? raw : raw[..q]).Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Uri.UnescapeDataString).ToList();
        var query = http.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()));
        var headers = http.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()));
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}/v1.0";
        return new GraphRequest(http.Request.Method, segments, GraphRequest.CaseInsensitive(query), GraphRequest.CaseInsensitive(headers),
            await BodyAsync(http.Request), baseUrl);
    }

    static async Task<JsonNode?> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."); }
    }

    static async Task WriteAsync(HttpContext http, GraphResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.Headers["request-id"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        if (response.Body is null) return;
        http.Response.ContentType = JsonContentType;
        await http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(response.Body, Writing), http.RequestAborted);
    }
}
