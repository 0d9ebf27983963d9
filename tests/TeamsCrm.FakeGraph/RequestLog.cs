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

/// <summary>A bounded, thread-safe log: the newest entries are kept. Tests can wait for an entry to be logged.</summary>
public sealed class RequestLog<T>(int capacity)
{
    readonly ConcurrentQueue<T> _entries = new();
    readonly List<Waiter> _waiters = [];

    sealed record Waiter(Func<T, bool> Match, TaskCompletionSource Done)
    {
        public int Left;
    }

    public IReadOnlyList<T> Entries => [.. _entries];

    /// <summary>
    /// Completes once <paramref name="times"/> entries matching <paramref name="match"/> have been logged (those logged
    /// already count): a test waits for the fake to have seen a request instead of sleeping.
    /// </summary>
    public Task WhenLoggedAsync(Func<T, bool> match, int times = 1)
    {
        var waiter = new Waiter(match, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)) { Left = times };
        lock (_waiters)
        {
            waiter.Left -= _entries.Count(match);
            if (waiter.Left <= 0) return Task.CompletedTask;
            _waiters.Add(waiter);
        }
        return waiter.Done.Task;
    }

    internal void Add(T entry)
    {
        lock (_waiters)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(w => w.Match(entry) && --w.Left == 0).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
        while (_entries.Count > capacity && _entries.TryDequeue(out _)) { }
    }

    public void Clear() => _entries.Clear();
}
