using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.People;
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
    /// someone the bot has not heard from): only those with something to hear about get one. With the day's follow-ups, those
    /// who chose the daily digest get one card instead: their follow-ups, approvals waiting, purges and today's planned
    /// visits (the approvals and purge reminders then pass them by: <see cref="PersonalSettings.Digest"/>).
    /// </summary>
    public async Task<IReadOnlyList<(string AadObjectId, JsonObject Card)>> PersonalCardsAsync(ReminderKind kind, DateTimeOffset occurrence, CancellationToken ct)
    {
        var zone = LocalCalendar.FindZone(options.Value.TimeZone) ?? TimeZoneInfo.Utc;
        var today = LocalCalendar.DateOf(occurrence, zone);
        var sections = kind switch
        {
            ReminderKind.FollowUps => new DigestSections(await FollowUpsAsync(today, ct), await ApprovalsAsync(occurrence, ct), await PurgesAsync(occurrence, zone, ct),
                await PlannedTodayAsync(today, ct)),
            ReminderKind.ApprovalDigest => new DigestSections(None<IReadOnlyList<FollowUp>>(), await ApprovalsAsync(occurrence, ct), None<IReadOnlyList<Customer>>(), None<int>()),
            ReminderKind.PurgeSoon => new DigestSections(None<IReadOnlyList<FollowUp>>(), None<IReadOnlyList<Approval>>(), await PurgesAsync(occurrence, zone, ct), None<int>()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a personal reminder."),
        };
        var people = kind switch
        {
            ReminderKind.FollowUps => sections.FollowUps.Keys.Concat(sections.Approvals.Keys).Concat(sections.Purges.Keys).Concat(sections.Planned.Keys),
            ReminderKind.ApprovalDigest => sections.Approvals.Keys,
            _ => sections.Purges.Keys,
        };
        var fallback = T.CultureFor(options.Value.Locale);
        var built = new List<(string, JsonObject)>();
        foreach (var person in people.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var user = await archive.Conversations.FindUserAsync(person, ct);
            var c = user?.Locale is { } locale ? T.CultureFor(locale) : fallback;
            if (kind == ReminderKind.FollowUps && user?.Settings?.Digest == true)
            {
                var (f, a, p) = (sections.FollowUps.GetValueOrDefault(person, []), sections.Approvals.GetValueOrDefault(person, []),
                    sections.Purges.GetValueOrDefault(person, []));
                var planned = sections.Planned.GetValueOrDefault(person);
                if (f.Count + a.Count + p.Count + planned > 0)
                    built.Add((person, PersonalReminderCards.Digest(c, today, f, Waiting(c, a, occurrence), Purged(p, zone), planned, occurrence)));
                continue;
            }
            var card = kind switch
            {
                ReminderKind.FollowUps when sections.FollowUps.TryGetValue(person, out var due) => PersonalReminderCards.FollowUps(c, today, due, occurrence),
                ReminderKind.ApprovalDigest => PersonalReminderCards.ApprovalsWaiting(c, Waiting(c, sections.Approvals[person], occurrence), occurrence),
                ReminderKind.PurgeSoon => PersonalReminderCards.PurgeSoon(c, Purged(sections.Purges[person], zone), occurrence),
                _ => null,
            };
            if (card is not null) built.Add((person, card));
        }
        return built;
    }

    /// <summary>What each person has to hear about at one occurrence, by person: the parts of a digest, or of one reminder.</summary>
    sealed record DigestSections(
        IReadOnlyDictionary<string, IReadOnlyList<FollowUp>> FollowUps,
        IReadOnlyDictionary<string, IReadOnlyList<Approval>> Approvals,
        IReadOnlyDictionary<string, IReadOnlyList<Customer>> Purges,
        IReadOnlyDictionary<string, int> Planned);

    static IReadOnlyDictionary<string, T> None<T>() => new Dictionary<string, T>();

    async Task<IReadOnlyDictionary<string, IReadOnlyList<FollowUp>>> FollowUpsAsync(DateOnly today, CancellationToken ct) =>
        (await archive.Visits.FollowUpsDueAsync(today, ct)).GroupBy(f => f.RepAadObjectId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FollowUp>)[.. g], StringComparer.OrdinalIgnoreCase);

    async Task<IReadOnlyDictionary<string, IReadOnlyList<Approval>>> ApprovalsAsync(DateTimeOffset occurrence, CancellationToken ct) =>
        (await archive.Approvals.PendingCreatedBeforeAsync(occurrence, ct)).SelectMany(a => a.ApproverAadObjectIds.Select(approver => (approver, a)))
            .GroupBy(p => p.approver, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Approval>)[.. g.Select(p => p.a)], StringComparer.OrdinalIgnoreCase);

    async Task<IReadOnlyDictionary<string, IReadOnlyList<Customer>>> PurgesAsync(DateTimeOffset occurrence, TimeZoneInfo zone, CancellationToken ct) =>
        (await archive.Customers.ListDeletedAsync(ct))
            .Where(f => f.Status == CustomerStatus.Deleted && f.PurgeAfter is { } until && until > occurrence && until <= occurrence.AddDays(3))
            .GroupBy(f => f.OwnerAadObjectId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Customer>)[.. g.OrderBy(f => f.PurgeAfter)], StringComparer.OrdinalIgnoreCase);

    /// <summary>How many visits each rep planned for today (in the company's zone: the digest's day), in a submitted or approved plan.</summary>
    async Task<IReadOnlyDictionary<string, int>> PlannedTodayAsync(DateOnly today, CancellationToken ct) =>
        (await archive.Visits.PlansOfWeekAsync(IsoWeek.Of(today), ct)).Where(p => p.IsCommitted)
            .Select(p => (p.RepAadObjectId, Count: p.Items.Count(i => i.Day == today))).Where(p => p.Count > 0)
            .GroupBy(p => p.RepAadObjectId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Count), StringComparer.OrdinalIgnoreCase);

    static IReadOnlyList<(string Subject, string Kind, int Days)> Waiting(CultureInfo c, IReadOnlyList<Approval> waiting, DateTimeOffset occurrence) =>
        [.. waiting.Select(a => (a.SubjectName, T.Get(c, "ApprovalKind." + a.Kind), (int)(occurrence - a.CreatedAt).TotalDays))];

    static IReadOnlyList<(string Number, string Name, DateOnly PurgedOn)> Purged(IReadOnlyList<Customer> files, TimeZoneInfo zone) =>
        [.. files.Select(f => (f.Number, f.Name, LocalCalendar.DateOf(f.PurgeAfter!.Value, zone)))];

    static DateTimeOffset Latest(Customer f) => f.LastReviewedAt is { } reviewed && reviewed > f.UpdatedAt ? reviewed : f.UpdatedAt;
}
