using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>Turns an ASP.NET request into a <see cref="GraphRequest"/> and writes the answer back.</summary>
internal static class HttpBridge
{
    const string JsonContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
    /// <summary>A refused upload's body is read to its end (so the client sees the answer, not a reset) up to this size.</summary>
    const long DrainLimit = 64L * 1024 * 1024;

    static readonly JsonSerializerOptions Writing = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Graph below /v1.0.</summary>
    public static Task HandleAsync(HttpContext http, GraphContext graph) => HandleAsync(http, graph, host: false);

    /// <summary>The fake SharePoint host: upload session URLs and download URLs (bodies are bytes, never JSON).</summary>
    public static Task HandleSharePointHostAsync(HttpContext http, GraphContext graph) => HandleAsync(http, graph, host: true);

    static async Task HandleAsync(HttpContext http, GraphContext graph, bool host)
    {
        GraphResponse response;
        GraphRequest? request = null;
        try
        {
            request = await ReadAsync(http, host);
            response = await graph.HandleHttpAsync(request, http.RequestAborted, host ? SharePointHost.Match : null);
        }
        catch (GraphError e)   // an unreadable body: refused before it becomes a Graph operation
        {
            response = e.ToResponse(graph.Clock);
        }
        if (request?.Content is not null) await DrainAsync(http);
        await WriteAsync(http, response);
    }

    static async Task<GraphRequest> ReadAsync(HttpContext http, bool host)
    {
        // The raw target keeps escaped slashes: the SDK sends Sites["host:/sites/crm:"] as one escaped segment.
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "";
        var q = raw.IndexOf('?');
        var segments = (q < 0 ? raw : raw[..q]).Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(host ? 0 : 1).Select(Uri.UnescapeDataString).ToList();
        var query = http.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()));
        var headers = http.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()));
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}/v1.0";
        // File bytes stream through to disk: PUT …/content and everything sent to the SharePoint host.
        var bytes = host || (HttpMethods.IsPut(http.Request.Method) && segments is [.., "content"]);
        if (bytes && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;   // the handlers enforce Graph's limits (250 MB, < 60 MiB a fragment)
        return new GraphRequest(http.Request.Method, segments, GraphRequest.CaseInsensitive(query), GraphRequest.CaseInsensitive(headers),
            bytes ? null : await BodyAsync(http.Request), baseUrl)
        {
            Content = bytes ? http.Request.Body : null,
            Aborted = http.RequestAborted,
        };
    }

    static async Task<JsonNode?> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."); }
    }

    /// <summary>What an upload left unread (a fault injected before it, a refusal) is discarded, in small buffers.</summary>
    static async Task DrainAsync(HttpContext http)
    {
        if (http.Request.ContentLength is > DrainLimit) return;   // too big to wait for: Kestrel closes the connection instead
        try { await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted); }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException) { }
    }

    static async Task WriteAsync(HttpContext http, GraphResponse response)
    {
        http.Response.StatusCode = response.Status;
        http.Response.Headers["request-id"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        if (response.File is { } file)
        {
            await SendAsync(http, file);
            return;
        }
        if (response.Body is null) return;
        http.Response.ContentType = JsonContentType;
        await http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(response.Body, Writing), http.RequestAborted);
    }

    /// <summary>Streams a range of a stored file through a small pooled buffer.</summary>
    static async Task SendAsync(HttpContext http, FileSlice file)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        await using var stream = file.Stream;
        try
        {
            http.Response.ContentType = file.ContentType;
            http.Response.ContentLength = file.Length;
            stream.Position = file.Offset;
            for (var left = file.Length; left > 0;)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), http.RequestAborted);
                if (read == 0) break;
                await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), http.RequestAborted);
                left -= read;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }   // the client stopped reading
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
