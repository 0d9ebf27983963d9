using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>What came of a decision pressed: decided, or why not, with the request as it is now.</summary>
public sealed record DecideOutcome(DecideResult Result, Approval Request, string? Why = null);

public enum DecideResult
{
    Decided, OwnRequest, NotAnApprover, AlreadyDecided,
    /// <summary>Named an approver, but the directory says no more (<see cref="DecideOutcome.Why"/> in words).</summary>
    NoLongerApprover,
    CommentRequired,
    /// <summary>Moved meanwhile (reminded, escalated, reassigned) to where this person may not decide it.</summary>
    MovedMeanwhile,
}

public sealed partial class ApprovalDesk
{
    /// <summary>
    /// One person's decision on one request, the one way every card decides (the request card, the team's plans): checked
    /// against the stored request and the directory now, stored with its steps, the first valid decision winning.
    /// </summary>
    public async Task<DecideOutcome> DecideAsync(Approval a, string me, Decision decision, string? comment, CultureInfo c, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var refusal = ApprovalRules.CheckDecide(a, me, decision, comment);
        switch (refusal)
        {
            case DecisionRefusal.OwnRequest: return new(DecideResult.OwnRequest, a);
            case DecisionRefusal.NotAnApprover: return new(DecideResult.NotAnApprover, a);
            case DecisionRefusal.AlreadyDecided: return new(DecideResult.AlreadyDecided, a);
        }
        // Named an approver when it was filed; the directory decides whether they still are one (role lost, left).
        if (await NoLongerApproverAsync(a, me, c, ct) is { } why) return new(DecideResult.NoLongerApprover, a, why);
        if (refusal == DecisionRefusal.CommentRequired) return new(DecideResult.CommentRequired, a);
        try
        {
            return new(DecideResult.Decided, await CloseAsync(ApprovalRules.Decide(a, me, decision, comment, clock.GetUtcNow()), c, zone, tellRequester: true, ct));
        }
        catch (ApprovalConflictException e) when (e.Current.IsPending)
        {
            // Moved meanwhile (reminded, escalated, reassigned): decided on what it is now, if this person still may decide it.
            if (ApprovalRules.CheckDecide(e.Current, me, decision, comment) is not null || await NoLongerApproverAsync(e.Current, me, c, ct) is not null)
                return new(DecideResult.MovedMeanwhile, e.Current);
            try
            {
                return new(DecideResult.Decided,
                    await CloseAsync(ApprovalRules.Decide(e.Current, me, decision, comment, clock.GetUtcNow()), c, zone, tellRequester: true, ct));
            }
            catch (ApprovalConflictException again)
            {
                return new(DecideResult.AlreadyDecided, again.Current);
            }
        }
        catch (ApprovalConflictException e)
        {
            return new(DecideResult.AlreadyDecided, e.Current);   // another approver, at the same moment, was first
        }
    }
}
