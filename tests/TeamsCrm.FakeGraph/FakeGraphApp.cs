using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph;

/// <summary>
/// The web app behind the fake: Graph under /v1.0, what the SharePoint host serves (upload session URLs under
/// /_api/v2.0, download URLs under /_layouts/15), a few control endpoints under /_fake (for a fake running as its
/// own process, where tests cannot reach the objects), and a one-line banner at /.
/// </summary>
public static class FakeGraphApp
{
    internal static (WebApplication App, GraphContext Graph) Build(string[] args, FakeGraphOptions options, bool quiet)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (quiet) builder.Logging.ClearProviders();
        var app = builder.Build();
        var graph = new GraphContext(options);

        app.Map("/v1.0", v1 => v1.Run(http => HttpBridge.HandleAsync(http, graph)));
        app.Map("/_api/v2.0", host => host.Run(http => HttpBridge.HandleSharePointHostAsync(http, graph)));
        app.Map("/_layouts/15", host => host.Run(http => HttpBridge.HandleSharePointHostAsync(http, graph)));
        app.Lifetime.ApplicationStopped.Register(graph.Dispose);   // stored files and upload fragments go with the server
        ControlEndpoints.Map(app, graph);
        app.MapGet("/", () => Results.Text($"TeamsCrm fake Graph: the service root is /v1.0. {graph.Counters}"));
        return (app, graph);
    }

    /// <summary>Standalone: <c>dotnet run --project tests/TeamsCrm.FakeGraph -- --urls http://127.0.0.1:5099</c>.</summary>
    public static async Task RunAsync(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine(args).AddEnvironmentVariables("FAKEGRAPH_").Build();
        var options = new FakeGraphOptions
        {
            Latency = TimeSpan.FromMilliseconds(config.GetValue("FakeGraph:LatencyMs", 0)),
            ListViewThreshold = config.GetValue("FakeGraph:ListViewThreshold", 5000),
            DefaultPageSize = config.GetValue("FakeGraph:DefaultPageSize", 200),
            ContentRoot = config.GetValue<string?>("FakeGraph:ContentRoot"),
            UploadSessionLifetime = TimeSpan.FromMinutes(config.GetValue("FakeGraph:UploadSessionMinutes", 15)),
        };
        var (app, _) = Build(args, options, quiet: false);
        await app.RunAsync();
    }
}
