using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Reminders;

/// <summary>
/// Planned vs actual for one rep and one ISO week: planned = items of the rep's committed plan for the week, actual =
/// the rep's visits whose local day is in the week (as <see cref="PlannedVsActual"/> counts a month).
/// </summary>
public static class WeekCounts
{
    public static VisitCounts Of(IsoWeek week, string rep, IEnumerable<VisitPlan> plans, IEnumerable<Visit> visits)
    {
        bool Mine(string who) => string.Equals(who, rep, StringComparison.OrdinalIgnoreCase);
        var planned = plans.Where(p => p.IsCommitted && p.Week == week && Mine(p.RepAadObjectId)).Sum(p => p.Items.Count(i => week.Contains(i.Day)));
        var actual = visits.Count(v => Mine(v.RepAadObjectId) && week.Contains(v.LocalDate));
        return new VisitCounts(planned, actual);
    }
}
