using System.Diagnostics.Metrics;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// One of .NET's own request-duration histograms, kept for the requests a filter picks. The measurements
/// are taken inside the process by ASP.NET Core or HttpClient, so they leave out the benchmark client's own
/// queueing. Both the bot and the fake connector report to the same meters: the filters tell them apart.
/// </summary>
public sealed class RecordedDurations : IDisposable
{
    public delegate bool TagFilter(ReadOnlySpan<KeyValuePair<string, object?>> tags);

    readonly MeterListener _listener = new();
    readonly TagFilter _accept;
    double[] _seconds = [];
    int _count;

    RecordedDurations(string meter, string instrument, TagFilter accept)
    {
        _accept = accept;
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == meter && published.Name == instrument) listener.EnableMeasurementEvents(published);
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>
    /// ASP.NET Core's http.server.request.duration for one route: from the request's start to its end inside the
    /// server. The fake connector maps no route, so it never matches.
    /// </summary>
    public static RecordedDurations ServerRequests(string route) =>
        new("Microsoft.AspNetCore.Hosting", "http.server.request.duration", tags => Tag(tags, "http.route") is string r && r == route);

    /// <summary>
    /// HttpClient's http.client.request.duration for calls to one port: with the connector's port, how long the bot
    /// waited for the connector to take its reply (the benchmark's own client talks to the bot's port).
    /// </summary>
    public static RecordedDurations ClientRequests(int port) =>
        new("System.Net.Http", "http.client.request.duration", tags => Tag(tags, "server.port") is int p && p == port);

    /// <summary>Forgets what was recorded and makes room for <paramref name="capacity"/> measurements.</summary>
    public void Reset(int capacity)
    {
        _seconds = new double[capacity];
        Volatile.Write(ref _count, 0);
    }

    int Count => Math.Min(Volatile.Read(ref _count), _seconds.Length);

    /// <summary>
    /// The measurements so far, in milliseconds, sorted. A request is recorded after its response is complete,
    /// so the last few may land just after the client has its answer: wait (briefly) for <paramref name="expected"/>.
    /// </summary>
    public async Task<double[]> TakeSortedAsync(int expected)
    {
        for (var waited = 0; Count < expected && waited < 2_000; waited += 10) await Task.Delay(10);
        return _seconds.Take(Count).Select(s => s * 1000).Order().ToArray();
    }

    void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (!_accept(tags)) return;
        var buffer = _seconds;
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < buffer.Length) buffer[i] = seconds;
    }

    static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
            if (tag.Key == name) return tag.Value;
        return null;
    }

    public void Dispose() => _listener.Dispose();
}
