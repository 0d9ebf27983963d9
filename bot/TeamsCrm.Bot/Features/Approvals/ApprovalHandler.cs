using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// The request card's verbs. Who may do what is decided from the authenticated user (<see cref="Turn.User"/>)
/// against the stored request; the card's data only says which request. A click that may not count gets a
/// card saying so and changes nothing; a click that already counted (double click, redelivery) shows the outcome.
/// </summary>
public static class ApprovalHandler
{
    /// <summary>Teams asks for a per-user view (refresh): the approver's buttons, the requester's Cancel, or the status.</summary>
    public static async Task<Reply> Refresh(Turn turn, ICrmArchive archive, ApprovalDesk desk, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await FindAsync(turn, archive, ct) is not { } a) return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notFound")));
        var view = await desk.ViewAsync(a, turn.TimeZone, ct);
        var me = turn.User.AadObjectId;
        if (!a.IsPending) return Reply.ReplaceCard(ApprovalCards.Decided(c, view));
        if (ApprovalRules.IsApprover(a, me)) return Reply.ReplaceCard(ApprovalCards.ForApprover(c, view));
        if (ApprovalRules.MayCancel(a, me)) return Reply.ReplaceCard(ApprovalCards.ForRequester(c, view));
        return Reply.ReplaceCard(ApprovalCards.Status(c, view));
    }

    public static async Task<Reply> Decide(Turn turn, ICrmArchive archive, ApprovalDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await FindAsync(turn, archive, ct) is not { } a) return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notFound")));
        // By name only: Enum.TryParse would also take "0" or "1".
        if (turn.DataString("decision") switch { nameof(Decision.Approve) => Decision.Approve, nameof(Decision.Reject) => Decision.Reject, _ => (Decision?)null }
            is not { } decision)
            return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "help.staleCard")));
        var comment = turn.DataString("comment")?.Trim() is { Length: > 0 } typed ? typed[..Math.Min(typed.Length, Limits.Reason)] : null;
        var me = turn.User.AadObjectId;

        switch (ApprovalRules.CheckDecide(a, me, decision, comment))
        {
            case DecisionRefusal.OwnRequest:
                return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.ownRequest")));
            case DecisionRefusal.NotAnApprover:
                return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notAnApprover")));
            case DecisionRefusal.AlreadyDecided:
                return await AlreadyDecidedAsync(turn, desk, a, decision, ct);
            case DecisionRefusal.CommentRequired:
                return Reply.ReplaceCard(ApprovalCards.ForApprover(c, await desk.ViewAsync(a, turn.TimeZone, ct), comment, T.Get(c, "approvals.commentRequired")));
        }

        Approval decided;
        try
        {
            decided = await archive.Approvals.SaveAsync(ApprovalRules.Decide(a, me, decision, comment, clock.GetUtcNow()), ct);
        }
        catch (ApprovalConflictException e)
        {
            return await AlreadyDecidedAsync(turn, desk, e.Current, decision, ct);   // another approver, at the same moment, was first
        }
        decided = await desk.FinishAsync(decided, c, turn.TimeZone, notifyRequester: true, ct);
        return Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(decided, turn.TimeZone, ct)));
    }

    /// <summary>Only the requester, only while pending; every copy then shows it was cancelled.</summary>
    public static async Task<Reply> Cancel(Turn turn, ICrmArchive archive, ApprovalDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await FindAsync(turn, archive, ct) is not { } a) return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notFound")));
        if (!a.IsPending && a.Status == ApprovalStatus.Cancelled && ApprovalRules.MayCancel(a with { Status = ApprovalStatus.Pending }, turn.User.AadObjectId))
            return Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(a, turn.TimeZone, ct)));   // pressed twice
        if (!ApprovalRules.MayCancel(a, turn.User.AadObjectId))
            return a.IsPending
                ? Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.onlyRequesterCancels")))
                : Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(a, turn.TimeZone, ct), T.Get(c, "approvals.alreadyDecided")));
        Approval cancelled;
        try
        {
            cancelled = await archive.Approvals.SaveAsync(ApprovalRules.Cancel(a, clock.GetUtcNow()), ct);
        }
        catch (ApprovalConflictException e)
        {
            return Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(e.Current, turn.TimeZone, ct), T.Get(c, "approvals.alreadyDecided")));
        }
        cancelled = await desk.FinishAsync(cancelled, c, turn.TimeZone, notifyRequester: false, ct);
        return Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(cancelled, turn.TimeZone, ct)));
    }

    /// <summary>
    /// The same person's same decision again (double click, a retry after a lost answer): the outcome, and the
    /// effect finished if it was interrupted. Anyone else's, or a different decision: the outcome with a warning.
    /// </summary>
    static async Task<Reply> AlreadyDecidedAsync(Turn turn, ApprovalDesk desk, Approval a, Decision decision, CancellationToken ct)
    {
        var c = turn.Culture;
        var mine = string.Equals(a.DecidedByAadObjectId, turn.User.AadObjectId, StringComparison.OrdinalIgnoreCase)
            && a.Status == (decision == Decision.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected);
        if (mine && a.EffectAppliedAt is null) a = await desk.FinishAsync(a, c, turn.TimeZone, notifyRequester: true, ct);
        return Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(a, turn.TimeZone, ct), mine ? null : T.Get(c, "approvals.alreadyDecided")));
    }

    static async Task<Approval?> FindAsync(Turn turn, ICrmArchive archive, CancellationToken ct) =>
        turn.DataString("id") is { Length: > 0 and <= 64 } id ? await archive.Approvals.GetAsync(id, ct) : null;
}
