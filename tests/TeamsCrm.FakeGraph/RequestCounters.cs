namespace TeamsCrm.FakeGraph;

/// <summary>Thread-safe tallies of what the fake answered. A $batch counts once as an HTTP call and once per step.</summary>
public sealed class RequestCounters
{
    readonly long[] _byKind = new long[Enum.GetValues<RouteKind>().Length];
    long _total, _httpCalls, _throttled, _failed, _resourceUnits;

    /// <summary>Graph operations answered: top-level requests plus every $batch step (the envelope too).</summary>
    public long Total => Interlocked.Read(ref _total);
    /// <summary>HTTP round trips received (a $batch with 20 steps is one).</summary>
    public long HttpCalls => Interlocked.Read(ref _httpCalls);
    /// <summary>429 answers: injected throttling and queries refused for the list view threshold.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);
    /// <summary>Injected 5xx answers.</summary>
    public long Failed => Interlocked.Read(ref _failed);
    /// <summary>SharePoint resource units spent by answered operations (see <see cref="RouteKinds.ResourceUnits"/>).</summary>
    public long ResourceUnits => Interlocked.Read(ref _resourceUnits);

    public long this[RouteKind kind] => Interlocked.Read(ref _byKind[(int)kind]);

    internal void HttpCall() => Interlocked.Increment(ref _httpCalls);

    internal void Answered(RouteKind kind, int status)
    {
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _byKind[(int)kind]);
        if (status == 429) Interlocked.Increment(ref _throttled);
        else if (status >= 500) Interlocked.Increment(ref _failed);
        if (status < 400) Interlocked.Add(ref _resourceUnits, kind.ResourceUnits());
    }

    public void Reset()
    {
        for (var i = 0; i < _byKind.Length; i++) Interlocked.Exchange(ref _byKind[i], 0);
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _httpCalls, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _failed, 0);
        Interlocked.Exchange(ref _resourceUnits, 0);
    }

    public override string ToString() =>
        $"{HttpCalls} HTTP calls, {Total} operations, {Throttled} throttled, {Failed} failed, {ResourceUnits} RU; " +
        string.Join(", ", Enum.GetValues<RouteKind>().Where(k => this[k] > 0).Select(k => $"{k} {this[k]}"));
}
