using System.Diagnostics.CodeAnalysis;

namespace TeamsCrm.BotFramework.Caching;

/// <summary>
/// A thread-safe map that never outgrows <see cref="Capacity"/> entries and forgets each entry <see cref="MaxAge"/> after
/// it was written, on the given <see cref="TimeProvider"/>. Past the capacity, the entry written longest ago goes first.
/// Every memory a long-running instance keeps per user, conversation, customer or activity is one of these, so that no
/// amount of traffic grows the process without bound.
/// </summary>
/// <remarks>
/// Not Microsoft.Extensions.Caching.Memory: its clock is the obsolete ISystemClock rather than a TimeProvider, and with a
/// SizeLimit a full cache refuses new entries and compacts on a background thread, so which entries go (and when) is not
/// something a test can state. Here an insert over the capacity drops the oldest write at once, and age is judged on the
/// app's clock at every read. Entries are kept in write order, so the expired ones are always at the front.
/// </remarks>
public sealed class BoundedCache<TKey, TValue> where TKey : notnull
{
    readonly Lock _gate = new();
    readonly Dictionary<TKey, LinkedListNode<Entry>> _map;
    readonly LinkedList<Entry> _byWrite = new();   // oldest write first
    readonly TimeProvider _clock;

    record struct Entry(TKey Key, TValue Value, DateTimeOffset WrittenAt);

    public BoundedCache(int capacity, TimeSpan maxAge, TimeProvider clock, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        (Capacity, MaxAge, _clock) = (capacity, maxAge, clock);
        _map = new Dictionary<TKey, LinkedListNode<Entry>>(comparer);
    }

    public int Capacity { get; }
    public TimeSpan MaxAge { get; }

    /// <summary>Entries not yet expired.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                TrimLocked(_clock.GetUtcNow());
                return _map.Count;
            }
        }
    }

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_gate)
        {
            if (FindLocked(key, _clock.GetUtcNow()) is { } node)
            {
                value = node.Value.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public TValue? GetValueOrDefault(TKey key) => TryGetValue(key, out var value) ? value : default;

    /// <summary>Stores <paramref name="value"/> as the newest entry (its age starts now).</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_gate) WriteLocked(key, value, _clock.GetUtcNow());
    }

    /// <summary>
    /// Stores <paramref name="value"/>, or what <paramref name="merge"/> makes of the live entry and it. When the merge keeps
    /// the live entry (the same instance), nothing is written and its age goes on.
    /// </summary>
    public TValue AddOrUpdate(TKey key, TValue value, Func<TValue, TValue, TValue> merge)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (FindLocked(key, now) is { } node)
            {
                var merged = merge(node.Value.Value, value);
                if (ReferenceEquals(merged, node.Value.Value)) return merged;
                value = merged;
            }
            WriteLocked(key, value, now);
            return value;
        }
    }

    /// <summary>The live entry for <paramref name="key"/>, or <paramref name="create"/>'s value stored as a new one.</summary>
    public (TValue Value, bool Added) GetOrAdd(TKey key, Func<TValue> create)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (FindLocked(key, now) is { } node) return (node.Value.Value, false);
            var value = create();
            WriteLocked(key, value, now);
            return (value, true);
        }
    }

    public bool Remove(TKey key)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node)) return false;
            RemoveLocked(node);
            return true;
        }
    }

    /// <summary>Removes the entry only while it still holds <paramref name="expected"/> (someone may have replaced it).</summary>
    public bool Remove(TKey key, TValue expected)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node) || !EqualityComparer<TValue>.Default.Equals(node.Value.Value, expected)) return false;
            RemoveLocked(node);
            return true;
        }
    }

    /// <summary>Forgets everything (what it holds is known to be out of date).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _map.Clear();
            _byWrite.Clear();
        }
    }

    LinkedListNode<Entry>? FindLocked(TKey key, DateTimeOffset now)
    {
        if (!_map.TryGetValue(key, out var node)) return null;
        if (now - node.Value.WrittenAt < MaxAge) return node;
        RemoveLocked(node);
        return null;
    }

    void WriteLocked(TKey key, TValue value, DateTimeOffset now)
    {
        if (_map.Remove(key, out var old)) _byWrite.Remove(old);
        _map[key] = _byWrite.AddLast(new Entry(key, value, now));
        TrimLocked(now);
    }

    /// <summary>Drops what has expired, then the oldest writes beyond the capacity; both sit at the front.</summary>
    void TrimLocked(DateTimeOffset now)
    {
        while (_byWrite.First is { } oldest && (_map.Count > Capacity || now - oldest.Value.WrittenAt >= MaxAge))
            RemoveLocked(oldest);
    }

    void RemoveLocked(LinkedListNode<Entry> node)
    {
        _byWrite.Remove(node);
        _map.Remove(node.Value.Key);
    }
}
