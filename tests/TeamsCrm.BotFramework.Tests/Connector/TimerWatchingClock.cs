using Microsoft.Extensions.Time.Testing;

namespace TeamsCrm.BotFramework.Tests.Connector;

/// <summary>A fake clock that tells when someone starts waiting on it, so a test advances time only once the wait is set.</summary>
sealed class TimerWatchingClock : FakeTimeProvider
{
    readonly SemaphoreSlim _timersCreated = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Release();
        return timer;
    }

    /// <summary>Waits for the next timer; the timeout only keeps a broken test from hanging the run.</summary>
    public async Task WaitForTimerAsync()
    {
        if (!await _timersCreated.WaitAsync(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("Nobody started waiting on the clock.");
    }
}
