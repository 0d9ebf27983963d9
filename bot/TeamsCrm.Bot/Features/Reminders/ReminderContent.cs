using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// What each reminder says, read from the archive at the time it falls due (the occurrence's local day in the
/// reminder's zone decides "this week" and "this month"): a channel card, or a card per person for the personal ones.
/// </summary>
public sealed class ReminderContent(ICrmArchive archive, ChannelReps channelReps, Audiences audiences, DueVisits dueVisits, IOptions<ReminderOptions> options)
{
    /// <summary>The card a channel gets for <paramref name="kind"/> at <paramref name="occurrence"/>.</summary>
    public async Task<JsonObject> ChannelCardAsync(ReminderKind kind, ChannelReminders settings, ConversationRef channel, DateTimeOffset occurrence,
        CancellationToken ct)
    {
        var c = T.CultureFor(settings.Locale);
        var zone = LocalCalendar.FindZone(settings.ZoneId) ?? TimeZoneInfo.Utc;
        var day = LocalCalendar.DateOf(occurrence, zone);
        var reps = await channelReps.OfAsync(settings, channel, ct);
        switch (kind)
        {
            case ReminderKind.WeeklyPlan:
            {
                var week = IsoWeek.Of(day);
                var committed = (await archive.Visits.PlansOfWeekAsync(week, ct)).Where(p => p.IsCommitted)
                    .Select(p => p.RepAadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                // Counts only, no names: the channel may hold people who may not read these files.
                var overdue = await dueVisits.OverdueKeyAccountsAsync([.. reps.Select(r => r.Person.AadObjectId)], day, zone, ct);
                return ReminderCards.WeeklyPlan(c, week, [.. reps.Select(r => (r.Mention, committed.Contains(r.Person.AadObjectId)))],
                    [.. reps.Select(r => (r.Person.Name, overdue.GetValueOrDefault(r.Person.AadObjectId)))]);
            }
            case ReminderKind.WeekEnd:
            {
                var week = IsoWeek.Of(day);
                var ids = reps.Select(r => r.Person.AadObjectId).ToList();
                var plans = (await archive.Visits.PlansOfWeekAsync(week, ct)).Where(p => p.IsCommitted).ToList();
                var visits = await archive.Visits.ForRepsAsync(ids, week.Monday, week.Sunday, ct);
                return ReminderCards.WeekEnd(c, week, [.. reps.Select(r => (r.Person.Name, WeekCounts.Of(week, r.Person.AadObjectId, plans, visits)))]);
            }
            case ReminderKind.MonthlyReport or ReminderKind.MonthlyReportAgain:
            {
                var month = YearMonth.Of(day.AddMonths(-1));   // on the 1st and the 4th: the month that has just ended
                var submitted = (await archive.Reports.ForMonthAsync(month, ct)).Select(r => r.RepAadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var due = month.First.AddMonths(1).AddDays(MarketReportRules.DueDay - 1);
                return ReminderCards.ReportDue(c, month, due, [.. reps.Where(r => !submitted.Contains(r.Person.AadObjectId)).Select(r => r.Mention)],
                    again: kind == ReminderKind.MonthlyReportAgain);
            }
            case ReminderKind.FileMeeting:
                return ReminderCards.FileMeeting(c, YearMonth.Of(day));
            case ReminderKind.FileReview:
            {
                var staleBefore = occurrence - TimeSpan.FromDays(options.Value.StaleDays);
                var byOwner = new List<(string, IReadOnlyList<string>)>();
                foreach (var (person, _) in reps)
                {
                    var stale = (await archive.Customers.ListByOwnerAsync(person.AadObjectId, ct))
                        .Where(f => f.Status == CustomerStatus.Active && Latest(f) < staleBefore)
                        .OrderBy(Latest).Select(f => $"{f.Number} {f.Name}").ToList();
                    if (stale.Count > 0) byOwner.Add((person.Name, stale));
                }
                // The files' names are the archive's (the redacted view): listed only where everyone in the channel may query it.
                var namesShown = (await audiences.OfAsync(channel, ct)).MayAllQuery;
                return ReminderCards.FileReview(c, options.Value.StaleDays, byOwner, namesShown);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a channel reminder.");
        }
    }

    /// <summary>
    /// Each person's card for a personal reminder, in the language their Teams client last spoke (Reminders:Locale for
    /// someone the bot has not heard from): only those with something to hear about get one.
    /// </summary>
    public async Task<IReadOnlyList<(string AadObjectId, JsonObject Card)>> PersonalCardsAsync(ReminderKind kind, DateTimeOffset occurrence, CancellationToken ct)
    {
        var zone = LocalCalendar.FindZone(options.Value.TimeZone) ?? TimeZoneInfo.Utc;
        var today = LocalCalendar.DateOf(occurrence, zone);
        IEnumerable<(string AadObjectId, Func<CultureInfo, JsonObject> Card)> cards;
        switch (kind)
        {
            case ReminderKind.FollowUps:
                cards = (await archive.Visits.FollowUpsDueAsync(today, ct)).GroupBy(f => f.RepAadObjectId, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (g.Key, (Func<CultureInfo, JsonObject>)(c => PersonalReminderCards.FollowUps(c, today, [.. g], occurrence))));
                break;
            case ReminderKind.ApprovalDigest:
            {
                var pending = await archive.Approvals.PendingCreatedBeforeAsync(occurrence, ct);
                cards = pending.SelectMany(a => a.ApproverAadObjectIds.Select(approver => (approver, a)))
                    .GroupBy(p => p.approver, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (g.Key, (Func<CultureInfo, JsonObject>)(c => PersonalReminderCards.ApprovalsWaiting(c, [.. g.Select(p => (p.a.SubjectName,
                        T.Get(c, "ApprovalKind." + p.a.Kind), (int)(occurrence - p.a.CreatedAt).TotalDays))], occurrence))));
                break;
            }
            case ReminderKind.PurgeSoon:
                cards = (await archive.Customers.ListDeletedAsync(ct))
                    .Where(f => f.Status == CustomerStatus.Deleted && f.PurgeAfter is { } until && until > occurrence && until <= occurrence.AddDays(3))
                    .GroupBy(f => f.OwnerAadObjectId, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (g.Key, (Func<CultureInfo, JsonObject>)(c => PersonalReminderCards.PurgeSoon(c, [.. g.OrderBy(f => f.PurgeAfter)
                        .Select(f => (f.Number, f.Name, LocalCalendar.DateOf(f.PurgeAfter!.Value, zone)))], occurrence))));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a personal reminder.");
        }
        var fallback = T.CultureFor(options.Value.Locale);
        var built = new List<(string, JsonObject)>();
        foreach (var (person, card) in cards)
            built.Add((person, card((await archive.Conversations.FindUserAsync(person, ct))?.Locale is { } locale ? T.CultureFor(locale) : fallback)));
        return built;
    }

    static DateTimeOffset Latest(Customer f) => f.LastReviewedAt is { } reviewed && reviewed > f.UpdatedAt ? reviewed : f.UpdatedAt;
}
