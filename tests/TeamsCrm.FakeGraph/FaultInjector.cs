using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph;

/// <summary>
/// Throttling and outages on demand. Faults hit Graph operations: top-level requests and each $batch step, never the
/// $batch envelope itself (Graph throttles the steps one by one and answers the envelope with 200); and requests to
/// the fake SharePoint host (upload and download URLs), which SharePoint throttles too.
/// </summary>
public sealed class FaultInjector
{
    sealed record Fault(int Status, int? RetryAfterSeconds, RouteKind? Only)
    {
        public int Remaining { get; set; }
    }

    readonly object _sync = new();
    readonly List<Fault> _pending = [];
    int _stormEvery, _stormRetryAfter;
    long _stormCount;

    /// <summary>The next <paramref name="count"/> operations (of <paramref name="only"/> kind, if given) answer 429 with Retry-After.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds = 1, RouteKind? only = null) =>
        Add(new Fault(429, retryAfterSeconds, only) { Remaining = count });

    /// <summary>The next <paramref name="count"/> operations answer <paramref name="status"/> (503 by default), with Retry-After when given.</summary>
    public void FailNext(int status = 503, int count = 1, int? retryAfterSeconds = null, RouteKind? only = null) =>
        Add(new Fault(status, retryAfterSeconds, only) { Remaining = count });

    /// <summary>Until <see cref="StopStorm"/>: every <paramref name="every"/>-th operation answers 429 with Retry-After.</summary>
    public void StartStorm(int every, int retryAfterSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        lock (_sync) (_stormEvery, _stormRetryAfter, _stormCount) = (every, retryAfterSeconds, 0);
    }

    public void StopStorm() { lock (_sync) _stormEvery = 0; }

    /// <summary>Drops pending faults and stops a storm.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _pending.Clear();
            _stormEvery = 0;
        }
    }

    void Add(Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1);
        lock (_sync) _pending.Add(fault);
    }

    /// <summary>The fault this operation meets, if any; pending faults go first, then the storm.</summary>
    internal GraphError? Take(RouteKind kind)
    {
        if (kind == RouteKind.Batch) return null;
        lock (_sync)
        {
            if (_pending.FirstOrDefault(f => f.Only is null || f.Only == kind) is { } fault)
            {
                if (--fault.Remaining == 0) _pending.Remove(fault);
                return Error(fault.Status, fault.RetryAfterSeconds);
            }
            if (_stormEvery > 0 && ++_stormCount % _stormEvery == 0) return Error(429, _stormRetryAfter);
            return null;
        }
    }

    static GraphError Error(int status, int? retryAfter) => status switch
    {
        429 => new GraphError(429, "activityLimitReached", "The request has been throttled", retryAfter),
        503 => new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.", retryAfter),
        504 => new GraphError(504, "gatewayTimeout", "The gateway did not receive a timely response.", retryAfter),
        _ => new GraphError(status, "generalException", $"An injected failure ({status}).", retryAfter),
    };
}
