using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// The ceiling the bot's `help` turn is measured against (issue 18): a bare ASP.NET Core handler in the same process, on the
/// same Kestrel defaults (loopback, port 0, HTTP/1.1, no logging), that reads each activity from POST /api/messages and
/// posts one small reply to the same fake connector — what any bot must do at the least, and nothing else.
/// </summary>
public sealed class BareHandler : IAsyncDisposable
{
    static readonly byte[] Reply = Encoding.UTF8.GetBytes("""{"type":"message","text":"help"}""");
    readonly WebApplication _app;
    readonly HttpClient _connector;

    BareHandler(WebApplication app, HttpClient connector, Uri baseUrl) => (_app, _connector, BaseUrl) = (app, connector, baseUrl);

    public Uri BaseUrl { get; }

    public static async Task<BareHandler> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        // The bot's own connector client pools connections the same way (SocketsHttpHandler, no lifetime limit in a run).
        var connector = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        app.MapPost("/api/messages", async (HttpRequest request, CancellationToken ct) =>
        {
            using var activity = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = activity.RootElement;
            var serviceUrl = root.GetProperty("serviceUrl").GetString()!;
            var conversation = Uri.EscapeDataString(root.GetProperty("conversation").GetProperty("id").GetString()!);
            var id = Uri.EscapeDataString(root.GetProperty("id").GetString()!);
            using var content = new ByteArrayContent(Reply);
            content.Headers.ContentType = new("application/json");
            using var sent = await connector.PostAsync($"{serviceUrl.TrimEnd('/')}/v3/conversations/{conversation}/activities/{id}", content, ct);
            return sent.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        return new BareHandler(app, connector, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _connector.Dispose();
    }
}
