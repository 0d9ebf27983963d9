using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// "plan" / "拜访计划" (this week) and "plan next" / "下周计划": the rep adds and removes planned visits (kept as a
/// draft), switches between this and next week, and submits the week's plan to their direct leader (填表 → 审核), who approves or returns it in the request card (PlanReview).
/// A submitted plan shows which planned visits were made, and which were missed once their day is over.
/// </summary>
public static class PlanHandler
{
    public static Task<Reply> ThisWeek(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, TimeProvider clock, DownloadLinks links, CancellationToken ct) =>
        CommandAsync(turn, archive, due, directory, clock, links, next: false, ct);

    public static Task<Reply> NextWeek(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, TimeProvider clock, DownloadLinks links, CancellationToken ct) =>
        CommandAsync(turn, archive, due, directory, clock, links, next: true, ct);

    static async Task<Reply> CommandAsync(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, TimeProvider clock, DownloadLinks links, bool next,
        CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (Refusal(me) is { } refusal) return Reply.Text(T.Get(turn.Culture, refusal));
        var week = PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone)[next ? 1 : 0];
        return Reply.Card(await PlanPages.ShowAsync(turn, me!, week, archive, due, directory, clock, links, ct));
    }

    /// <summary>The week switch: this week's or next week's plan in place of the card. Only those two weeks are open.</summary>
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, TimeProvider clock, DownloadLinks links, CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (Refusal(me) is { } refusal) return Reply.ReplaceCard(PlanCards.NotAllowed(turn.Culture, refusal));
        if (!IsoWeek.TryParse(turn.DataString("week"), out var week) || !PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone).Contains(week))
            return Reply.Text(T.Get(turn.Culture, "plans.weekClosed"));
        return Reply.ReplaceCard(await PlanPages.ShowAsync(turn, me!, week, archive, due, directory, clock, links, ct));
    }

    /// <summary>"Change the plan" on a submitted one: the editor on it. It stays submitted until something is changed.</summary>
    public static async Task<Reply> Edit(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (Refusal(me) is { } refusal) return Reply.ReplaceCard(PlanCards.NotAllowed(turn.Culture, refusal));
        if (!IsoWeek.TryParse(turn.DataString("week"), out var week) || !PlanPages.WeeksOpen(clock.GetUtcNow(), turn.TimeZone).Contains(week))
            return Reply.Text(T.Get(turn.Culture, "plans.weekClosed"));
        var plan = await archive.Visits.PlanAsync(me!.AadObjectId, week, ct);   // one's own plan: the week is all the card says
        return Reply.ReplaceCard(await PlanPages.EditorAsync(turn, me, week, plan, null, null, archive, due, clock, ct));
    }

    public static Task<Reply> Add(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk approvals, TimeProvider clock, DownloadLinks links,
        CancellationToken ct) =>
        PlanChanges.ApplyAsync(turn, archive, due, directory, approvals, clock, links, PlanChange.Add, ct);

    public static Task<Reply> Remove(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk approvals, TimeProvider clock, DownloadLinks links,
        CancellationToken ct) =>
        PlanChanges.ApplyAsync(turn, archive, due, directory, approvals, clock, links, PlanChange.Remove, ct);

    public static Task<Reply> Submit(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk approvals, TimeProvider clock, DownloadLinks links,
        CancellationToken ct) =>
        PlanChanges.ApplyAsync(turn, archive, due, directory, approvals, clock, links, PlanChange.Submit, ct);

    /// <summary>Add on a Suggested customer: a planned visit for it at one press, with the defaults of <see cref="PlanForm.Suggested"/>.</summary>
    public static Task<Reply> AddSuggested(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        DownloadLinks links, CancellationToken ct) =>
        PlanChanges.ApplyAsync(turn, archive, due, directory, approvals, clock, links, PlanChange.AddSuggested, ct);

    /// <summary>Save the action plan (table 5-5) without adding a visit.</summary>
    public static Task<Reply> SaveActions(Turn turn, ICrmArchive archive, DueVisits due, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        DownloadLinks links, CancellationToken ct) =>
        PlanChanges.ApplyAsync(turn, archive, due, directory, approvals, clock, links, PlanChange.SaveActions, ct);

    /// <summary>Plans are for those who visit customers: sales staff and their managers, not customer service.</summary>
    internal static string? Refusal(Person? me) =>
        !CustomerAccess.MayQuery(me) ? "customers.mayNotQuery" : !CustomerAccess.MayCreate(me) ? "plans.mayNotPlan" : null;
}
