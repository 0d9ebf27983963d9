using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>
/// The fake tenant (state, knobs, counters, logs) and the one path every Graph operation takes through it:
/// injected fault → handler → error mapping → counters and logs. HTTP requests and $batch steps both come here.
/// </summary>
internal sealed class GraphContext(FakeGraphOptions options)
{
    public FakeGraphOptions Options { get; } = options;
    public GraphStore Store { get; } = new(options.Clock);
    public FaultInjector Faults { get; } = new();
    public RequestCounters Counters { get; } = new();
    public RequestLog<RecordedRequest> Requests { get; } = new(options.RequestLogCapacity);
    public RequestLog<QueryRecord> Queries { get; } = new(options.RequestLogCapacity);
    public TimeProvider Clock => Options.Clock;

    /// <summary>One HTTP round trip: the latency knob applies here, once, whatever the request holds.</summary>
    public async Task<GraphResponse> HandleHttpAsync(GraphRequest request, CancellationToken cancel)
    {
        Counters.HttpCall();
        // On the options' clock: real time for benchmarks, a FakeTimeProvider's time in tests that want to see it.
        if (Options.Latency > TimeSpan.Zero) await Task.Delay(Options.Latency, Clock, cancel);
        return await HandleAsync(request);
    }

    public async Task<GraphResponse> HandleAsync(GraphRequest request)
    {
        var (kind, handle) = GraphRouter.Match(request, this);
        GraphResponse response;
        try
        {
            response = Faults.Take(kind) is { } fault ? fault.ToResponse(Clock) : await handle();
        }
        catch (GraphError e)
        {
            response = e.ToResponse(Clock);
        }
        Counters.Answered(kind, response.Status);
        Requests.Add(new RecordedRequest(Clock.GetUtcNow(), request.Method.ToUpperInvariant(), request.PathText,
            string.Join('&', request.Query.Select(q => q.Key + "=" + q.Value)), kind, response.Status, request.InBatch,
            request.Header("If-Match"), request.Header("Prefer"), request.Header("Retry-Attempt")));
        return response;
    }

    public FakeList RequireList(string siteId, string listIdOrName) =>
        Store.FindList(siteId, listIdOrName) ?? throw GraphError.NotFound($"List '{listIdOrName}' does not exist.");
}
