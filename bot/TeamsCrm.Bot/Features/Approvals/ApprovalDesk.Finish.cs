using System.Globalization;
using Microsoft.Extensions.Logging;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// Every decision finished, exactly once. A decision (or cancellation) is stored together with the steps it leaves
/// (<see cref="FinishWork"/>: its effect, each card copy updated, the requester told), claimed by the run that stores it.
/// That run does the steps at once; a step that fails is recorded and the steps are due again after a back-off, when the
/// sweep (<see cref="ApprovalFinishService"/>), a refresh of the card or a press on it takes them up — a run that dies
/// simply lets its claim run out. Updating a copy twice shows the same card twice, so copies are only recorded at the
/// end of a run; the requester's message is sent only by the run holding the claim, with at least half the lease left.
/// The one window no record can close: the connector accepted the message and the process died before the run's record
/// was saved. The next run (after the lease) cannot tell, and tells the requester a second time — the choice made is
/// "at least once", since a decision nobody hears of is worse than one heard twice.
/// </summary>
public sealed partial class ApprovalDesk
{
    /// <summary>Saves tried when a run's record finds the request saved meanwhile (another run took over a claim run out).</summary>
    const int RecordAttempts = 3;

    TimeSpan Lease => options.Value.FinishLease;

    /// <summary>
    /// Stores <paramref name="closed"/> (decided or cancelled) with the steps it leaves, claimed by this call, then does
    /// them. Throws <see cref="ApprovalConflictException"/>, storing nothing, when someone changed the request first.
    /// Steps that fail are left to a later run; the stored decision is returned either way.
    /// </summary>
    /// <param name="c">The language the copies are written in from now on (the decider's), as <paramref name="zone"/> their times.</param>
    public async Task<Approval> CloseAsync(Approval closed, CultureInfo c, TimeZoneInfo zone, bool tellRequester, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var work = FinishWork.Start(c.Name, zone.Id, tellRequester, now).Claim(now, Lease);
        return await RunAsync(await archive.Approvals.SaveAsync(closed with { Finish = work }, ct), ct);
    }

    /// <summary>
    /// Does the steps a decision left (a refresh, a press on the decided card, the sweep), unless another run holds them
    /// now. A decision stored before steps were recorded whose effect was cut short gets its steps now, in the language
    /// and zone of <paramref name="c"/> and <paramref name="zone"/>.
    /// </summary>
    public async Task<Approval> FinishAsync(Approval a, CultureInfo c, TimeZoneInfo zone, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var work = a.Finish ?? (a is { IsPending: false, EffectAppliedAt: null }
            ? FinishWork.Start(c.Name, zone.Id, a.Status != ApprovalStatus.Cancelled, now)
            : null);
        if (work is null || work.IsClaimedAt(now)) return a;
        try
        {
            a = await archive.Approvals.SaveAsync(a with { Finish = work.Claim(now, Lease) }, ct);
        }
        catch (ApprovalConflictException e)
        {
            return e.Current;   // another run claimed the steps, or finished them, first
        }
        return await RunAsync(a, ct);
    }

    /// <summary>The sweep: every request whose steps are due (a back-off over, a claim run out). Returns how many it finished.</summary>
    public async Task<int> FinishDueAsync(CancellationToken ct)
    {
        var finished = 0;
        foreach (var a in await archive.Approvals.FinishDueAsync(clock.GetUtcNow(), ct))
            if ((await FinishAsync(a, T.English, TimeZoneInfo.Utc, ct)).Finish is null) finished++;
        return finished;
    }

