using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>"approvals": what waits for my decision and which of my requests are still open, each as its live card.</summary>
public static class ApprovalListHandler
{
    /// <summary>Cards per list in one answer: a chat of dozens of cards helps nobody; the oldest come first.</summary>
    public const int MaxCards = 10;

    public static async Task<Reply> Show(Turn turn, ICrmArchive archive, ApprovalDesk desk, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = turn.User.AadObjectId;
        var waiting = await archive.Approvals.PendingForApproverAsync(me, ct);
        var mine = await archive.Approvals.OpenForRequesterAsync(me, ct);
        if (waiting.Count == 0 && mine.Count == 0) return Reply.Text(T.Get(c, "approvals.none"));

        var reply = Reply.Text(T.Get(c, "approvals.listHeader", waiting.Count, mine.Count));
        // Each card carries the refresh: once decided elsewhere, Teams shows it decided when it is next seen.
        foreach (var a in waiting.Take(MaxCards))
            reply = reply.ThenCard(ApprovalCards.ForApprover(c, await desk.ViewAsync(a, turn.TimeZone, ct)));
        foreach (var a in mine.Take(MaxCards))
            reply = reply.ThenCard(ApprovalCards.ForRequester(c, await desk.ViewAsync(a, turn.TimeZone, ct)));
        if (waiting.Count > MaxCards || mine.Count > MaxCards) reply = reply.ThenText(T.Get(c, "approvals.more", MaxCards));
        return reply;
    }
}
