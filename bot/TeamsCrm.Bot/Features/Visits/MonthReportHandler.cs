using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// The month (客户访问月计划表, table 5-27): planned against made visits per customer, results, and unsuccessful
/// visits by reason. "my month" for oneself; "team month" for a leader's team, per rep and in total.
/// </summary>
public static class MonthReportHandler
{
    public static async Task<Reply> MyMonth(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        if (MonthOf(turn, clock) is not { } month) return Reply.Text(T.Get(c, "reports.dayNotUnderstood", VisitText.Shorten(turn.Text, 60)));

        var visits = await archive.Visits.ForRepAsync(me.AadObjectId, month.First, month.Last, ct);
        var plans = new List<VisitPlan>();
        foreach (var week in Team.WeeksOf(month))
            if (await archive.Visits.PlanAsync(me.AadObjectId, week, ct) is { } plan) plans.Add(plan);
        return Reply.Card(MonthReportCards.Month(c, me.Name, month, PlannedVsActual.For(month, plans, visits), Names(plans, visits), visits,
            new LedgerRequest(LedgerForm.Month, false, month.First).Link(links, me.AadObjectId, c)));
    }

    public static async Task<Reply> TeamMonth(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var team = await Team.OfAsync(me, directory, ct);
        if (team.Count == 0) return Reply.Text(T.Get(c, "reports.noTeam"));
        if (MonthOf(turn, clock) is not { } month) return Reply.Text(T.Get(c, "reports.dayNotUnderstood", VisitText.Shorten(turn.Text, 60)));

        var ids = team.Select(p => p.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var visits = await archive.Visits.ForRepsAsync(ids, month.First, month.Last, ct);
        var plans = new List<VisitPlan>();
        foreach (var week in Team.WeeksOf(month))
            plans.AddRange((await archive.Visits.PlansOfWeekAsync(week, ct)).Where(p => ids.Contains(p.RepAadObjectId)));
        var people = team.ToDictionary(p => p.AadObjectId, p => p.Name, StringComparer.OrdinalIgnoreCase);
        return Reply.Card(MonthReportCards.TeamMonth(c, month, PlannedVsActual.For(month, plans, visits), Names(plans, visits), people, visits,
            new LedgerRequest(LedgerForm.Month, true, month.First).Link(links, me.AadObjectId, c)));
    }

    /// <summary>Customer numbers to names, as the visits and plans kept them (the latest visit's name wins).</summary>
    internal static IReadOnlyDictionary<string, string> Names(IEnumerable<VisitPlan> plans, IEnumerable<Visit> visits)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in plans.SelectMany(p => p.Items).Where(i => i.CustomerName.Length > 0)) names[item.CustomerNumber] = item.CustomerName;
        foreach (var v in visits.Where(v => v.CustomerName.Length > 0)) names[v.CustomerNumber] = v.CustomerName;
        return names;
    }

    /// <summary>This month in the user's zone, or the month of the day the words name ("my month 10/1").</summary>
    internal static YearMonth? MonthOf(Turn turn, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(turn.Text)) return YearMonth.Of(LocalCalendar.Today(now, turn.TimeZone));
        return DateWords.TryParse(turn.Text, now, turn.TimeZone, out var match, DateDirection.Past, turn.Culture) ? YearMonth.Of(match.Date) : null;
    }
}
