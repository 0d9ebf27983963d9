using Microsoft.Extensions.Time.Testing;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.BotFramework.Tests.Caching;

public class BoundedCacheTests
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    BoundedCache<string, int> Cache(int capacity = 3, int minutes = 10) => new(capacity, TimeSpan.FromMinutes(minutes), _clock);

    static List<string> Present(BoundedCache<string, int> cache, IEnumerable<string> keys) => [.. keys.Where(k => cache.TryGetValue(k, out _))];

    [Fact]
    public void Past_the_capacity_the_oldest_writes_go_first()
    {
        var cache = Cache(capacity: 3);
        foreach (var (key, i) in new[] { "a", "b", "c", "d", "e" }.Select((k, i) => (k, i))) cache.Set(key, i);

        Assert.Equal(3, cache.Count);
        Assert.Equal(["c", "d", "e"], Present(cache, ["a", "b", "c", "d", "e"]));
    }

    [Fact]
    public void Writing_an_entry_again_makes_it_the_newest()
    {
        var cache = Cache(capacity: 2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("a", 3);
        cache.Set("c", 4);

        Assert.Equal(["a", "c"], Present(cache, ["a", "b", "c"]));
        Assert.Equal(3, cache.GetValueOrDefault("a"));
    }

    [Fact]
    public void An_entry_is_gone_once_its_age_reaches_the_maximum_and_reading_it_does_not_renew_it()
    {
        var cache = Cache(minutes: 10);
        cache.Set("a", 1);
        _clock.Advance(TimeSpan.FromMinutes(6));
        cache.Set("b", 2);
        Assert.True(cache.TryGetValue("a", out _));

        _clock.Advance(TimeSpan.FromMinutes(4));   // a is 10 minutes old, b 4

        Assert.Equal(["b"], Present(cache, ["a", "b"]));
        Assert.Equal(1, cache.Count);
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Expired_entries_make_room_before_live_ones_are_pushed_out()
    {
        var cache = Cache(capacity: 2, minutes: 10);
        cache.Set("old", 1);
        _clock.Advance(TimeSpan.FromMinutes(5));
        cache.Set("live", 2);
        _clock.Advance(TimeSpan.FromMinutes(5));

        cache.Set("new", 3);

        Assert.Equal(["live", "new"], Present(cache, ["old", "live", "new"]));
    }

    [Fact]
    public void AddOrUpdate_keeps_what_the_merge_chooses_and_a_kept_entry_keeps_its_age()
    {
        var cache = new BoundedCache<string, string>(10, TimeSpan.FromMinutes(10), _clock);
        var first = "first";
        cache.AddOrUpdate("k", first, (live, offered) => offered);
        _clock.Advance(TimeSpan.FromMinutes(8));

        Assert.Same(first, cache.AddOrUpdate("k", "second", (live, offered) => live));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(cache.TryGetValue("k", out _));   // kept, not rewritten: it expired on its first write's age

        Assert.Equal("third", cache.AddOrUpdate("k", "third", (live, offered) => live));   // nothing live to merge with
    }

    [Fact]
    public void GetOrAdd_creates_only_when_nothing_live_is_there()
    {
        var cache = Cache();
        var made = 0;

        Assert.Equal((1, true), cache.GetOrAdd("k", () => ++made));
        Assert.Equal((1, false), cache.GetOrAdd("k", () => ++made));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((2, true), cache.GetOrAdd("k", () => ++made));
    }

    [Fact]
    public void Remove_with_an_expected_value_leaves_a_replacement_alone()
    {
        var cache = Cache();
        cache.Set("k", 1);
        cache.Set("k", 2);

        Assert.False(cache.Remove("k", 1));
        Assert.True(cache.TryGetValue("k", out _));
        Assert.True(cache.Remove("k", 2));
        Assert.False(cache.Remove("k"));
    }

    [Fact]
    public async Task Concurrent_writers_never_push_it_past_its_capacity()
    {
        var cache = Cache(capacity: 100);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++) cache.Set($"{t}:{i}", i);
        })));

        Assert.Equal(100, cache.Count);
    }

    [Fact]
    public void Bounds_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedCache<string, int>(0, TimeSpan.FromMinutes(1), _clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedCache<string, int>(1, TimeSpan.Zero, _clock));
    }
}
