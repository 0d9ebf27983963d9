using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Features.Briefs;

/// <summary>
/// Sends each rep with visits planned today their brief at the time they chose (default 07:30) in their own zone, once a day
/// across every instance: the day's key is claimed in the reminder store, the card sent, the key completed. A send cut short
/// is tried again when the claim's lease has run out; a brief more than 12 hours late is not sent (the day has moved on).
/// </summary>
public sealed partial class BriefScheduler(ICrmArchive archive, IDirectory directory, BriefContent content, IChannelMessenger messenger,
    IOptions<BriefOptions> options, IOptions<ReminderOptions> reminders, TimeProvider clock, ILogger<BriefScheduler> log)
{
    public string Instance { get; init; } = Environment.MachineName + "/" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Days known done here: no archive read for them again (a day's key leaves the scanned window within 36 hours).</summary>
    readonly BoundedCache<string, bool> _done = new(50_000, TimeSpan.FromHours(36), clock, StringComparer.Ordinal);

    /// <summary>One scan: the briefs due now, sent. Returns how many were sent.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var utcDay = DateOnly.FromDateTime(now.UtcDateTime);
        // Today somewhere on earth is yesterday, today or tomorrow in UTC: the plans of those days' weeks.
        var plans = new Dictionary<string, List<VisitPlan>>(StringComparer.OrdinalIgnoreCase);
        foreach (var week in new[] { utcDay.AddDays(-1), utcDay, utcDay.AddDays(1) }.Select(IsoWeek.Of).Distinct())
            foreach (var plan in await archive.Visits.PlansOfWeekAsync(week, ct))
                if (plan.Items.Count > 0) (plans.TryGetValue(plan.RepAadObjectId, out var list) ? list : plans[plan.RepAadObjectId] = []).Add(plan);
        var sent = 0;
        foreach (var (rep, repPlans) in plans)
            if (await SendDueAsync(rep, repPlans, now, ct)) sent++;
        return sent;
    }

    async Task<bool> SendDueAsync(string rep, List<VisitPlan> plans, DateTimeOffset now, CancellationToken ct)
    {
        if (await archive.Conversations.FindUserAsync(rep, ct) is not { } user) return false;   // never talked to the bot: no chat to send to
        var zone = LocalCalendar.FindZone(user.TimeZone) ?? LocalCalendar.FindZone(reminders.Value.TimeZone) ?? TimeZoneInfo.Utc;
        var today = LocalCalendar.Today(now, zone);
        var key = $"brief|{rep.ToLowerInvariant()}|{VisitText.Date(today)}";
        // Whoever chose the daily digest finds today's visits there, with the brief one press away: no second morning card.
        if (_done.TryGetValue(key, out _) || user.Settings?.Digest == true || options.Value.TimeFor(user.Brief) is not { } at) return false;
        var due = LocalCalendar.ToInstant(today, at, zone);
        if (now < due || !plans.Any(p => p.Items.Any(i => i.Day == today))) return false;
        if (!Occurrences.IsDue(due, now))
        {
            _done.Set(key, true);
            return false;
        }
        switch (await archive.Reminders.TryClaimAsync(key, Instance, now, reminders.Value.Lease, ct))
        {
            case ClaimResult.Done: _done.Set(key, true); return false;
            case ClaimResult.Held: return false;
        }
        try
        {
            if (await directory.FindAsync(rep, ct) is { } me)
            {
                var (visits, planned) = await content.ForDayAsync(me, today, ct);
                var c = T.CultureFor(user.Locale ?? reminders.Value.Locale);
                if (planned > 0 && await messenger.SendCardAsync(user, BriefCards.Day(c, today, visits, planned, options.Value.PaymentTermDays), ct) is null)
                    LogUnreachable(log, key);   // blocked or removed: nothing to try again
            }
            await archive.Reminders.CompleteAsync(key, clock.GetUtcNow(), ct);
            _done.Set(key, true);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, e, key);   // the claim's lease runs out and a later scan, here or elsewhere, sends it
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Brief {Key}: the rep's 1:1 chat cannot be reached")]
    static partial void LogUnreachable(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Brief {Key} failed; it is tried again once its claim's lease runs out")]
    static partial void LogFailed(ILogger logger, Exception e, string key);
}
