using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Scheduling;

/// <summary>One reminder falling due: which, when, and for a channel reminder, whose settings.</summary>
public sealed record DueReminder(string ReminderId, ReminderKind Kind, DateTimeOffset Occurrence, ChannelReminders? Channel)
{
    public string Key => Occurrences.Key(ReminderId, Occurrence);
}

/// <summary>What one scan did. Waiting: occurrences held for someone's quiet time to end.</summary>
public sealed record ScanResult(int Sent, int Skipped, int Held, int Unfinished, int Waiting = 0);

/// <summary>
/// Finds the reminders due now and runs each occurrence once across every instance: it is claimed in the archive first
/// (<see cref="IReminderStore.TryClaimAsync"/>), fanned out by <see cref="ReminderFanOut"/> (which skips recipients
/// already recorded), then completed. An occurrence up to 12 hours old is still sent, late; on start, older ones back to
/// <see cref="ReminderOptions.LookBack"/> that nobody sent are recorded as skipped and logged once. A fan-out cut short
/// (crash, connector down) stays claimed until its lease runs out, and the next scan of any instance resumes it. A personal
/// reminder that waits for someone's quiet hours keeps its claim until their quiet time ends (up to
/// <see cref="Occurrences.HoldLimit"/>), then a scan resumes it the same way.
/// </summary>
public sealed partial class ReminderScheduler(ICrmArchive archive, ReminderFanOut fanOut, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<ReminderScheduler> log)
{
    /// <summary>Recorded by the first scan an archive ever sees.</summary>
    const string FirstScanKey = "scheduler|first-scan";

    /// <summary>This process's name in claims.</summary>
    public string Instance { get; init; } = Environment.MachineName + "/" + Guid.NewGuid().ToString("N")[..8];

    public const int MaxRemembered = 50_000;

    /// <summary>
    /// Occurrences known done: no need to ask the archive again (the window is scanned every minute). A channel's occurrence
    /// leaves the scanned window 12 hours after it fell due, a personal one after the hold limit, so they are remembered a
    /// little longer than that; 50,000 is a thousand channels' reminders over the window several times over (a forgotten one
    /// costs one archive read, never a send).
    /// </summary>
    readonly BoundedCache<string, bool> _done = new(MaxRemembered, Occurrences.HoldLimit + TimeSpan.FromHours(1), clock, StringComparer.Ordinal);
    DateTimeOffset? _lastScan;

    public async Task<ScanResult> ScanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = _lastScan is null ? now - options.Value.LookBack : now - Occurrences.CatchUp;
        // A new archive has missed nothing: the first scan it ever sees does not look back for the personal reminders.
        // Personal ones are looked at back to the hold limit: one waiting for someone's quiet time is resumed from there.
        var held = now - (options.Value.LookBack > Occurrences.HoldLimit ? options.Value.LookBack : Occurrences.HoldLimit);
        var personalFrom = _lastScan is null && await archive.Reminders.TrySkipAsync(FirstScanKey, now, ct) ? now
            : _lastScan is null ? held : now - Occurrences.HoldLimit;
        _lastScan = now;
        var due = new List<DueReminder>();
        foreach (var channel in await archive.Reminders.ActiveChannelsAsync(ct))
        {
            var zone = LocalCalendar.FindZone(channel.ZoneId) ?? TimeZoneInfo.Utc;
            // Occurrences from before the settings were saved were never missed (nothing to log as skipped); only those
            // within the catch-up window before a save are still sent, so an edit near the time loses nothing.
            var since = channel.ConfiguredAt - Occurrences.CatchUp;
            foreach (var timing in channel.Timings.Where(t => t.Enabled && t.IsValid && !ReminderKinds.IsPersonal(t.Kind)))
                foreach (var at in Occurrences.Between(timing, zone, from > since ? from : since, now))
                    due.Add(new DueReminder(ChannelReminders.ReminderId(channel.ChannelId, timing.Kind), timing.Kind, at, channel));
        }
        var personalZone = LocalCalendar.FindZone(options.Value.TimeZone) ?? TimeZoneInfo.Utc;
        foreach (var timing in options.Value.PersonalTimings().Where(t => t.Enabled))
            foreach (var at in Occurrences.Between(timing, personalZone, personalFrom, now))
                due.Add(new DueReminder("personal|" + timing.Kind, timing.Kind, at, null));

