namespace TeamsCrm.Bot.Operations;

/// <summary>
/// The turns running now. A shutdown waits for them (<see cref="TurnDrain"/>) and readiness turns false as soon as
/// it starts, so the load balancer sends new work elsewhere while these finish: a turn cut in half could leave a
/// card that says "saved" for a visit that is not.
/// </summary>
public sealed class InFlightTurns
{
    readonly Lock _gate = new();
    int _count;
    TaskCompletionSource? _idle;

    public int Count { get { lock (_gate) return _count; } }

    public IDisposable Enter()
    {
        lock (_gate) _count++;
        BotTelemetry.TurnsActive.Add(1);
        return new Exit(this);
    }

    /// <summary>Completes when no turn is running (at once if none is).</summary>
    public Task WhenIdleAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_count == 0) return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(ct);
        }
    }

    void Leave()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_count == 0) (idle, _idle) = (_idle, null);
        }
        BotTelemetry.TurnsActive.Add(-1);
        idle?.TrySetResult();
    }

    sealed class Exit(InFlightTurns turns) : IDisposable
    {
        int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) turns.Leave();
        }
    }
}