    /// <summary>The steps of <paramref name="a"/>, whose claim this run holds. Never throws for a step: it is recorded as failed.</summary>
    async Task<Approval> RunAsync(Approval a, CancellationToken ct)
    {
        try
        {
            var work = a.Finish!;
            if (a.EffectAppliedAt is null)
            {
                var now = clock.GetUtcNow();
                try
                {
                    var changedMeanwhile = await ApprovalEffects.ApplyDecisionAsync(a, archive, now, ct);
                    a = a with { EffectAppliedAt = now, Payload = a.Payload with { ChangedMeanwhile = changedMeanwhile } };
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogStepFailed(log, a.Id, "effect", e);
                    return await RecordAsync(a, work.Failed(clock.GetUtcNow()));   // the cards show the outcome only once it is in
                }
            }
            var c = T.CultureFor(work.Locale);
            var view = await ViewAsync(a, LocalCalendar.FindZone(work.TimeZone) ?? TimeZoneInfo.Utc, ct);
            var (updated, copiesFailed) = await UpdateCopiesAsync(a, work, view, c, ct);
            DateTimeOffset? toldAt = null;
            var tellFailed = false;
            if (work.RequesterPending)
            {
                if (clock.GetUtcNow() > work.ClaimedUntil - Lease / 2)
                {
                    // Not enough of the claim left to be sure nobody takes it over during the send: renew it first.
                    try { a = await archive.Approvals.SaveAsync(a with { Finish = work.With(updated, null).Claim(clock.GetUtcNow(), Lease) }, ct); }
                    catch (ApprovalConflictException e) { return e.Current; }   // taken over: the run that has it tells the requester
                    work = a.Finish!;
                }
                try
                {
                    await TellRequesterAsync(a, view, c, ct);
                    toldAt = clock.GetUtcNow();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogStepFailed(log, a.Id, "requester", e);
                    tellFailed = true;
                }
            }
            var done = work.With(updated, toldAt);
            return await RecordAsync(a, copiesFailed || tellFailed ? done.Failed(clock.GetUtcNow()) : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The archive failed under the run: the claim runs out and the sweep takes the steps up again.
            LogRunFailed(log, a.Id, e);
            return a;
        }
    }

    /// <summary>Each copy not yet updated: the private ones get the full outcome, the shared ones its summary.</summary>
    async Task<(List<string> Updated, bool Failed)> UpdateCopiesAsync(Approval a, FinishWork work, ApprovalView view, CultureInfo c, CancellationToken ct)
    {
        var updated = new List<string>(work.CopiesUpdated);
        var failed = false;
        var (full, summary) = (ApprovalCards.Decided(c, view), ApprovalCards.Summary(c, view));
        HashSet<string>? approverChats = null;
        foreach (var copy in a.Copies.Where(copy => !work.IsUpdated(copy)))
        {
            try
            {
                approverChats ??= copy.Shared is null ? await ApproverChatsAsync(a, ct) : null;
                var shared = copy.Shared ?? !approverChats!.Contains(copy.ConversationId);
                // False: the conversation is gone or blocked the bot; no later run would reach it either.
                await messenger.UpdateCardAsync(new PostedCard(copy.ConversationId, copy.ActivityId, copy.ServiceUrl), shared ? summary : full, ct);
                updated.Add(FinishWork.KeyOf(copy));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStepFailed(log, a.Id, "copy in " + copy.ConversationId, e);
                failed = true;
            }
        }
        return (updated, failed);
    }

    /// <summary>
    /// A copy stored before copies were marked shared or not: only the approvers' 1:1 cards were private then, so a copy
    /// in any other conversation (an approvals channel) is treated as shared — the safe side when unsure.
    /// </summary>
    async Task<HashSet<string>> ApproverChatsAsync(Approval a, CancellationToken ct)
    {
        var chats = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in a.ApproverAadObjectIds)
            if ((await archive.Conversations.FindUserAsync(id, ct))?.PersonalConversationId is { } chat) chats.Add(chat);
        return chats;
    }

    /// <summary>The outcome, to the requester's 1:1 chat in their language; nothing when the bot cannot reach them.</summary>
    async Task TellRequesterAsync(Approval a, ApprovalView view, CultureInfo fallback, CancellationToken ct)
    {
        if (await archive.Conversations.FindUserAsync(a.RequesterAadObjectId, ct) is not { } requester) return;
        var c = LanguageOf(requester, fallback);
        var kind = CustomerText.Of(c, a.Kind);
        await messenger.SendTextAsync(requester, a.Status == ApprovalStatus.Approved
            ? T.Get(c, !a.Payload.ChangedMeanwhile ? "approvals.notifyApproved"
                : a.Kind == ApprovalKind.VisitPlan ? "approvals.notifyPlanChangedMeanwhile" : "approvals.notifyChangedMeanwhile",
                kind, a.SubjectName, view.DeciderName)
            : T.Get(c, "approvals.notifyRejected", kind, a.SubjectName, view.DeciderName, a.Comment), ct);
    }

    /// <summary>
    /// Saves what the run did (<paramref name="left"/>: the steps still to do, null when none). Under the claim nobody else
    /// saves the request; if someone did, another run took the claim over after it ran out: both runs' work is kept.
    /// </summary>
    async Task<Approval> RecordAsync(Approval a, FinishWork? left)
    {
        var ours = a;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Not cancelled with the turn: once steps are done, leaving them unrecorded would only repeat them.
                return await archive.Approvals.SaveAsync(a with { Finish = left }, CancellationToken.None);
            }
            catch (ApprovalConflictException e) when (attempt < RecordAttempts)
            {
                var current = e.Current;
                if (current.Finish is null) return current;
                a = current.EffectAppliedAt is null ? current with { EffectAppliedAt = ours.EffectAppliedAt, Payload = ours.Payload } : current;
                left = left is null ? null : current.Finish.With(left.CopiesUpdated, left.RequesterToldAt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval {ApprovalId}: finishing the decision failed at the {Step}; it is tried again later")]
    static partial void LogStepFailed(ILogger logger, string approvalId, string step, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Approval {ApprovalId}: the archive failed while finishing the decision; the sweep takes it up when the claim runs out")]
    static partial void LogRunFailed(ILogger logger, string approvalId, Exception e);
}
