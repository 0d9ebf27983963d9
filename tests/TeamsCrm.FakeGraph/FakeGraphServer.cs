using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph;

/// <summary>
/// The fake Graph service in-process on 127.0.0.1 with a free port. Point the Graph SDK at <see cref="BaseUrl"/>;
/// assert on <see cref="State"/>, <see cref="Counters"/>, <see cref="Requests"/> and <see cref="Queries"/>;
/// inject throttling and outages with <see cref="ThrottleNext"/>, <see cref="FailNext"/> and <see cref="StartStorm"/>.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly GraphContext _graph;

    FakeGraphServer(WebApplication app, GraphContext graph, string root)
    {
        (_app, _graph) = (app, graph);
        BaseUrl = root.TrimEnd('/') + "/v1.0";
    }

    public static async Task<FakeGraphServer> StartAsync(FakeGraphOptions? options = null)
    {
        var (app, graph) = FakeGraphApp.Build(["--urls", "http://127.0.0.1:0"], options ?? new FakeGraphOptions(), quiet: true);
        await app.StartAsync();
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeGraphServer(app, graph, root);
    }

    /// <summary>The service root, e.g. http://127.0.0.1:41234/v1.0 (what graph.microsoft.com/v1.0 is to production).</summary>
    public string BaseUrl { get; }

    public FakeGraphOptions Options => _graph.Options;
    /// <summary>Sites, lists, columns, items, libraries and their files, and the user directory, for seeding and assertions.</summary>
    public GraphStore State => _graph.Store;
    public FakeDirectory Directory => _graph.Store.Directory;
    public RequestCounters Counters => _graph.Counters;
    public FaultInjector Faults => _graph.Faults;
    /// <summary>The most recent operations answered (top-level requests and $batch steps), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _graph.Requests.Entries;
    /// <summary>How each GET …/items was planned: the columns and index it used, served or refused.</summary>
    public IReadOnlyList<QueryRecord> Queries => _graph.Queries.Entries;

    /// <summary>Completes once <paramref name="times"/> answered operations match (see <see cref="RequestLog{T}.WhenLoggedAsync"/>).</summary>
    public Task WhenRequestedAsync(Func<RecordedRequest, bool> match, int times = 1) => _graph.Requests.WhenLoggedAsync(match, times);

    /// <summary>Delay added to every HTTP round trip; may be changed between calls.</summary>
    public TimeSpan Latency { get => Options.Latency; set => Options.Latency = value; }

    /// <inheritdoc cref="FaultInjector.ThrottleNext"/>
    public void ThrottleNext(int count, int retryAfterSeconds = 1, RouteKind? only = null) => Faults.ThrottleNext(count, retryAfterSeconds, only);

    /// <inheritdoc cref="FaultInjector.FailNext"/>
    public void FailNext(int status = 503, int count = 1, int? retryAfterSeconds = null, RouteKind? only = null) =>
        Faults.FailNext(status, count, retryAfterSeconds, only);

    /// <inheritdoc cref="FaultInjector.StartStorm"/>
    public void StartStorm(int every, int retryAfterSeconds = 1) => Faults.StartStorm(every, retryAfterSeconds);

    public void StopStorm() => Faults.StopStorm();

    /// <summary>Zeroes the counters and empties the request and query logs (state and faults stay).</summary>
    public void ResetCounters()
    {
        _graph.Counters.Reset();
        _graph.Requests.Clear();
        _graph.Queries.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
