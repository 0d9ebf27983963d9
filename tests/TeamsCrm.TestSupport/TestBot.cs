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
    /// <summary>The bot's own bearer token on outbound connector calls when authentication is on.</summary>
    public const string ConnectorToken = "test-connector-token";
    static readonly AsyncLocal<bool> AuthenticatedByDefaultHere = new();
    readonly WebApplication _app;
    readonly string _dbPath;
    readonly List<string> _failuresWhenDone = [];
    readonly IDictionary<string, string?> _settings;
    readonly Action<IServiceCollection>? _services;
    /// <summary>
    /// Whether disposing this bot removes its database file and stops its connector and issuer: not once
    /// <see cref="RestartAsync"/> handed them on, nor for an instance started by <see cref="StartAnotherInstanceAsync"/>.
    /// </summary>
    bool _ownsShared = true;
    bool _disposed;

    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public FakeConnector Connector { get; }
    public TestIssuer? Issuer { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _app.Services;
    public ICrmArchive Archive => _app.Services.GetRequiredService<ICrmArchive>();
    public Uri ServiceUrl => Connector.ServiceUrl;

    TestBot(WebApplication app, string dbPath, Uri baseUrl, FakeConnector connector, TestIssuer? issuer, FakeTimeProvider clock,
        IDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        (_app, _dbPath, BaseUrl, Connector, Issuer, Clock, _settings, _services) = (app, dbPath, baseUrl, connector, issuer, clock, settings, services);
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Whether bots started here (in this async flow) without saying are authenticated: see <see cref="WithAuthenticationAsync"/>.</summary>
    public static bool AuthenticatedByDefault => AuthenticatedByDefaultHere.Value;

    /// <summary>
    /// Runs <paramref name="test"/> with every bot it starts authenticated unless it asks otherwise: real signed tokens on
    /// every inbound activity (<see cref="PostAsync"/> adds them), the bot's token on every outbound call. A test written
    /// for the local mode then runs unchanged with authentication on.
    /// </summary>
    public static async Task WithAuthenticationAsync(Func<Task> test)
    {
        var before = AuthenticatedByDefaultHere.Value;
        AuthenticatedByDefaultHere.Value = true;
        try { await test(); }
        finally { AuthenticatedByDefaultHere.Value = before; }
    }

    /// <param name="authenticated">An app id, a test token issuer and the bot's own credential; default: <see cref="AuthenticatedByDefault"/>.</param>
    /// <param name="now">Where the fake clock starts (default: the real time); transcripts that show dates fix it.</param>
    public static async Task<TestBot> StartAsync(bool? authenticated = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, DateTimeOffset? now = null) =>
        await StartAsync(await FakeConnector.StartAsync(), (authenticated ?? AuthenticatedByDefault) ? await TestIssuer.StartAsync() : null,
            Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db"), settings ?? new Dictionary<string, string?>(), services, now,
            ownsShared: true);

    /// <summary>
    /// Stops this bot and starts the app again on the same SQLite file with the same fake connector (stored conversations
    /// and card copies still lead to it) and issuer, as when its process is killed and started again: what it had not
    /// stored is lost, what it had is all there is. <paramref name="settings"/> go on top of this bot's (a changed
    /// directory, say); the clock starts at <paramref name="now"/>, else where this one stands. The new bot owns the file
    /// and the connector from then on; this one is disposed.
    /// </summary>
    public async Task<TestBot> RestartAsync(IDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        var merged = new Dictionary<string, string?>(_settings);
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) merged[k] = v;
        _ownsShared = false;
        await DisposeAsync();
        return await StartAsync(Connector, Issuer, _dbPath, merged, _services, now ?? Clock.GetUtcNow(), ownsShared: true);
    }

    /// <summary>
    /// A second instance of the app beside this one, as a scaled-out deployment runs it: the same SQLite file, fake
    /// connector and issuer, its own clock starting where this one stands. Disposing it leaves those to this bot.
    /// </summary>
    public Task<TestBot> StartAnotherInstanceAsync() => StartAsync(Connector, Issuer, _dbPath, _settings, _services, Clock.GetUtcNow(), ownsShared: false);

    static async Task<TestBot> StartAsync(FakeConnector connector, TestIssuer? issuer, string dbPath, IDictionary<string, string?> settings,
        Action<IServiceCollection>? services, DateTimeOffset? now, bool ownsShared)
    {
        var authenticated = issuer is not null;
        var clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        var config = new Dictionary<string, string?>
        {
            ["Archive:Sqlite:Path"] = dbPath,
            // The bot's own documents folder: the default ("documents" beside the database) would be shared by every test.
            ["Archive:Documents:Path"] = DocumentsPath(dbPath),
            ["Bot:AppId"] = authenticated ? AppId : "",
            // With an app id, only the allowed tenants may talk to the bot: by default the bot's own (the demo tenant).
            ["Bot:TenantId"] = authenticated ? Demo.TenantId : "",
            ["Bot:OpenIdMetadataUrl"] = issuer?.MetadataUrl.ToString() ?? "http://127.0.0.1:1/unused",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests run the reminder scheduler's scans themselves, at the fake clock's times they choose.
            ["Reminders:RunScheduler"] = "false",
            // …and the sweep of unfinished approval decisions (ApprovalDesk.FinishDueAsync).
            ["Approvals:RunFinisher"] = "false",
            ["Approvals:RunDeadlines"] = "false",
            // …and the sweep of imports cut short (ImportDesk.ResumeDueAsync); queued checks and applies still run.
            ["Import:RunSweep"] = "false",
        };
        foreach (var (k, v) in settings) config[k] = v;

        WebApplication? app = null;
        try
        {
            app = TeamsCrm.Bot.Program.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory], builder =>
            {
                builder.Configuration.AddInMemoryCollection(config);
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<TimeProvider>(clock);
                if (authenticated) builder.Services.AddSingleton(new ConnectorCredential(new StaticCredential()));
                services?.Invoke(builder.Services);
            });
            var baseUrl = await Loopback.StartAsync(app);
            return new TestBot(app, dbPath, baseUrl, connector, issuer, clock, settings, services) { _ownsShared = ownsShared };
        }
        catch when (!ownsShared)
        {
            if (app is not null) await app.DisposeAsync();
            throw;   // the helpers belong to the instance beside it
        }
        catch
        {
            // A bot that fails to start (tests of start-up errors) must not leave its helpers listening, nor its database.
            if (app is not null) await app.DisposeAsync();
            await connector.DisposeAsync();
            if (issuer is not null) await issuer.DisposeAsync();
            DeleteDatabase(dbPath);
            throw;
        }
    }

    /// <summary>
    /// Posts an activity to /api/messages as the Bot Connector does: with authentication on, it carries a valid token for
    /// its serviceUrl unless <paramref name="token"/> says otherwise (to send none, use <see cref="PostRawAsync"/>).
    /// </summary>
    public async Task<TurnResult> PostAsync(JsonNode activity, string? token = null) =>
        await PostRawAsync(activity.ToJsonString(), token ?? ConnectorTokenFor(activity));

    /// <summary>Posts any body to /api/messages with exactly this token (none when null).</summary>
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

    string? ConnectorTokenFor(JsonNode activity) =>
        Issuer is not null && activity is JsonObject o && o["serviceUrl"] is JsonValue v && v.TryGetValue(out string? url)
        && Uri.TryCreate(url, UriKind.Absolute, out var serviceUrl) ? TokenFor(serviceUrl) : null;

    public Task<TurnResult> Say(DemoPerson who, string text, string locale = "en-US") =>
        PostAsync(Activities.Message(ServiceUrl, who, text, locale));

    public Task<TurnResult> Press(DemoPerson who, string verb, JsonObject? data = null, string locale = "en-US") =>
        PostAsync(Activities.CardAction(ServiceUrl, who, verb, data, locale));

    /// <summary>
    /// A failure to report once the test has run to its end (when this bot is disposed, by its <c>await using</c>), for
    /// checks that must not stop the test at the first step (every transcript of a test rewritten under UPDATE_TRANSCRIPTS).
    /// </summary>
    public void FailWhenDone(string message)
    {
        lock (_failuresWhenDone) _failuresWhenDone.Add(message);
    }

    /// <summary>Stops the bot the way its host does on SIGTERM (graceful shutdown), without disposing it.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Http.Dispose();
        await _app.DisposeAsync();
        if (_ownsShared)
        {
            await Connector.DisposeAsync();
            if (Issuer is not null) await Issuer.DisposeAsync();
            DeleteDatabase(_dbPath);
        }
        lock (_failuresWhenDone)
            if (_failuresWhenDone.Count > 0) throw new InvalidOperationException(string.Join("\n", _failuresWhenDone));
    }

    /// <summary>The database with its WAL files, and the documents folder beside it.</summary>
    static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(path + suffix); } catch (IOException) { }
        try { if (Directory.Exists(DocumentsPath(path))) Directory.Delete(DocumentsPath(path), recursive: true); } catch (IOException) { }
    }

    /// <summary>Where this bot's SQLite archive keeps documents (Archive:Documents:Path).</summary>
    public string DocumentsFolder => DocumentsPath(_dbPath);

    /// <summary>This bot's SQLite archive (Archive:Sqlite:Path): the command line's verbs can work on it beside the bot.</summary>
    public string DatabasePath => _dbPath;

    static string DocumentsPath(string dbPath) => dbPath + "-documents";

    sealed class StaticCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(ConnectorToken, DateTimeOffset.UtcNow.AddHours(1));
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
