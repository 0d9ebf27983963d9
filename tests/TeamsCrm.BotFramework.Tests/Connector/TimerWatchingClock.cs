using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace TeamsCrm.BotFramework.Tests.Connector;

/// <summary>A fake clock that tells when someone starts waiting on it, so a test advances time only once the wait is set.</summary>
sealed class TimerWatchingClock : FakeTimeProvider
{
    readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits until someone starts waiting <paramref name="due"/> on this clock; other timers (a call's deadline) are passed
    /// over. The 30-second limit only keeps a broken test from hanging the run.
    /// </summary>
    public async Task WaitForTimerAsync(TimeSpan due)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (await _created.Reader.ReadAsync(limit.Token) != due) { }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nobody started waiting {due} on the clock.");
        }
    }
}
