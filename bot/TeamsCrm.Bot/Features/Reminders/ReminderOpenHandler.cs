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
/// A reminder's button in the channel ("Open my plan", "Write my report"): the card goes to the pressing person's 1:1
/// chat with the bot — their own plan or report, decided from the authenticated sender, never from the card.
/// </summary>
public static class ReminderOpenHandler
{
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, IChannelMessenger messenger, TimeProvider clock,
        DownloadLinks links, CancellationToken ct)
    {
        var c = turn.Culture;
        // These answers say where the card went, nothing of it: fit for the channel the button was pressed in.
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || !me.Is(Role.Rep)) return Reply.Text(T.Get(c, "reminders.open.notForYou")).ForEveryone();
        var what = turn.DataString("what") == "report" ? "report" : "plan";
        var card = what == "report"
            ? await ReportHandler.FormAsync(turn, me, MarketReportRules.PeriodFor(LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone)), archive, ct)
            : await PlanPages.ShowAsync(turn, me, PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone)[0], archive, due, directory, clock, links, ct);
        var user = await archive.Conversations.FindUserAsync(me.AadObjectId, ct);
        var sent = user is not null && await messenger.SendCardAsync(user, card, ct) is not null;
        return Reply.Text(T.Get(c, sent ? "reminders.open." + what : "reminders.open.noChat")).ForEveryone();
    }
}
