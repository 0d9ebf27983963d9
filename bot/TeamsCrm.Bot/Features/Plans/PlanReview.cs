using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// 审核 → 批准: the supervisor's decision on a submitted weekly plan, applied to the plan. The request covers the
/// submission it was filed for (<see cref="ApprovalPayload.Token"/>); a plan edited since is not approved by it.
/// </summary>
public static class PlanReview
{
    const int Attempts = 5;

    /// <summary>
    /// Files the submitted plan for the rep's supervisor, once per submission (the same submission again finds its
    /// request). Returns what the rep must be told besides: nobody to approve it, or an approver the bot cannot reach.
    /// </summary>
    public static async Task<string?> RequestAsync(Turn turn, Person rep, VisitPlan submitted, ApprovalDesk approvals, CancellationToken ct)
    {
        var filing = await approvals.FileAsync(turn, ApprovalKind.VisitPlan, submitted.Week.ToString(), $"{rep.Name} · {submitted.Week}",
            new ApprovalPayload(Token: submitted.SubmissionId), $"plan:{submitted.Id}:{submitted.SubmissionId}", ct);
        return filing.Notice;
    }

    /// <summary>The rep changed a submitted plan: its pending request is cancelled, and every copy of its card says so.</summary>
    public static async Task WithdrawAsync(Turn turn, VisitPlan previous, ICrmArchive archive, ApprovalDesk approvals, TimeProvider clock,
        CancellationToken ct)
    {
        foreach (var a in await archive.Approvals.ForSubjectAsync(previous.Week.ToString(), ct))
        {
            if (a is not { IsPending: true, Kind: ApprovalKind.VisitPlan } || a.Payload.Token != previous.SubmissionId
                || !ApprovalRules.MayCancel(a, previous.RepAadObjectId))
                continue;
            try
            {
                await approvals.CloseAsync(ApprovalRules.Cancel(a, clock.GetUtcNow()), turn.Culture, turn.TimeZone, tellRequester: false, ct);
            }
            catch (ApprovalConflictException)
            {
                // Decided at this very moment: the decision stands for the submission it covered; the plan changed after it.
            }
        }
    }

    /// <returns>True when the plan had changed since it was submitted, so the decision did not apply.</returns>
    public static async Task<bool> ApplyAsync(Approval a, IVisitLog visits, DateTimeOffset now, CancellationToken ct)
    {
        if (a.Status is not (ApprovalStatus.Approved or ApprovalStatus.Rejected) || !IsoWeek.TryParse(a.Subject, out var week)) return false;
        var status = a.Status == ApprovalStatus.Approved ? VisitPlanStatus.Approved : VisitPlanStatus.Rejected;
        for (var attempt = 1; ; attempt++)
        {
            var plan = await visits.PlanAsync(a.RequesterAadObjectId, week, ct);
            if (plan is null || plan.SubmissionId != a.Payload.Token) return true;
            if (plan.Status == status && plan.ReviewedAt is not null) return false;   // applied before
            if (plan.Status != VisitPlanStatus.Submitted) return true;
            try
            {
                // The rep's submission id stays: pressing their old Submit again shows this outcome, not a new save.
                await visits.SavePlanAsync(plan with
                {
                    Status = status, ReviewerAadObjectId = a.DecidedByAadObjectId, ReviewComment = a.Comment, ReviewedAt = a.DecidedAt ?? now,
                }, ct);
                return false;
            }
            catch (PlanConflictException) when (attempt < Attempts)
            {
                // The rep saved meanwhile: read again; an edit shows as another submission id.
            }
        }
    }
}
