namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>Planned and made visits; <see cref="Difference"/> is actual − planned (negative: fewer visits than planned).</summary>
public sealed record VisitCounts(int Planned, int Actual)
{
    public int Difference => Actual - Planned;
    public static VisitCounts operator +(VisitCounts a, VisitCounts b) => new(a.Planned + b.Planned, a.Actual + b.Actual);
    public static readonly VisitCounts Zero = new(0, 0);
}

/// <summary>One line of the monthly plan table (客户访问月计划表, table 5-27): a rep's customer in the month.</summary>
public sealed record PlannedVsActualRow(string RepAadObjectId, string CustomerNumber, VisitCounts Counts);

/// <summary>计划拜访次数与实际执行情况 for a month: per rep and customer, per rep, and the team total.</summary>
public sealed record PlannedVsActualReport(
    YearMonth Month,
    IReadOnlyList<PlannedVsActualRow> Rows,
    IReadOnlyDictionary<string, VisitCounts> ByRep,
    VisitCounts Team);

/// <summary>
/// Planned vs actual per month. Planned = items of committed plans (<see cref="VisitPlan.IsCommitted"/>) whose
/// expected day falls in the month, so a week spanning two months splits by day. Actual = visits whose day, in
/// the zone the rep logged them in, falls in the month — every visit counts, whatever its method or result,
/// because the plan asks how often the customer was worked on, not how it went.
/// The caller decides who "the team" is (the directory's reports of a leader) by the plans and visits it passes.
/// </summary>
public static class PlannedVsActual
{
    public static PlannedVsActualReport For(YearMonth month, IEnumerable<VisitPlan> plans, IEnumerable<Visit> visits)
    {
        var counts = new Dictionary<(string Rep, string Customer), VisitCounts>();
        void Add(string rep, string customer, VisitCounts c) =>
            counts[(rep, customer)] = counts.GetValueOrDefault((rep, customer), VisitCounts.Zero) + c;

        foreach (var plan in plans.Where(p => p.IsCommitted))
            foreach (var item in plan.Items.Where(i => month.Contains(i.Day)))
                Add(plan.RepAadObjectId, item.CustomerNumber, new VisitCounts(1, 0));
        foreach (var visit in visits.Where(v => month.Contains(v.LocalDate)))
            Add(visit.RepAadObjectId, visit.CustomerNumber, new VisitCounts(0, 1));

        var rows = counts
            .OrderBy(kv => kv.Key.Rep, StringComparer.Ordinal).ThenBy(kv => kv.Key.Customer, StringComparer.Ordinal)
            .Select(kv => new PlannedVsActualRow(kv.Key.Rep, kv.Key.Customer, kv.Value))
            .ToList();
        var byRep = rows.GroupBy(r => r.RepAadObjectId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(VisitCounts.Zero, (sum, r) => sum + r.Counts), StringComparer.Ordinal);
        var team = byRep.Values.Aggregate(VisitCounts.Zero, (sum, c) => sum + c);
        return new PlannedVsActualReport(month, rows, byRep, team);
    }
}
