using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class PlannedVsActualTests
{
    static readonly YearMonth Nov = new(2026, 11);
    static readonly YearMonth Dec = new(2026, 12);

    static VisitPlan Plan(string rep, IsoWeek week, VisitPlanStatus status, params (string Customer, string Day)[] items) => new()
    {
        Id = $"{rep}-{week}", RepAadObjectId = rep, Week = week, Status = status,
        Items = items.Select((x, i) => new VisitPlanItem($"i{i}", x.Customer, CustomerCategory.Regular, VisitPurpose.Demo, Zones.D(x.Day))).ToList(),
    };

    // 2026-W49 runs Monday 30 November to Sunday 6 December: one plan, two months.
    static readonly VisitPlan RitaW49 = Plan(Sample.Rita, new IsoWeek(2026, 49), VisitPlanStatus.Approved,
        ("A", "2026-11-30"), ("B", "2026-12-01"), ("A", "2026-12-03"));

    [Fact]
    public void A_week_spanning_two_months_splits_its_planned_items_by_day()
    {
        Assert.Equal(new VisitCounts(1, 0), PlannedVsActual.For(Nov, [RitaW49], []).Team);
        Assert.Equal(new VisitCounts(2, 0), PlannedVsActual.For(Dec, [RitaW49], []).Team);
    }

    [Fact]
    public void Per_customer_rows_per_rep_totals_and_the_team_add_up()
    {
        var tomW48 = Plan(Sample.Tom, new IsoWeek(2026, 48), VisitPlanStatus.Submitted, ("C", "2026-11-24"), ("C", "2026-11-26"));
        var visits = new[]
        {
            Sample.Visit("A", "2026-11-30T10:00:00+08:00"),
            Sample.Visit("A", "2026-11-10T10:00:00+08:00"),              // unplanned, still a visit
            Sample.Visit("C", "2026-11-24T10:00:00+08:00", rep: Sample.Tom),
            Sample.Visit("D", "2026-11-25T10:00:00+08:00", rep: Sample.Tom, result: VisitResult.NotYet, reason: UnsuccessfulReason.Price),
        };
        var r = PlannedVsActual.For(Nov, [RitaW49, tomW48], visits);

        Assert.Equal(
            [(Sample.Rita, "A", 1, 2, 1), (Sample.Tom, "C", 2, 1, -1), (Sample.Tom, "D", 0, 1, 1)],
            r.Rows.Select(x => (x.RepAadObjectId, x.CustomerNumber, x.Counts.Planned, x.Counts.Actual, x.Counts.Difference)));
        Assert.Equal(new VisitCounts(1, 2), r.ByRep[Sample.Rita]);
        Assert.Equal(new VisitCounts(2, 2), r.ByRep[Sample.Tom]);
        Assert.Equal(new VisitCounts(3, 4), r.Team);
        Assert.Equal(1, r.Team.Difference);
    }

    [Theory]
    [InlineData(VisitPlanStatus.Draft, 0)]
    [InlineData(VisitPlanStatus.Rejected, 0)]
    [InlineData(VisitPlanStatus.Submitted, 1)]   // not yet reviewed still counts as the rep's plan
    [InlineData(VisitPlanStatus.Approved, 1)]
    public void Only_committed_plans_count_as_planned(VisitPlanStatus status, int planned) =>
        Assert.Equal(planned, PlannedVsActual.For(Nov, [RitaW49 with { Status = status }], []).Team.Planned);

    [Theory]
    // The same instant, 2026-11-30 17:30 UTC: Monday 1 Dec 01:30 in Shanghai, Monday 30 Nov 09:30 in Los Angeles.
    [InlineData("Asia/Shanghai", 0, 1)]
    [InlineData("America/Los_Angeles", 1, 0)]
    public void Month_boundaries_are_in_the_zone_the_rep_logged_the_visit_in(string zone, int november, int december)
    {
        var visit = Sample.Visit("A", "2026-11-30T17:30:00Z", zone: zone);
        Assert.Equal(november, PlannedVsActual.For(Nov, [], [visit]).Team.Actual);
        Assert.Equal(december, PlannedVsActual.For(Dec, [], [visit]).Team.Actual);
    }

    [Fact]
    public void The_last_second_of_a_month_and_the_first_of_the_next_fall_on_their_own_sides()
    {
        var last = Sample.Visit("A", "2026-10-31T23:59:59+01:00", zone: "Europe/Berlin");   // after the 25 Oct switch to CET
        var first = Sample.Visit("A", "2026-11-01T00:00:00+01:00", zone: "Europe/Berlin");
        Assert.Equal(1, PlannedVsActual.For(new YearMonth(2026, 10), [], [last, first]).Team.Actual);
        Assert.Equal(1, PlannedVsActual.For(Nov, [], [last, first]).Team.Actual);
    }

    [Fact]
    public void Unsuccessful_visits_are_summarised_by_reason_per_rep_and_month()
    {
        var visits = new[]
        {
            Sample.Visit("A", "2026-11-02T10:00:00+08:00", result: VisitResult.NotYet, reason: UnsuccessfulReason.NoBudget),
            Sample.Visit("B", "2026-11-03T10:00:00+08:00", result: VisitResult.NotYet, reason: UnsuccessfulReason.NoBudget),
            Sample.Visit("C", "2026-11-04T10:00:00+08:00", result: VisitResult.NotYet, reason: UnsuccessfulReason.Price),
            Sample.Visit("D", "2026-11-05T10:00:00+08:00", result: VisitResult.Successful),
            Sample.Visit("E", "2026-12-01T10:00:00+08:00", result: VisitResult.NotYet, reason: UnsuccessfulReason.Price),
            Sample.Visit("F", "2026-11-06T10:00:00+08:00", rep: Sample.Tom, result: VisitResult.NotYet, reason: UnsuccessfulReason.Price),
            Sample.Visit("G", "2026-11-07T10:00:00+08:00", rep: Sample.Tom, result: VisitResult.NotYet),   // no reason: counted as Other
        };
        Assert.Equal(
            [(Sample.Rita, UnsuccessfulReason.NoBudget, 2), (Sample.Rita, UnsuccessfulReason.Price, 1),
             (Sample.Tom, UnsuccessfulReason.Price, 1), (Sample.Tom, UnsuccessfulReason.Other, 1)],
            UnsuccessfulVisits.ByRep(Nov, visits).Select(r => (r.RepAadObjectId, r.Reason, r.Count)));
        var team = UnsuccessfulVisits.Team(Nov, visits);
        Assert.Equal(2, team[UnsuccessfulReason.NoBudget]);
        Assert.Equal(2, team[UnsuccessfulReason.Price]);
        Assert.Equal(1, team[UnsuccessfulReason.Other]);
        Assert.False(team.ContainsKey(UnsuccessfulReason.Timing));
    }
}
