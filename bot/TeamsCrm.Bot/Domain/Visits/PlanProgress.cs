namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>done (已完成), missed (未完成: the day is over and nothing matched), upcoming (待拜访).</summary>
public enum PlanItemState { Done, Missed, Upcoming }

/// <param name="Visit">The visit that fulfilled the item, when done.</param>
/// <param name="OnPlannedDay">Done on the very day planned; false when done on another day of the week.</param>
public sealed record PlanItemProgress(VisitPlanItem Item, PlanItemState State, Visit? Visit, bool OnPlannedDay);

/// <summary>
/// Which planned visits were made. A logged visit fulfils a planned item when it is by the plan's rep, for the
/// same customer, and its day (as the rep saw it, <see cref="Visit.LocalDate"/>) is in the plan's week.
/// The exact day does not have to match: a visit moved from Tuesday to Thursday of the same week still counts
/// as done (reps reshuffle their week; the supervisor sees <see cref="PlanItemProgress.OnPlannedDay"/>).
/// Each visit fulfils at most one item, so two planned visits to a customer need two visits, and a visit made
/// before the item was added to the plan does not fulfil it (a plan says what is to be done, not what was).
/// </summary>
public static class PlanProgress
{
    /// <param name="now">The current instant (from a TimeProvider).</param>
    /// <param name="zone">The rep's zone now: an item is missed once its expected day has ended there.</param>
    public static IReadOnlyList<PlanItemProgress> Of(VisitPlan plan, IEnumerable<Visit> visits, DateTimeOffset now, TimeZoneInfo zone)
    {
        var candidates = visits
            .Where(v => v.RepAadObjectId == plan.RepAadObjectId)
            .Select(v => (Visit: v, Day: v.LocalDate))
            .Where(x => plan.Week.Contains(x.Day))
            .OrderBy(x => x.Visit.Time)
            .ToList();
        var used = new HashSet<Visit>(ReferenceEqualityComparer.Instance);
        var matched = new Visit?[plan.Items.Count];

        // Visits on the planned day first, so a visit moved to another day cannot take the slot of one made on time.
        for (var i = 0; i < plan.Items.Count; i++)
            matched[i] = Take(plan.Items[i], candidates, used, exactDay: true);
        foreach (var i in Enumerable.Range(0, plan.Items.Count).OrderBy(i => plan.Items[i].Day))
            matched[i] ??= Take(plan.Items[i], candidates, used, exactDay: false);

        return plan.Items.Select((item, i) =>
        {
            if (matched[i] is { } v) return new PlanItemProgress(item, PlanItemState.Done, v, v.LocalDate == item.Day);
            var over = now >= LocalCalendar.EndOfDay(item.Day, zone);
            return new PlanItemProgress(item, over ? PlanItemState.Missed : PlanItemState.Upcoming, null, false);
        }).ToList();
    }

    static Visit? Take(VisitPlanItem item, List<(Visit Visit, DateOnly Day)> candidates, HashSet<Visit> used, bool exactDay)
    {
        foreach (var (visit, day) in candidates)
        {
            if (used.Contains(visit) || visit.CustomerNumber != item.CustomerNumber) continue;
            if (item.AddedAt is { } added && visit.Time < added) continue;
            if (exactDay && day != item.Day) continue;
            used.Add(visit);
            return visit;
        }
        return null;
    }
}
