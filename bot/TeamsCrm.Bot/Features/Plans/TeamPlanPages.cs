using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// One rep's line on the leader's team plans card: the week's plan as stored (null: none yet), its waiting request when
/// the plan is submitted, whether the viewer decides that request, who else does, and the customers due by the week's end
/// the plan leaves out (<see cref="NamesShown"/>: whether the viewer may read those files, else only their count).
/// </summary>
public sealed record TeamPlanRow(Person Rep, VisitPlan? Plan, Approval? Request, bool MineToDecide, IReadOnlyList<string> Deciders,
    IReadOnlyList<DueCustomer> NotPlanned, bool NamesShown, string? ReviewerName);

/// <summary>
/// Reads what a leader's team plans card shows: the plans of their direct reports who plan visits, and of anyone else whose
/// plan request waits for them this week (a delegation, an escalation, a reassignment). Every read is for the week as a
/// whole: the week's plans, the requests about the week, the reps' files in owner batches.
/// </summary>
public static class TeamPlanPages
{
    /// <summary>Rows beyond this are cut, with a line saying how many: a card stays within what Teams shows.</summary>
    public const int MaxRows = 20;

    /// <summary>The coming week in the leader's zone: this week until Thursday, from Friday on next week (plans are made at the week's end).</summary>
    public static IsoWeek ComingWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalCalendar.Today(now, zone);
        var open = PlanPages.WeeksOpen(now, zone);
        return today.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday ? open[1] : open[0];
    }

    /// <returns>The rows by the reps' names, at most <see cref="MaxRows"/>, and how many there were before the cut.</returns>
    public static async Task<(IReadOnlyList<TeamPlanRow> Rows, int Total)> RowsAsync(Person me, IsoWeek week, ICrmArchive archive, DueVisits due, IDirectory directory,
        TimeProvider clock, TimeZoneInfo zone, CancellationToken ct)
    {
        var subject = week.ToString();
        var requests = (await archive.Approvals.ForSubjectAsync(subject, ct)).Where(a => a.Kind == ApprovalKind.VisitPlan).ToList();
        var reps = new Dictionary<string, (Person Person, bool Direct)>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in await directory.ReportsOfAsync(me.AadObjectId, ct))
            if (CustomerAccess.MayCreate(p)) reps[p.AadObjectId] = (p, true);
        foreach (var a in requests.Where(a => a.IsPending && ApprovalRules.IsApprover(a, me.AadObjectId)))
            if (!reps.ContainsKey(a.RequesterAadObjectId) && await directory.FindAsync(a.RequesterAadObjectId, ct) is { } other)
                reps[other.AadObjectId] = (other, false);
        reps.Remove(me.AadObjectId);
        if (reps.Count == 0) return ([], 0);

        var plans = (await archive.Visits.PlansOfWeekAsync(week, ct)).Where(p => reps.ContainsKey(p.RepAadObjectId))
            .ToDictionary(p => p.RepAadObjectId, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        var today = LocalCalendar.Today(now, zone);
        // Due by the week's Sunday: a customer due on its Thursday is one the week's plan should hold.
        var horizon = Math.Max(0, week.Sunday.DayNumber - today.DayNumber);
        var ordered = reps.Values.OrderBy(r => r.Person.Name, StringComparer.Ordinal).Take(MaxRows).ToList();
        var dueOf = await due.OfRepsAsync([.. ordered.Select(r => r.Person.AadObjectId)], today, zone, horizon, ct);

        var rows = new List<TeamPlanRow>();
        foreach (var (rep, direct) in ordered)
        {
            var plan = plans.GetValueOrDefault(rep.AadObjectId);
            var request = plan is { Status: VisitPlanStatus.Submitted }
                ? requests.Where(a => a.IsPending && Same(a.RequesterAadObjectId, rep.AadObjectId) && a.Payload.Token == plan.SubmissionId)
                    .OrderByDescending(a => a.CreatedAt).FirstOrDefault()
                : null;
            var planned = (plan?.Items ?? []).Select(i => i.CustomerNumber).ToHashSet(StringComparer.Ordinal);
            var notPlanned = dueOf.GetValueOrDefault(rep.AadObjectId, []).Where(d => !planned.Contains(d.Customer.Number)).ToList();
            // A leader reads their team's files in full; anyone else (a delegate from another team) sees the count only.
            var leader = direct ? me.AadObjectId : (await directory.ManagerOfAsync(rep.AadObjectId, ct))?.AadObjectId;
            var namesShown = notPlanned.All(d => CustomerAccess.ViewOf(me, d.Customer, leader, [], now) == FileView.Full);
            var deciders = new List<string>();
            foreach (var id in request?.ApproverAadObjectIds ?? [])
                if (!Same(id, me.AadObjectId)) deciders.Add((await directory.FindAsync(id, ct))?.Name ?? "?");
            var reviewer = plan?.ReviewerAadObjectId is { } by ? (await directory.FindAsync(by, ct))?.Name : null;
            rows.Add(new TeamPlanRow(rep, plan, request, request is not null && ApprovalRules.IsApprover(request, me.AadObjectId), deciders,
                notPlanned, namesShown, reviewer));
        }
        return (rows, reps.Count);
    }

    /// <summary>The comments typed on the card, by request id: a press that refreshes the card keeps what was typed on other lines.</summary>
    public static IReadOnlyDictionary<string, string> TypedComments(JsonObject data) =>
        data.Where(kv => kv.Key.StartsWith(TeamPlanCards.CommentPrefix, StringComparison.Ordinal) && kv.Value is JsonValue v && v.TryGetValue<string>(out _))
            .ToDictionary(kv => kv.Key[TeamPlanCards.CommentPrefix.Length..], kv => kv.Value!.GetValue<string>(), StringComparer.Ordinal);

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
