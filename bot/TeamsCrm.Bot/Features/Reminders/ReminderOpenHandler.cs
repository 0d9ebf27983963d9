using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Plans;
using TeamsCrm.Bot.Features.Reports;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// A reminder's button in the channel ("Open my plan", "Write my report", "Team plans"): the card goes to the pressing person's
/// 1:1 chat with the bot — their own plan or report, or the plans they review, decided from the authenticated sender, never
/// from the card.
/// </summary>
public static class ReminderOpenHandler
{
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, IChannelMessenger messenger, TimeProvider clock,
        DownloadLinks links, CancellationToken ct)
    {
        var c = turn.Culture;
        var what = turn.DataString("what") switch { "report" => "report", "teamPlans" => "teamPlans", _ => "plan" };
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        // These answers say where the card went, nothing of it: fit for the channel the button was pressed in.
        if (me is null || (what == "teamPlans" ? !CustomerAccess.MayQuery(me) : !me.Is(Role.Rep)))
            return Reply.Text(T.Get(c, "reminders.open.notForYou")).ForEveryone();
        var thisWeek = PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone)[0];
        var card = what switch
        {
            "report" => await ReportHandler.FormAsync(turn, me, MarketReportRules.PeriodFor(LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone)), archive, ct),
            "teamPlans" => await TeamPlansHandler.LeadersCardAsync(turn, me, thisWeek, archive, due, directory, clock, null, ct),
            _ => await PlanPages.ShowAsync(turn, me, thisWeek, archive, due, directory, clock, links, ct),
        };
        if (card is null) return Reply.Text(T.Get(c, "reminders.open.noTeam")).ForEveryone();   // nobody's plan is theirs to review
        var user = await archive.Conversations.FindUserAsync(me.AadObjectId, ct);
        var sent = user is not null && await messenger.SendCardAsync(user, card, ct) is not null;
        return Reply.Text(T.Get(c, sent ? "reminders.open." + what : "reminders.open.noChat")).ForEveryone();
    }
}
