using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>Builds the plan cards from the archive for the authenticated rep: the editor with its choices, and the plan with its progress.</summary>
static class PlanPages
{
    /// <summary>The weeks a plan may be made for: this week (in the rep's zone) and next.</summary>
    public static IReadOnlyList<IsoWeek> WeeksOpen(DateTimeOffset now, TimeZoneInfo zone)
    {
        var thisWeek = IsoWeek.Of(LocalCalendar.Today(now, zone));
        return [thisWeek, thisWeek.Next];
    }

    /// <summary>The week's plan as it stands: a submitted or approved one with its progress, anything else in the editor.</summary>
    public static async Task<JsonObject> ShowAsync(Turn turn, Person me, IsoWeek week, ICrmArchive archive, DueVisits due, IDirectory directory,
        TimeProvider clock, DownloadLinks links, CancellationToken ct)
    {
        var plan = await archive.Visits.PlanAsync(me.AadObjectId, week, ct);
        return plan is { Status: VisitPlanStatus.Submitted or VisitPlanStatus.Approved }
            ? await ViewAsync(turn, me, plan, archive, directory, clock, links, null, ct)
            : await EditorAsync(turn, me, week, plan, null, null, archive, due, clock, ct);
    }

    /// <summary>
    /// The editor on the stored plan, with a new submission id for its buttons. <paramref name="typed"/> keeps a
    /// refused add row as typed; without it the add row starts on today (this week) or Monday. <paramref name="picked"/>
    /// is the customer the refused row named (checked by the caller): it stays in the picker by name, so clients
    /// without typeahead do not show its bare number. The action plan's fields show what was typed, else what is stored.
    /// The Suggested section lists the rep's customers overdue or due soon (Visits:Cadence; for next week, due by its end) that
    /// the week does not plan yet.
    /// </summary>
    public static async Task<JsonObject> EditorAsync(Turn turn, Person me, IsoWeek week, VisitPlan? stored, FormState? typed, string? notice,
        ICrmArchive archive, DueVisits due, TimeProvider clock, CancellationToken ct, Customer? picked = null)
    {
        var now = clock.GetUtcNow();
        var today = LocalCalendar.Today(now, turn.TimeZone);
        var state = PlanForm.WithActions(typed ?? FormState.Fresh((PlanForm.Day, PlanForm.DefaultDay(week, today).ToString(CultureInfo.InvariantCulture))), stored);
        var frame = new PlanForm.Frame(week, stored?.Version ?? "", SubmissionIds.New());
        var choices = await VisitCustomers.ChoicesAsync(me, archive.Customers, picked, ct);
        var planned = (stored?.Items ?? []).Select(i => i.CustomerNumber).ToHashSet(StringComparer.Ordinal);
        // Next week's plan looks to that week's Sunday: a customer due on its Thursday is one to plan for it.
        var horizon = Math.Max(VisitCadence.SoonDays, week.Sunday.DayNumber - today.DayNumber);
        var suggested = (await due.OfRepAsync(me.AadObjectId, today, turn.TimeZone, ct, horizon)).Where(d => !planned.Contains(d.Customer.Number)).ToList();
        return PlanCards.Form(turn.Culture, frame, stored, OtherWeek(week, now, turn.TimeZone), choices, state, notice, today, suggested);
    }

    /// <summary>A submitted or approved plan with its progress, and its 5-28 workbook as a signed link made for <paramref name="me"/>.</summary>
    public static async Task<JsonObject> ViewAsync(Turn turn, Person me, VisitPlan plan, ICrmArchive archive, IDirectory directory, TimeProvider clock,
        DownloadLinks links, string? notice, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var visits = await archive.Visits.ForRepAsync(me.AadObjectId, plan.Week.Monday, plan.Week.Sunday, ct);
        var progress = PlanProgress.Of(plan, visits, now, turn.TimeZone);
        return PlanCards.View(turn.Culture, plan, progress, await ReviewerNameAsync(plan, archive, directory, ct), OtherWeek(plan.Week, now, turn.TimeZone), notice,
            new LedgerRequest(LedgerForm.Week, false, plan.Week.Monday).Link(links, me.AadObjectId, turn.Culture),
            today: string.Equals(plan.RepAadObjectId, me.AadObjectId, StringComparison.OrdinalIgnoreCase) ? LocalCalendar.Today(now, turn.TimeZone) : null);
    }

    /// <summary>
    /// Who reviews a submitted plan: the approvers its request has now (a delegate, an escalation, a reassignment), else the
    /// rep's leader in the directory.
    /// </summary>
    static async Task<string?> ReviewerNameAsync(VisitPlan plan, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var week = plan.Week.ToString();
        var request = plan.Status == VisitPlanStatus.Submitted
            ? (await archive.Approvals.OpenForRequesterAsync(plan.RepAadObjectId, ct)).FirstOrDefault(a => a.Kind == ApprovalKind.VisitPlan && a.Subject == week)
            : null;
        if (request is null) return (await directory.ManagerOfAsync(plan.RepAadObjectId, ct))?.Name;
        var names = new List<string>();
        foreach (var id in request.ApproverAadObjectIds)
            if (await directory.FindAsync(id, ct) is { } person) names.Add(person.Name);
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary>This week ↔ next; from a week that is neither any more (an old card), this week.</summary>
    static IsoWeek OtherWeek(IsoWeek week, DateTimeOffset now, TimeZoneInfo zone)
    {
        var open = WeeksOpen(now, zone);
        return week == open[0] ? open[1] : open[0];
    }
}