        int sent = 0, skipped = 0, claimed = 0, unfinished = 0, waiting = 0;
        await Parallel.ForEachAsync(due.Where(d => !_done.TryGetValue(d.Key, out _)),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = ct }, async (reminder, token) =>
            {
                switch (await RunAsync(reminder, now, token))
                {
                    case Outcome.Sent: Interlocked.Increment(ref sent); break;
                    case Outcome.Skipped: Interlocked.Increment(ref skipped); break;
                    case Outcome.Held: Interlocked.Increment(ref claimed); break;
                    case Outcome.Waiting: Interlocked.Increment(ref waiting); break;
                    case Outcome.Unfinished: Interlocked.Increment(ref unfinished); break;
                }
            });
        sent += await SnoozedAsync(now, ct);
        return new ScanResult(sent, skipped, claimed, unfinished, waiting);
    }

    /// <summary>
    /// The snoozed reminders whose time has come, each sent once across instances: claimed, sent, then ended and completed.
    /// One that fails stays (its claim runs out and the next scan tries again); a snooze pressed again meanwhile is its own.
    /// </summary>
    async Task<int> SnoozedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var sent = 0;
        foreach (var snooze in await archive.Reminders.SnoozesDueAsync(now, ct))
        {
            try
            {
                var claim = await archive.Reminders.TryClaimAsync(snooze.ClaimKey, Instance, now, options.Value.Lease, ct);
                if (claim == ClaimResult.Held) continue;
                if (claim == ClaimResult.Claimed)
                {
                    if (!await fanOut.SendSnoozedAsync(snooze, ct)) continue;
                    await archive.Reminders.CompleteAsync(snooze.ClaimKey, clock.GetUtcNow(), ct);
                    sent++;
                }
                await archive.Reminders.EndSnoozeAsync(snooze, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e, snooze.ClaimKey);
            }
        }
        return sent;
    }

    enum Outcome { Sent, Skipped, Held, Done, Unfinished, Waiting }

    async Task<Outcome> RunAsync(DueReminder reminder, DateTimeOffset now, CancellationToken ct)
    {
        var key = reminder.Key;
        var store = archive.Reminders;
        if (!Occurrences.IsDue(reminder.Occurrence, now))
        {
            if (await store.TrySkipAsync(key, now, ct))
            {
                _done.Set(key, true);
                LogSkipped(log, key, now - reminder.Occurrence);
                return Outcome.Skipped;
            }
            // Claimed before: done, or a personal one waiting for someone's quiet time (resumed below once its claim is free).
            if (reminder.Channel is not null || now - reminder.Occurrence >= Occurrences.HoldLimit)
            {
                _done.Set(key, true);
                return Outcome.Done;
            }
        }
        switch (await store.TryClaimAsync(key, Instance, now, options.Value.Lease, ct))
        {
            case ClaimResult.Done: _done.Set(key, true); return Outcome.Done;
            case ClaimResult.Held: return Outcome.Held;
        }
        // The claim is renewed while the fan-out runs, so a long one is not taken over; if it is lost anyway, this one stops.
        using var stopKeeping = new CancellationTokenSource();
        using var claimHeld = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var keeping = KeepClaimAsync(key, claimHeld, stopKeeping.Token);
        try
        {
            var result = await fanOut.RunAsync(reminder, claimHeld.Token);
            if (!result.Done) return Outcome.Unfinished;   // the claim's lease runs out; a later scan resumes it
            if (result.HeldUntil is { } until)
            {
                // Someone's quiet time: the claim is kept until it ends, then any instance's scan resumes the rest.
                await stopKeeping.CancelAsync();
                await keeping;
                await store.RenewAsync(key, Instance, until, ct);
                return Outcome.Waiting;
            }
            await store.CompleteAsync(key, clock.GetUtcNow(), ct);
            _done.Set(key, true);
            if (now - reminder.Occurrence > TimeSpan.FromMinutes(5)) LogLate(log, key, now - reminder.Occurrence);
            return Outcome.Sent;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Outcome.Held;   // the claim was taken over: the other instance goes on, skipping what was recorded
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, e, key);
            return Outcome.Unfinished;
        }
        finally
        {
            await stopKeeping.CancelAsync();
            await keeping;
        }
    }

    /// <summary>Renews the claim every third of its lease until stopped; cancels <paramref name="claimHeld"/> when it is lost.</summary>
    async Task KeepClaimAsync(string key, CancellationTokenSource claimHeld, CancellationToken stop)
    {
        var lease = options.Value.Lease;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, clock, stop);
                if (await archive.Reminders.RenewAsync(key, Instance, clock.GetUtcNow() + lease, stop)) continue;
                LogClaimLost(log, key);
                await claimHeld.CancelAsync();
                return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The fan-out is over.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRenewFailed(log, e, key);   // the archive failed: the lease may run out, and another instance resume the rest
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} skipped: {Age} late is past the 12-hour catch-up")]
    static partial void LogSkipped(ILogger logger, string key, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key}: the claim was taken over by another instance; this one stops its fan-out")]
    static partial void LogClaimLost(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key}: the claim could not be renewed")]
    static partial void LogRenewFailed(ILogger logger, Exception e, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Key} sent {Age} late")]
    static partial void LogLate(ILogger logger, string key, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Key} failed part way; it is resumed once its claim's lease runs out")]
    static partial void LogFailed(ILogger logger, Exception e, string key);
}
