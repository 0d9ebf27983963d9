using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>
/// The fake tenant (state, knobs, counters, logs) and the one path every Graph operation takes through it:
/// injected fault → handler → error mapping → counters and logs. HTTP requests, $batch steps and requests to the
/// fake SharePoint host (upload and download URLs) all come here.
/// </summary>
internal sealed class GraphContext(FakeGraphOptions options) : IDisposable
{
    public FakeGraphOptions Options { get; } = options;
    public GraphStore Store { get; } = new(options.Clock, new ContentStore(options.ContentRoot));
    public FaultInjector Faults { get; } = new();
    public RequestCounters Counters { get; } = new();
    public RequestLog<RecordedRequest> Requests { get; } = new(options.RequestLogCapacity);
    public RequestLog<QueryRecord> Queries { get; } = new(options.RequestLogCapacity);
    /// <summary>Signs the pre-authenticated download URLs this server hands out.</summary>
    public DownloadLinks Downloads { get; } = new(options.Clock, options.DownloadUrlLifetime);
    public TimeProvider Clock => Options.Clock;

    /// <summary>One HTTP round trip: the latency knob applies here, once, whatever the request holds.</summary>
    public async Task<GraphResponse> HandleHttpAsync(GraphRequest request, CancellationToken cancel, Router? router = null)
    {
        Counters.HttpCall();
        // On the options' clock: real time for benchmarks, a FakeTimeProvider's time in tests that want to see it.
        if (Options.Latency > TimeSpan.Zero) await Task.Delay(Options.Latency, Clock, cancel);
        return await HandleAsync(request, router);
    }

    /// <summary>Picks the handler for a request: Graph's paths below /v1.0 unless another router is given.</summary>
    public delegate (RouteKind Kind, Func<Task<GraphResponse>> Handle) Router(GraphRequest request, GraphContext graph);

    public async Task<GraphResponse> HandleAsync(GraphRequest request, Router? router = null)
    {
        var (kind, handle) = (router ?? GraphRouter.Match)(request, this);
        GraphResponse response;
        try
        {
            response = Faults.Take(kind) is { } fault ? fault.ToResponse(Clock) : await handle();
        }
        catch (GraphError e)
        {
            response = e.ToResponse(Clock);
        }
        catch (OperationCanceledException) when (request.Aborted.IsCancellationRequested)
        {
            // The client went away before the handler got going (e.g. while waiting for an upload session's gate):
            // the request still happened and is logged, as the cut-off body it is.
            response = GraphError.BadRequest("The client closed the connection before the request was read.").ToResponse(Clock);
        }
        Counters.Answered(kind, response.Status);
        Requests.Add(new RecordedRequest(Clock.GetUtcNow(), request.Method.ToUpperInvariant(), request.PathText,
            string.Join('&', request.Query.Select(q => q.Key + "=" + q.Value)), kind, response.Status, request.InBatch,
            request.Header("If-Match"), request.Header("Prefer"), request.Header("Retry-Attempt")));
        return response;
    }

    public FakeList RequireList(string siteId, string listIdOrName) =>
        Store.FindList(siteId, listIdOrName) ?? throw GraphError.NotFound($"List '{listIdOrName}' does not exist.");

    public FakeDrive RequireDrive(string driveId) =>
        Store.FindDrive(driveId) ?? throw GraphError.NotFound($"Drive '{driveId}' does not exist.");

    /// <summary>Removes the stored files and upload fragments (the whole directory when the fake made it).</summary>
    public void Dispose()
    {
        Store.Uploads.Clear();
        Store.Content.Dispose();
    }
}
