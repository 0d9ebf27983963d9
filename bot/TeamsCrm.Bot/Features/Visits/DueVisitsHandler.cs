using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// "due visits" / "待拜访": the customers one owns that the cadence by level (Visits:Cadence) says are overdue or due within
/// a week, in one's own zone. One's own files only, leaders and managers too: their team's are in their plans' reminder
/// and the analysis. Made for the person who asked, so in a shared conversation it goes to their 1:1 chat.
/// </summary>
public static class DueVisitsHandler
{
    public static async Task<Reply> Show(Turn turn, IDirectory directory, DueVisits dueVisits, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var today = LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone);
        return Reply.Card(DueVisitCards.List(c, today, await dueVisits.OfRepAsync(me.AadObjectId, today, turn.TimeZone, ct), dueVisits.Intervals));
    }
}
