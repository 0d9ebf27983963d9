namespace TeamsCrm.Bot.Operations;

/// <summary>
/// On shutdown, waits for the turns still running before the services they use (archive, connector) are disposed,
/// up to HostOptions.ShutdownTimeout (Host:ShutdownTimeout, 30 s by default; App Service waits about as long
/// between SIGTERM and SIGKILL). Kestrel drains its requests too; this also covers work that outlives its request.
/// </summary>
public sealed partial class TurnDrain(InFlightTurns turns, ILogger<TurnDrain> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken ct)
    {
        if (turns.Count == 0) return;
        LogWaiting(log, turns.Count);
        try
        {
            await turns.WhenIdleAsync(ct);
        }
        catch (OperationCanceledException)
        {
            LogGaveUp(log, turns.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: waiting for {Count} turn(s) to finish")]
    static partial void LogWaiting(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timeout: {Count} turn(s) still running are cut off")]
    static partial void LogGaveUp(ILogger logger, int count);
}
