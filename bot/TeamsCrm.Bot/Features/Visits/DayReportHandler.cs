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
/// The daily visit report (拜访日报, table 5-30): "my day" for a rep's own visits and what was planned for the
/// day, "team day" for a leader's team. A day word after the command picks another day ("my day yesterday", "今日拜访 周一").
/// </summary>
public static class DayReportHandler
{
    public static async Task<Reply> MyDay(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        if (DayOf(turn, clock) is not { } day) return Reply.Text(T.Get(c, "reports.dayNotUnderstood", VisitText.Shorten(turn.Text, 60)));

        var visits = await archive.Visits.ForRepAsync(me.AadObjectId, day, day, ct);
        var plan = await archive.Visits.PlanAsync(me.AadObjectId, IsoWeek.Of(day), ct);
        var planned = plan is { IsCommitted: true }
            ? PlanProgress.Of(plan, await archive.Visits.ForRepAsync(me.AadObjectId, plan.Week.Monday, plan.Week.Sunday, ct), clock.GetUtcNow(), turn.TimeZone)
                .Where(p => p.Item.Day == day).ToList()
            : [];
        return Reply.Card(DayReportCards.Day(c, me.Name, day, visits, planned, new LedgerRequest(LedgerForm.Day, false, day).Link(links, me.AadObjectId, c)));
    }

    public static async Task<Reply> TeamDay(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var team = await Team.OfAsync(me, directory, ct);
        if (team.Count == 0) return Reply.Text(T.Get(c, "reports.noTeam"));
        if (DayOf(turn, clock) is not { } day) return Reply.Text(T.Get(c, "reports.dayNotUnderstood", VisitText.Shorten(turn.Text, 60)));

        var visits = await archive.Visits.ForRepsAsync([.. team.Select(p => p.AadObjectId)], day, day, ct);
        var checkIns = await archive.CheckIns.ForDayAsync([.. team.Select(p => p.AadObjectId)], day, ct);
        static bool Of(string rep, Person p) => string.Equals(rep, p.AadObjectId, StringComparison.OrdinalIgnoreCase);
        var byRep = team.Select(p => (p.Name, (IReadOnlyList<Visit>)[.. visits.Where(v => Of(v.RepAadObjectId, p))],
            (IReadOnlyList<CheckIn>)[.. checkIns.Where(k => Of(k.RepAadObjectId, p))])).ToList();
        return Reply.Card(DayReportCards.TeamDay(c, day, byRep, new LedgerRequest(LedgerForm.Day, true, day).Link(links, me.AadObjectId, c)));
    }

    /// <summary>Today in the user's zone, or the day the words after the command name (a report looks back: "Friday" is the last one).</summary>
    static DateOnly? DayOf(Turn turn, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(turn.Text)) return LocalCalendar.Today(now, turn.TimeZone);
        return DateWords.TryParse(turn.Text, now, turn.TimeZone, out var match, DateDirection.Past, turn.Culture) ? match.Date : null;
    }
}
