using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TeamsCrm.TestSupport;

/// <summary>
/// A Bot Connector on loopback that records every call (method, path, body, Authorization header) and answers
/// like the real one: 201 {id} for sends and replies, 200 for updates and members. Tests can queue failures.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<ConnectorCall> _calls = new();
    readonly ConcurrentQueue<Func<HttpContext, Task<bool>>> _failures = new();
    /// <summary>Calls answered with an error until <see cref="Heal"/>: (method, path fragment, status).</summary>
    volatile (string Method, string PathContains, int Status)[] _down = [];
    int _nextId;

    public Uri ServiceUrl { get; private set; } = null!;
    public IReadOnlyList<ConnectorCall> Calls => _calls.ToList();
    /// <summary>
    /// False: calls are recorded without their body (it is read and dropped, not parsed), so a load test
    /// making tens of thousands of calls keeps memory flat and spends no CPU on JSON it never looks at.
    /// </summary>
    public bool KeepBodies { get; set; } = true;
    /// <summary>When set, sends over Teams' rate limits are answered 429 with Retry-After (and counted in <see cref="Throttled"/>).</summary>
    public TeamsRateLimits? Limits { get; set; }
    public int Throttled => _throttled;
    int _throttled;
    /// <summary>Channels answered by GET /v3/teams/{id}/conversations ({id, name} each).</summary>
    public List<JsonObject> Channels { get; } = [];
    /// <summary>Members answered by /pagedmembers, two per page.</summary>
    public List<JsonObject> Members { get; } = [];
    readonly ConcurrentDictionary<string, (byte[] Content, string? Authorization)> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// Serves <paramref name="content"/> at <paramref name="path"/> (a file's download URL, a picture's content URL); with
    /// <paramref name="authorization"/>, only to a request carrying exactly that header (the bot's token), others get 401.
    /// </summary>
    public Uri Serve(string path, byte[] content, string? authorization = null)
    {
        _files[path] = (content, authorization);
        return new Uri(ServiceUrl, path.TrimStart('/'));
    }

    FakeConnector(WebApplication app) => _app = app;

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector(Loopback.CreateServer());
        fake._app.Run(fake.HandleAsync);
        fake.ServiceUrl = await Loopback.StartAsync(fake._app);
        return fake;
    }

    /// <summary>The next call gets this status and body instead of success (and is still recorded).</summary>
    public void FailNext(int status, string body = "", TimeSpan? retryAfter = null) => _failures.Enqueue(async ctx =>
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is { } wait) ctx.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ctx.Response.WriteAsync(body);
        return true;
    });

    /// <summary>
    /// The next call is recorded and then never answered, until its caller gives up; the task completes when it arrives
    /// (a test then knows the request is out, and can move its clock).
    /// </summary>
    public Task HangNext()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _failures.Enqueue(async ctx =>
        {
            arrived.TrySetResult();
            try { await Task.Delay(Timeout.Infinite, ctx.RequestAborted); } catch (OperationCanceledException) { }
            return true;
        });
        return arrived.Task;
    }

    /// <summary>
    /// Every call with this method whose path contains <paramref name="pathContains"/> gets <paramref name="status"/>
    /// (and is still recorded) until <see cref="Heal"/>: the connector down for one conversation, or for everything ("").
    /// </summary>
    public void FailWhere(string method, string pathContains, int status = 500) => _down = [.. _down, (method, pathContains, status)];

    /// <summary>Ends every <see cref="FailWhere"/>.</summary>
    public void Heal() => _down = [];

    public void Clear() => _calls.Clear();

    async Task HandleAsync(HttpContext ctx)
    {
        var path = Uri.UnescapeDataString(ctx.Request.Path.Value ?? "");
        if (ctx.Request.Method == "GET" && _files.TryGetValue(path, out var file))
        {
            _calls.Enqueue(new ConnectorCall("GET", path, ctx.Request.QueryString.Value ?? "", null, ctx.Request.Headers.Authorization.ToString()));
            if (file.Authorization is { } needed && ctx.Request.Headers.Authorization.ToString() != needed)
            {
                ctx.Response.StatusCode = 401;
                return;
            }
            ctx.Response.ContentType = "application/octet-stream";
            await ctx.Response.Body.WriteAsync(file.Content);
            return;
        }
        if (ctx.Request.Method == "GET" && !path.StartsWith("/v3/", StringComparison.Ordinal))
        {
            _calls.Enqueue(new ConnectorCall("GET", path, ctx.Request.QueryString.Value ?? "", null, ctx.Request.Headers.Authorization.ToString()));
            ctx.Response.StatusCode = 404;   // a download link nobody serves (expired)
            return;
        }
        JsonNode? body = null;
        long length = 0;
        if (KeepBodies && ctx.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != false)
        {
            var text = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        else
        {
            // Bytes (a file put to an upload URL): counted, not kept.
            var counter = new CountingStream();
            await ctx.Request.Body.CopyToAsync(counter);
            length = counter.Length;
        }
        // A throttled send is not recorded: Calls are what the connector accepted (or failed on purpose).
        if (Limits is not null && ctx.Request.Method is "POST" or "PUT" && path.StartsWith("/v3/conversations/", StringComparison.Ordinal)
            && Limits.TryAdmit(path.Split('/')[3]) is { } wait)
        {
            Interlocked.Increment(ref _throttled);
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ctx.Response.WriteAsync("{\"error\":{\"code\":\"TooManyRequests\"}}");
            return;
        }
        _calls.Enqueue(new ConnectorCall(ctx.Request.Method, path, ctx.Request.QueryString.Value ?? "", body, ctx.Request.Headers.Authorization.ToString(),
            length, ctx.Request.Headers.ContentRange.ToString()));
        foreach (var (method, fragment, status) in _down)
            if (ctx.Request.Method == method && path.Contains(fragment, StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = status;
                await ctx.Response.WriteAsync("{\"error\":{\"code\":\"ServiceError\",\"message\":\"failing on purpose\"}}");
                return;
            }
        if (_failures.TryDequeue(out var fail) && await fail(ctx)) return;

        if (path.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            var skip = int.TryParse(ctx.Request.Query["continuationToken"], out var s) ? s : 0;
            var page = new JsonObject { ["members"] = new JsonArray(Members.Skip(skip).Take(2).Select(m => (JsonNode)m.DeepClone()).ToArray()) };
            if (skip + 2 < Members.Count) page["continuationToken"] = (skip + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ctx.Response.WriteAsJsonAsync(page);
            return;
        }
        if (ctx.Request.Method == "GET" && path.StartsWith("/v3/teams/", StringComparison.Ordinal) && path.EndsWith("/conversations", StringComparison.Ordinal))
        {
            await ctx.Response.WriteAsJsonAsync(new JsonObject { ["conversations"] = new JsonArray(Channels.Select(c => (JsonNode)c.DeepClone()).ToArray()) });
            return;
        }
        if (ctx.Request.Method == "DELETE") { ctx.Response.StatusCode = 200; return; }
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ctx.Response.StatusCode = ctx.Request.Method == "PUT" ? 200 : 201;
        await ctx.Response.WriteAsJsonAsync(path == "/v3/conversations"
            ? new JsonObject { ["id"] = "a:created-" + id, ["activityId"] = id }
            : new JsonObject { ["id"] = "activity-" + id });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <param name="BodyLength">For a body that is not JSON (bytes put to an upload URL): how many bytes came.</param>
public sealed record ConnectorCall(string Method, string Path, string Query, JsonNode? Body, string Authorization, long BodyLength = 0,
    string ContentRange = "")
{
    public JsonObject? Card => Body?["attachments"]?[0]?["content"] as JsonObject;
}

/// <summary>A sink that only counts what is written to it.</summary>
sealed class CountingStream : Stream
{
    long _length;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => _length += count;
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        _length += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
