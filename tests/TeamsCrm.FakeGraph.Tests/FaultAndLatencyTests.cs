using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class FaultAndLatencyTests
{
    [Fact]
    public async Task A_429_carries_Retry_After_and_the_SDK_retry_handler_waits_and_succeeds()
    {
        await using var bed = await GraphTestBed.StartAsync(withSdkHandlers: true);
        var list = await bed.CreateCustomersAsync();
        bed.Server.ResetCounters();
        bed.Server.ThrottleNext(2, retryAfterSeconds: 1);

        var item = await bed.CreateItemAsync(list, new() { ["Title"] = "Acme" });

        Assert.Equal("1", item.Id);
        var attempts = bed.Server.Requests.Where(r => r.Kind == RouteKind.CreateItem).ToList();
        Assert.Equal([429, 429, 201], attempts.Select(r => r.Status));
        Assert.Equal([null, "1", "2"], attempts.Select(r => r.RetryAttempt));   // the SDK numbers its retries
        Assert.Equal(2, bed.Server.Counters.Throttled);
        Assert.Single(bed.Server.State.List("Customers").Snapshot());          // throttled writes wrote nothing
    }

    [Fact]
    public async Task Without_a_retry_handler_the_429_reaches_the_caller_with_its_Retry_After()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Server.ThrottleNext(1, retryAfterSeconds: 7, only: RouteKind.QueryItems);

        await bed.CreateItemAsync(list, new() { ["Title"] = "Acme" });      // not a query: not throttled
        var error = await Assert.ThrowsAsync<ODataError>(() => bed.Items(list).GetAsync());
        var retried = await bed.Items(list).GetAsync();

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal("activityLimitReached", error.Error?.Code);
        var retryAfter = error.ResponseHeaders.First(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Equal(["7"], retryAfter);
        Assert.Single(retried!.Value!);
    }

    [Fact]
    public async Task FailNext_answers_503_and_then_the_service_recovers()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Server.FailNext(503);

        var error = await Assert.ThrowsAsync<ODataError>(() => bed.CreateItemAsync(list, new() { ["Title"] = "Acme" }));
        var item = await bed.CreateItemAsync(list, new() { ["Title"] = "Acme" });

        Assert.Equal(503, error.ResponseStatusCode);
        Assert.Equal("1", item.Id);
        Assert.Equal(1, bed.Server.Counters.Failed);
    }

    [Fact]
    public async Task A_storm_throttles_every_kth_operation_until_stopped()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Server.StartStorm(every: 3);

        var statuses = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            try { await bed.Items(list).GetAsync(); statuses.Add(200); }
            catch (ODataError e) { statuses.Add(e.ResponseStatusCode); }
        }
        bed.Server.StopStorm();
        for (var i = 0; i < 3; i++) await bed.Items(list).GetAsync();

        Assert.Equal([200, 200, 429, 200, 200, 429, 200, 200, 429], statuses);
        Assert.Equal(3, bed.Server.Counters.Throttled);
    }

    [Fact]
    public async Task Latency_holds_each_round_trip_until_that_much_time_has_passed()
    {
        var clock = new WaitWatchingClock(DateTimeOffset.UtcNow);
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { Clock = clock });
        var list = await bed.CreateCustomersAsync();
        bed.Server.Latency = TimeSpan.FromSeconds(30);
        var held = clock.NextWait(TimeSpan.FromSeconds(30));

        var pending = bed.Items(list).GetAsync();
        await held.WaitAsync(TimeSpan.FromSeconds(30));         // the fake holds the round trip on its clock…
        Assert.False(pending.IsCompleted);                      // …which has not moved
        clock.Advance(TimeSpan.FromSeconds(30));
        var page = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(page!.Value!);
        Assert.Equal(TimeSpan.FromSeconds(30), bed.Server.Options.Latency);
    }
}

/// <summary>A fake clock that tells when someone starts waiting a given time on it, so a test moves it only then.</summary>
sealed class WaitWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    readonly List<(TimeSpan Due, TaskCompletionSource Started)> _watched = [];

    /// <summary>Completes when the next timer of <paramref name="due"/> is created.</summary>
    public Task NextWait(TimeSpan due)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watched) _watched.Add((due, started));
        return started.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_watched)
            foreach (var w in _watched.Where(w => w.Due == dueTime).ToList())
            {
                _watched.Remove(w);
                w.Started.TrySetResult();
            }
        return timer;
    }
}
