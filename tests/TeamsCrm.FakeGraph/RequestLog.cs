using System.Collections.Concurrent;

namespace TeamsCrm.FakeGraph;

/// <summary>One answered Graph operation, with the headers tests most often assert on.</summary>
public sealed record RecordedRequest(
    DateTimeOffset At, string Method, string Path, string Query, RouteKind Kind, int Status, bool InBatch,
    string? IfMatch, string? Prefer, string? RetryAttempt);

public enum QueryOutcome { Served, NotIndexed, OverThreshold }

/// <summary>
/// How one GET …/items was planned: which columns its filter used, which of them are indexed, which index drove it
/// (the first seekable "and" term on an indexed column), and whether it was served or refused.
/// </summary>
public sealed record QueryRecord(
    string SiteId, string List, string? Filter, string? OrderBy,
    IReadOnlyList<string> FilterColumns, IReadOnlyList<string> IndexedFilterColumns, IReadOnlyList<string> OrderByColumns,
    string? DrivingIndex, bool HonorNonIndexed, QueryOutcome Outcome, int Returned, int ListSize);

/// <summary>A bounded, thread-safe log: the newest entries are kept.</summary>
public sealed class RequestLog<T>(int capacity)
{
    readonly ConcurrentQueue<T> _entries = new();

    public IReadOnlyList<T> Entries => [.. _entries];

    internal void Add(T entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > capacity && _entries.TryDequeue(out _)) { }
    }

    public void Clear() => _entries.Clear();
}
