using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.BotFramework.Auth;

namespace TeamsCrm.TestSupport;

/// <summary>
/// The real bot (Program.Build: the same composition as production) on a loopback port, with a SQLite file
/// of its own, a fake connector, a fake clock and, when <c>authenticated</c>, a test token issuer.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    public const string AppId = "00000000-0000-4000-8000-00000000a99d";
    readonly WebApplication _app;
    readonly string _dbPath;

    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public FakeConnector Connector { get; }
    public TestIssuer? Issuer { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _app.Services;
    public ICrmArchive Archive => _app.Services.GetRequiredService<ICrmArchive>();
    public Uri ServiceUrl => Connector.ServiceUrl;

    TestBot(WebApplication app, string dbPath, Uri baseUrl, FakeConnector connector, TestIssuer? issuer, FakeTimeProvider clock)
    {
        (_app, _dbPath, BaseUrl, Connector, Issuer, Clock) = (app, dbPath, baseUrl, connector, issuer, clock);
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <param name="now">Where the fake clock starts (default: the real time); transcripts that show dates fix it.</param>
    public static async Task<TestBot> StartAsync(bool authenticated = false, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, DateTimeOffset? now = null)
    {
        var connector = await FakeConnector.StartAsync();
        var issuer = authenticated ? await TestIssuer.StartAsync() : null;
        var clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        var dbPath = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db");
        var config = new Dictionary<string, string?>
        {
            ["Archive:Sqlite:Path"] = dbPath,
            ["Bot:AppId"] = authenticated ? AppId : "",
            // With an app id, only the allowed tenants may talk to the bot: by default the bot's own (the demo tenant).
            ["Bot:TenantId"] = authenticated ? Demo.TenantId : "",
            ["Bot:OpenIdMetadataUrl"] = issuer?.MetadataUrl.ToString() ?? "http://127.0.0.1:1/unused",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests run the reminder scheduler's scans themselves, at the fake clock's times they choose.
            ["Reminders:RunScheduler"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;

        try
        {
            var app = TeamsCrm.Bot.Program.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory], builder =>
            {
                builder.Configuration.AddInMemoryCollection(config);
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<TimeProvider>(clock);
                if (authenticated) builder.Services.AddSingleton(new ConnectorCredential(new StaticCredential()));
                services?.Invoke(builder.Services);
            });
            var baseUrl = await Loopback.StartAsync(app);
            return new TestBot(app, dbPath, baseUrl, connector, issuer, clock);
        }
        catch
        {
            // A bot that fails to start (tests of start-up errors) must not leave its helpers listening.
            await connector.DisposeAsync();
            if (issuer is not null) await issuer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts an activity (or any raw body) to /api/messages, with a token when given.</summary>
    public async Task<TurnResult> PostAsync(JsonNode activity, string? token = null) => await PostRawAsync(activity.ToJsonString(), token);

    public async Task<TurnResult> PostRawAsync(string body, string? token = null)
    {
        Connector.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new TurnResult((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), Connector.Calls);
    }

    /// <summary>A valid connector token for an activity sent to this bot.</summary>
    public string TokenFor(Uri serviceUrl) => Issuer!.Token(AppId, serviceUrl.ToString(), now: Clock.GetUtcNow());

    public Task<TurnResult> Say(DemoPerson who, string text, string locale = "en-US") =>
        PostAsync(Activities.Message(ServiceUrl, who, text, locale));

    public Task<TurnResult> Press(DemoPerson who, string verb, JsonObject? data = null, string locale = "en-US") =>
        PostAsync(Activities.CardAction(ServiceUrl, who, verb, data, locale));

    /// <summary>Stops the bot the way its host does on SIGTERM (graceful shutdown), without disposing it.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        await Connector.DisposeAsync();
        if (Issuer is not null) await Issuer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_dbPath + suffix); } catch (IOException) { }
    }

    sealed class StaticCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-connector-token", DateTimeOffset.UtcNow.AddHours(1));
        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

/// <summary>What one POST to /api/messages produced: the HTTP answer and the connector calls made during it.</summary>
public sealed record TurnResult(int Status, JsonNode? Body, IReadOnlyList<ConnectorCall> Calls)
{
    public JsonObject? InvokeCard => Body?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" ? Body["value"] as JsonObject : null;
    public JsonObject SingleCard() => Calls.Single().Card ?? throw new InvalidOperationException("The single connector call carried no card.");
}
