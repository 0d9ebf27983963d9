using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TeamsCrm.Bot.Operations;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Operations;

/// <summary>
/// With APPLICATIONINSIGHTS_CONNECTION_STRING set (the Bicep sets it), TeamsCrm's spans and metrics are exported to
/// Application Insights; without it nothing is. The ingestion endpoint is a fake on loopback named in the connection
/// string, so nothing leaves the machine.
/// Alone, after the parallel tests: the TeamsCrm and ASP.NET Core sources are process-wide, so other tests' turns would
/// fill the exporter's queue (2,048 spans) and this test's turn could be dropped from it.
/// </summary>
[Collection(nameof(AzureMonitorTests))]
public class AzureMonitorTests
{
    [Fact]
    public async Task With_a_connection_string_the_bot_starts_and_its_turn_spans_and_metrics_reach_Application_Insights()
    {
        await using var ingestion = await FakeIngestion.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        // Every span recorded: the distro's default sampler keeps a few traces a second, and this test is about the wiring.
        await using var app = Build(b => b.Services.ConfigureOpenTelemetryTracerProvider(t => t.SetSampler(new AlwaysOnSampler())),
            $"{TelemetryServices.AzureMonitorKey}=InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={ingestion.Url};LiveEndpoint={ingestion.Url}",
            "AzureMonitor:EnableLiveMetrics=false", "AzureMonitor:DisableOfflineStorage=true");
        using var http = new HttpClient { BaseAddress = await Loopback.StartAsync(app) };

        var turn = await http.PostAsync("api/messages", JsonContent.Create(Activities.Message(connector.ServiceUrl, Demo.LiNa, "help")));
        Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
        Assert.NotEmpty(connector.Calls);   // the help card went out: a whole turn ran with the exporter wired
        var sent = await ExportedAsync(app, ingestion, "\"turn Message\"");
        Assert.Contains("\"turn Message\"", sent, StringComparison.Ordinal);            // TeamsCrm's turn span
        Assert.Contains("\"teamscrm.turn.duration\"", sent, StringComparison.Ordinal);  // TeamsCrm's meter
    }

    /// <summary>What reached the ingestion endpoint once <paramref name="expected"/> has (or 10 s have passed): the turn's
    /// span ends after its reply is sent, possibly after the HTTP answer the test awaited.</summary>
    static async Task<string> ExportedAsync(WebApplication app, FakeIngestion ingestion, string expected)
    {
        var stop = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
            app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
            var sent = string.Join("\n", ingestion.Bodies);
            if (sent.Contains(expected, StringComparison.Ordinal) || DateTime.UtcNow > stop) return sent;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Without_a_connection_string_nothing_is_exported_to_Application_Insights()
    {
        await using (var none = Build()) Assert.Null(none.Services.GetService<TracerProvider>());

        IServiceCollection? registered = null;
        await using var otlpOnly = Build(b => registered = b.Services, "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:1");
        Assert.NotNull(otlpOnly.Services.GetService<TracerProvider>());
        var azureMonitor = typeof(Azure.Monitor.OpenTelemetry.AspNetCore.AzureMonitorOptions).Assembly;
        Assert.DoesNotContain(registered!, d => (d.ImplementationType ?? d.ServiceType).Assembly == azureMonitor
            || d.ServiceType.GenericTypeArguments.Any(t => t.Assembly == azureMonitor));
    }

    static WebApplication Build(params string[] settings) => Build(null, settings);

    /// <summary>
    /// The app built from command-line settings, as App Service's environment reaches it: the telemetry is wired while the
    /// services are registered, before a test's in-memory settings (<see cref="TestBot"/>'s) are added.
    /// </summary>
    static WebApplication Build(Action<WebApplicationBuilder>? customize, params string[] settings)
    {
        var db = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db");
        string[] local = ["--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory, $"--Archive:Sqlite:Path={db}",
            $"--Archive:Documents:Path={db}.documents", "--Reminders:RunScheduler=false", "--Approvals:RunFinisher=false",
            "--Approvals:RunDeadlines=false", "--Import:RunSweep=false", "--Logging:LogLevel:Default=Warning"];
        return TeamsCrm.Bot.Program.Build([.. local, .. settings.Select(s => "--" + s)], customize);
    }

    /// <summary>Application Insights' ingestion API on loopback: every POSTed body (gzipped or not), answered as accepted.</summary>
    sealed class FakeIngestion : IAsyncDisposable
    {
        readonly WebApplication _app = Loopback.CreateServer();
        readonly ConcurrentQueue<string> _bodies = new();
        public Uri Url { get; private set; } = null!;
        public IReadOnlyList<string> Bodies => [.. _bodies];

        public static async Task<FakeIngestion> StartAsync()
        {
            var fake = new FakeIngestion();
            fake._app.Run(fake.HandleAsync);
            fake.Url = await Loopback.StartAsync(fake._app);
            return fake;
        }

        async Task HandleAsync(HttpContext ctx)
        {
            var body = ctx.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(ctx.Request.Body, CompressionMode.Decompress) : ctx.Request.Body;
            using var reader = new StreamReader(body);
            var text = await reader.ReadToEndAsync();
            _bodies.Enqueue(text);
            var items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            await ctx.Response.WriteAsJsonAsync(new { itemsReceived = items, itemsAccepted = items, errors = Array.Empty<object>() });
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}

[CollectionDefinition(nameof(AzureMonitorTests), DisableParallelization = true)]
public sealed class AzureMonitorTestsCollection;
