using TeamsCrm.Bot.Archive;

namespace TeamsCrm.Bot.Operations;

/// <summary>
/// Whether the bot may take turns: no shutdown has begun and the archive answers a read within 5 seconds (SQLite
/// opens, or Graph answers on the SharePoint site with our token). A good answer is kept 10 seconds, so frequent
/// probes cost the archive one read each 10 seconds at most.
/// </summary>
public sealed partial class ReadinessProbe(ICrmArchive archive, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ReadinessProbe> log)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    static readonly TimeSpan KeepReady = TimeSpan.FromSeconds(10);
    // No user has this id: the read goes all the way to the store and finds nothing.
    const string ProbeUserId = "00000000-0000-0000-0000-000000000000";
    long _readyUntilTicks;

    /// <returns>null when ready, else why not.</returns>
    public async Task<string?> WhyNotReadyAsync()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested) return "stopping";
        var now = clock.GetUtcNow().UtcTicks;
        if (now < Interlocked.Read(ref _readyUntilTicks)) return null;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        timeout.CancelAfter(Timeout);
        try
        {
            await archive.Conversations.FindUserAsync(ProbeUserId, timeout.Token);
            Interlocked.Exchange(ref _readyUntilTicks, now + KeepReady.Ticks);
            return null;
        }
        catch (Exception e)
        {
            LogNotReady(log, e);
            return e is OperationCanceledException ? "the archive did not answer in time" : "the archive is not reachable";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: the archive failed its probe")]
    static partial void LogNotReady(ILogger logger, Exception e);
}
