using System.Collections.Concurrent;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>
/// The connector redelivers an activity whose turn took too long (~15 s). The same activity id within
/// 10 minutes is processed once: a redelivery waits for the first run and gets its answer.
/// Per process: several instances need the archive's idempotency keys as well (the app writes with them).
/// </summary>
public sealed class ActivityDeduplicator(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    /// <summary>Expired entries are swept at most this often: a sweep walks every entry, so not on every call.</summary>
    static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    readonly ConcurrentDictionary<string, Entry> _seen = new(StringComparer.Ordinal);
    long _lastSweepTicks;

    sealed record Entry(Lazy<Task<object?>> Run, DateTimeOffset Expires);

    /// <summary>Runs <paramref name="turn"/> unless <paramref name="key"/> ran already; returns the answer and whether this was the first run.</summary>
    public async Task<(T? Result, bool FirstRun)> RunOnceAsync<T>(string? key, Func<Task<T?>> turn) where T : class
    {
        if (key is null) return (await turn(), true);
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last >= SweepEvery.Ticks && Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) == last)
            Sweep(now);

        var mine = new Entry(new Lazy<Task<object?>>(async () => await turn()), now + Window);
        var entry = _seen.AddOrUpdate(key, mine, (_, old) => old.Expires > now ? old : mine);
        try
        {
            var result = (T?)await entry.Run.Value;
            return (result, ReferenceEquals(entry, mine));
        }
        catch when (ReferenceEquals(entry, mine))
        {
            _seen.TryRemove(new KeyValuePair<string, Entry>(key, mine));   // a failed turn may be retried by redelivery
            throw;
        }
    }

    void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _seen)
            if (entry.Expires <= now) _seen.TryRemove(new KeyValuePair<string, Entry>(key, entry));
    }
}
