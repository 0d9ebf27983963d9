using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// The request card's verbs. Who may do what is decided from the authenticated user (<see cref="Turn.User"/>)
/// against the stored request and the directory as it is now; the card's data only says which request. A click that
/// may not count gets a card saying so and changes nothing; a click that already counted (double click, redelivery)
/// shows the outcome. Each answer goes to the one person who clicked (or whose view Teams refreshes): the details to
/// the requester and the approvers who still are, the summary to anyone else.
/// </summary>
public static class ApprovalHandler
{
    /// <summary>
    /// Teams asks for a per-user view (refresh): the approver's buttons, the requester's Cancel, or the summary. A decision
    /// whose steps are left (a copy not yet updated, the requester not yet told) is finished on the way.
    /// </summary>
    public static async Task<Reply> Refresh(Turn turn, ICrmArchive archive, ApprovalDesk desk, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await FindAsync(turn, archive, ct) is not { } a) return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notFound")));
        if (!a.IsPending) a = await desk.FinishAsync(a, c, turn.TimeZone, ct);
        return Reply.ReplaceCard(await ViewForAsync(turn, desk, a, null, ct));
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
        var outcome = await desk.DecideAsync(a, turn.User.AadObjectId, decision, comment, c, turn.TimeZone, ct);
        return outcome.Result switch
        {
            DecideResult.Decided => Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(outcome.Request, turn.TimeZone, ct))),
            DecideResult.OwnRequest => Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.ownRequest"))),
            DecideResult.NotAnApprover => Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notAnApprover"))),
            DecideResult.NoLongerApprover => Reply.ReplaceCard(ApprovalCards.Summary(c, await desk.ViewAsync(outcome.Request, turn.TimeZone, ct), outcome.Why)),
            DecideResult.CommentRequired => Reply.ReplaceCard(ApprovalCards.ForApprover(c, await desk.ViewAsync(outcome.Request, turn.TimeZone, ct), comment,
                T.Get(c, "approvals.commentRequired"))),
            DecideResult.MovedMeanwhile => Reply.ReplaceCard(await ViewForAsync(turn, desk, outcome.Request, T.Get(c, "approvals.changedMeanwhileMove"), ct)),
            _ => await AlreadyDecidedAsync(turn, desk, outcome.Request, decision, ct),
        };
    }

    /// <summary>Only the requester, only while pending; every copy then shows it was cancelled.</summary>
    public static async Task<Reply> Cancel(Turn turn, ICrmArchive archive, ApprovalDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await FindAsync(turn, archive, ct) is not { } a) return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notFound")));
        if (!a.IsPending)
        {
            a = await desk.FinishAsync(a, c, turn.TimeZone, ct);
            var pressedTwice = a.Status == ApprovalStatus.Cancelled && ApprovalRules.MayCancel(a with { Status = ApprovalStatus.Pending }, turn.User.AadObjectId);
            return Reply.ReplaceCard(await ViewForAsync(turn, desk, a, pressedTwice ? null : T.Get(c, "approvals.alreadyDecided"), ct));
        }
        if (!ApprovalRules.MayCancel(a, turn.User.AadObjectId))
            return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.onlyRequesterCancels")));
        Approval cancelled;
        try
        {
            cancelled = await desk.CloseAsync(ApprovalRules.Cancel(a, clock.GetUtcNow()), c, turn.TimeZone, tellRequester: false, ct);
        }
        catch (ApprovalConflictException e)
        {
            return Reply.ReplaceCard(await ViewForAsync(turn, desk, e.Current, T.Get(c, "approvals.alreadyDecided"), ct));
        }
        return Reply.ReplaceCard(ApprovalCards.Decided(c, await desk.ViewAsync(cancelled, turn.TimeZone, ct)));
    }

    /// <summary>
    /// The sales manager's Reassign: the person chosen must hold a role that may decide the request (checked against the
    /// directory now, not the card's list); the request must still be waiting.
    /// </summary>
    public static async Task<Reply> Reassign(Turn turn, ICrmArchive archive, ApprovalDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await FindAsync(turn, archive, ct) is not { } a) return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.notFound")));
        var me = turn.User.AadObjectId;
        if (!a.IsPending) return Reply.ReplaceCard(await ViewForAsync(turn, desk, await desk.FinishAsync(a, c, turn.TimeZone, ct), T.Get(c, "approvals.alreadyDecided"), ct));
        var candidates = await desk.ReassignCandidatesAsync(a, me, ct);
        if (candidates.Count == 0 && !await desk.IsSalesManagerAsync(me, ct))
            return Reply.ReplaceCard(ApprovalCards.Refused(c, T.Get(c, "approvals.reassignOnlyManager")));
        if (candidates.FirstOrDefault(p => string.Equals(p.AadObjectId, turn.DataString("reassignTo"), StringComparison.OrdinalIgnoreCase)) is not { } to)
            return Reply.ReplaceCard(await ViewForAsync(turn, desk, a, T.Get(c, "approvals.reassignChoose"), ct));
        if (await desk.ReassignAsync(a, to, me, clock.GetUtcNow(), ct) is not { } moved)
            return Reply.ReplaceCard(await ViewForAsync(turn, desk, await archive.Approvals.GetAsync(a.Id, ct) ?? a, T.Get(c, "approvals.changedMeanwhileMove"), ct));
        return Reply.ReplaceCard(await ViewForAsync(turn, desk, moved, T.Get(c, "approvals.reassigned", to.Name), ct));
    }

    /// <summary>
    /// The same person's same decision again (double click, a retry after a lost answer): the outcome, and whatever the
    /// decision left undone finished. Anyone else's, or a different decision: the outcome with a warning.
    /// </summary>
    static async Task<Reply> AlreadyDecidedAsync(Turn turn, ApprovalDesk desk, Approval a, Decision decision, CancellationToken ct)
    {
        var c = turn.Culture;
        a = await desk.FinishAsync(a, c, turn.TimeZone, ct);
        var mine = string.Equals(a.DecidedByAadObjectId, turn.User.AadObjectId, StringComparison.OrdinalIgnoreCase)
            && a.Status == (decision == Decision.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected);
        return Reply.ReplaceCard(await ViewForAsync(turn, desk, a, mine ? null : T.Get(c, "approvals.alreadyDecided"), ct));
    }

    /// <summary>
    /// The request as the person on this turn may see it: the requester and the approvers who still are get the details
    /// (with their buttons while pending); anyone else — an approver who lost the role, with why — the summary.
    /// </summary>
    static async Task<JsonObject> ViewForAsync(Turn turn, ApprovalDesk desk, Approval a, string? notice, CancellationToken ct)
    {
        var card = await PlainViewForAsync(turn, desk, a, notice, ct);
        // The sales manager sees Reassign on a waiting request, wherever it reaches them.
        var candidates = await desk.ReassignCandidatesAsync(a, turn.User.AadObjectId, ct);
        return candidates.Count == 0 ? card
            : ApprovalCards.WithReassign(turn.Culture, card, await desk.ViewAsync(a, turn.TimeZone, ct), [.. candidates.Select(p => (p.Name, p.AadObjectId))]);
    }

    static async Task<JsonObject> PlainViewForAsync(Turn turn, ApprovalDesk desk, Approval a, string? notice, CancellationToken ct)
    {
        var (c, me) = (turn.Culture, turn.User.AadObjectId);
        var view = await desk.ViewAsync(a, turn.TimeZone, ct);
        if (string.Equals(me, a.RequesterAadObjectId, StringComparison.OrdinalIgnoreCase))
            return a.IsPending ? ApprovalCards.ForRequester(c, view) : ApprovalCards.Decided(c, view, notice);
        if (!ApprovalRules.IsApprover(a, me)) return ApprovalCards.Summary(c, view, notice);
        if (await desk.NoLongerApproverAsync(a, me, c, ct) is { } why) return ApprovalCards.Summary(c, view, a.IsPending ? why : notice);
        return a.IsPending ? ApprovalCards.ForApprover(c, view) : ApprovalCards.Decided(c, view, notice);
    }

    static async Task<Approval?> FindAsync(Turn turn, ICrmArchive archive, CancellationToken ct) =>
        turn.DataString("id") is { Length: > 0 and <= 64 } id ? await archive.Approvals.GetAsync(id, ct) : null;
}
