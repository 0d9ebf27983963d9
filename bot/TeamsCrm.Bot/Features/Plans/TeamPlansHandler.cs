using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// <c>team plans</c> / <c>团队计划</c> (<c>… next</c>, <c>… this</c>): the leader's team plans card, and its buttons. Every decision
/// goes through the one approval state (<see cref="ApprovalDesk.DecideAsync"/>): checked against the stored request and the
/// directory for the authenticated person, every copy of the request updated, the rep told. The card's data only names which
/// request and which submission the leader saw; a plan changed or submitted since is left for its own press.
/// </summary>
public static class TeamPlansHandler
{
    /// <summary>Requests one Approve all takes; a card never shows more (<see cref="TeamPlanPages.MaxRows"/>).</summary>
    const int MaxPerPress = TeamPlanPages.MaxRows;

    public static async Task<Reply> Show(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var open = PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone);
        var week = turn.Text.Trim().ToLowerInvariant() switch
        {
            "next" or "下周" => open[1],
            "this" or "本周" => open[0],
            _ => TeamPlanPages.ComingWeek(clock.GetUtcNow(), turn.TimeZone),
        };
        return Reply.Card(await CardAsync(turn, me, week, archive, due, directory, clock, null, ct));
    }

    /// <summary>The card for a week, built for whoever asks: the reminder's button opens it in the leader's 1:1 chat.</summary>
    public static async Task<JsonObject> CardAsync(Turn turn, Person me, IsoWeek week, ICrmArchive archive, DueVisits due, IDirectory directory,
        TimeProvider clock, string? notice, CancellationToken ct) =>
        await LeadersCardAsync(turn, me, week, archive, due, directory, clock, notice, ct) ?? TeamPlanCards.Nobody(turn.Culture, notice);

    /// <summary>The card for a week, or null when nobody's plan is this person's to review (a rep pressing the reminder's button).</summary>
    public static async Task<JsonObject?> LeadersCardAsync(Turn turn, Person me, IsoWeek week, ICrmArchive archive, DueVisits due, IDirectory directory,
        TimeProvider clock, string? notice, CancellationToken ct)
    {
        var (rows, total) = await TeamPlanPages.RowsAsync(me, week, archive, due, directory, clock, turn.TimeZone, ct);
        return total == 0 ? null : CardOf(turn, week, rows, total, clock, notice);
    }

    /// <summary>The card of rows already read, with the switch to the other open week and the comments typed before the press.</summary>
    static JsonObject CardOf(Turn turn, IsoWeek week, IReadOnlyList<TeamPlanRow> rows, int total, TimeProvider clock, string? notice)
    {
        var open = PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone);
        return TeamPlanCards.View(turn.Culture, week, week == open[0] ? open[1] : open[0], rows, total, notice, TeamPlanPages.TypedComments(turn.Data));
    }

    /// <summary>The week switch: this week's or next week's plans in place of the card.</summary>
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me) return Reply.ReplaceCard(PlanCards.NotAllowed(c, "customers.mayNotQuery"));
        if (!IsoWeek.TryParse(turn.DataString("week"), out var week) || !PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone).Contains(week))
            week = TeamPlanPages.ComingWeek(clock.GetUtcNow(), turn.TimeZone);
        return Reply.ReplaceCard(await CardAsync(turn, me, week, archive, due, directory, clock, null, ct));
    }

    /// <summary>Approve, or Return with the comment typed under it, for one rep's plan.</summary>
    public static async Task<Reply> Decide(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk desk, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me) return Reply.ReplaceCard(PlanCards.NotAllowed(c, "customers.mayNotQuery"));
        var decision = turn.DataString("decision") switch { nameof(Decision.Approve) => Decision.Approve, nameof(Decision.Reject) => Decision.Reject, _ => (Decision?)null };
        var id = turn.DataString("id");
        var week = WeekOf(turn, clock);
        if (decision is null || id is not { Length: > 0 and <= 64 })
            return Reply.ReplaceCard(await CardAsync(turn, me, week, archive, due, directory, clock, T.Get(c, "help.staleCard"), ct));
        var comment = turn.DataString(TeamPlanCards.CommentPrefix + id)?.Trim() is { Length: > 0 } typed ? typed[..Math.Min(typed.Length, Limits.Reason)] : null;
        var (_, _, notice) = await DecideOneAsync(turn, me, id, turn.DataString("token"), decision.Value, comment, archive, directory, desk, ct);
        return Reply.ReplaceCard(await CardAsync(turn, me, week, archive, due, directory, clock, notice, ct));
    }

    /// <summary>
    /// Every plan the card showed waiting for this leader, each as it was shown: one changed since (another submission, the
    /// request withdrawn) is not approved, nor is one submitted since; the card that comes back names them.
    /// </summary>
    public static async Task<Reply> ApproveAll(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk desk, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me) return Reply.ReplaceCard(PlanCards.NotAllowed(c, "customers.mayNotQuery"));
        var week = WeekOf(turn, clock);
        var shown = (turn.Data["plans"] as JsonArray ?? []).OfType<JsonObject>().Take(MaxPerPress)
            .Select(p => (Id: p["id"] is JsonValue i && i.TryGetValue<string>(out var s) ? s : null, Token: p["token"] is JsonValue t && t.TryGetValue<string>(out var k) ? k : null))
            .Where(p => p.Id is { Length: > 0 and <= 64 }).DistinctBy(p => p.Id).ToList();
        var approved = new List<string>();
        var notes = new List<string>();
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, token) in shown)
        {
            var (rep, decided, notice) = await DecideOneAsync(turn, me, id!, token, Decision.Approve, null, archive, directory, desk, ct);
            told.Add(rep);
            if (decided) approved.Add(rep);
            else notes.Add(notice);
        }
        // Waiting for this leader now but not on the card pressed: submitted after it was opened (one changed since is told already).
        var (rows, total) = await TeamPlanPages.RowsAsync(me, week, archive, due, directory, clock, turn.TimeZone, ct);
        var seen = shown.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var skipped = rows.Where(r => r.MineToDecide && !seen.Contains(r.Request!.Id) && !told.Contains(r.Rep.Name)).Select(r => r.Rep.Name).ToList();
        var lines = new List<string> { approved.Count > 0 ? T.Get(c, "teamPlans.approvedN", string.Join(", ", approved)) : T.Get(c, "teamPlans.nothingApproved") };
        lines.AddRange(notes);
        if (skipped.Count > 0) lines.Add(T.Get(c, "teamPlans.newSince", string.Join(", ", skipped)));
        // The rows just read are the card's: as they stand after the decisions.
        var said = string.Join(" ", lines);
        return Reply.ReplaceCard(total == 0 ? TeamPlanCards.Nobody(c, said) : CardOf(turn, week, rows, total, clock, said));
    }

    /// <summary>
    /// One decision on one plan as the card showed it: whose plan, whether it was decided, and what to tell the leader (done;
    /// changed since shown, decided already, not theirs to decide, a comment needed).
    /// </summary>
    static async Task<(string Rep, bool Decided, string Notice)> DecideOneAsync(Turn turn, Person me, string id, string? token, Decision decision, string? comment,
        ICrmArchive archive, IDirectory directory, ApprovalDesk desk, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await archive.Approvals.GetAsync(id, ct) is not { Kind: ApprovalKind.VisitPlan } a || !IsoWeek.TryParse(a.Subject, out var week))
            return ("?", false, T.Get(c, "approvals.notFound"));
        var rep = (await directory.FindAsync(a.RequesterAadObjectId, ct))?.Name ?? "?";
        var plan = await archive.Visits.PlanAsync(a.RequesterAadObjectId, week, ct);
        // The submission shown is the one decided: a request withdrawn by an edit, or a plan saved again, is a plan not yet seen.
        var changed = token is null || a.Payload.Token != token || plan?.SubmissionId != token || a.Status == ApprovalStatus.Cancelled;
        if (changed && ApprovalRules.IsApprover(a, me.AadObjectId))
            return (rep, false, T.Get(c, "teamPlans.changedSince", rep));
        var outcome = await desk.DecideAsync(a, me.AadObjectId, decision, comment, c, turn.TimeZone, ct);
        return outcome.Result switch
        {
            DecideResult.Decided => (rep, true, T.Get(c, decision == Decision.Approve ? "teamPlans.approved" : "teamPlans.returned", rep)),
            DecideResult.CommentRequired => (rep, false, T.Get(c, "teamPlans.commentRequired", rep)),
            DecideResult.AlreadyDecided => (rep, false, T.Get(c, "teamPlans.decidedAlready", rep)),
            DecideResult.NoLongerApprover => (rep, false, outcome.Why ?? T.Get(c, "teamPlans.notYours", rep)),
            DecideResult.MovedMeanwhile => (rep, false, T.Get(c, "approvals.changedMeanwhileMove")),
            _ => (rep, false, T.Get(c, "teamPlans.notYours", rep)),
        };
    }

    /// <summary>The authenticated person, if they may read the archive at all; whose plans they review follows from the directory.</summary>
    static async Task<Person?> ViewerAsync(Turn turn, IDirectory directory, CancellationToken ct) =>
        await directory.FindAsync(turn.User.AadObjectId, ct) is { } me && CustomerAccess.MayQuery(me) ? me : null;

    static IsoWeek WeekOf(Turn turn, TimeProvider clock) =>
        IsoWeek.TryParse(turn.DataString("week"), out var week) && PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone).Contains(week)
            ? week
            : TeamPlanPages.ComingWeek(clock.GetUtcNow(), turn.TimeZone);
}
