using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class PlanTests
{
    // 2026-W47 is Monday 16 November to Sunday 22 November 2026.
    static readonly IsoWeek W47 = new(2026, 47);

    static VisitPlanItem Item(string customer, string day, string id = "") =>
        new(id == "" ? customer + "@" + day : id, customer, CustomerCategory.Regular, VisitPurpose.Demo, Zones.D(day));

    static VisitPlan Plan(params VisitPlanItem[] items) =>
        new() { Id = "p1", RepAadObjectId = Sample.Rita, Week = W47, Status = VisitPlanStatus.Approved, Items = items };

    static IReadOnlyList<PlanItemProgress> Progress(VisitPlan plan, string now, params Visit[] visits) =>
        PlanProgress.Of(plan, visits, Zones.At(now), Zones.Shanghai);

    [Theory]
    [InlineData("2026-11-16", 2026, 47)]
    [InlineData("2026-11-22", 2026, 47)]
    [InlineData("2026-12-31", 2026, 53)]   // 2026 has 53 ISO weeks
    [InlineData("2027-01-03", 2026, 53)]   // still the last week of 2026
    [InlineData("2027-01-04", 2027, 1)]
    [InlineData("2025-12-29", 2026, 1)]    // week 1 of 2026 starts in December 2025
    public void Iso_weeks_start_on_monday_and_belong_to_the_year_of_their_thursday(string day, int year, int week) =>
        Assert.Equal(new IsoWeek(year, week), IsoWeek.Of(Zones.D(day)));

    [Fact]
    public void Iso_week_text_round_trips_and_bad_weeks_are_refused()
    {
        Assert.Equal("2026-W47", W47.ToString());
        Assert.True(IsoWeek.TryParse("2026-W53", out var w53));
        Assert.Equal(Zones.D("2026-12-28"), w53.Monday);
        Assert.False(IsoWeek.TryParse("2027-W53", out _));   // 2027 has only 52
        Assert.False(IsoWeek.TryParse("2026-47", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoWeek(2026, 0));
        Assert.Equal(new IsoWeek(2027, 1), new IsoWeek(2026, 53).Next);
    }

    [Fact]
    public void A_visit_on_the_planned_day_is_done_on_the_day()
    {
        var p = Progress(Plan(Item("A", "2026-11-17")), "2026-11-17T20:00:00+08:00", Sample.Visit("A", "2026-11-17T10:00:00+08:00"));
        Assert.Equal(PlanItemState.Done, p[0].State);
        Assert.True(p[0].OnPlannedDay);
    }

    [Fact]
    public void A_visit_on_another_day_of_the_same_week_still_counts_as_done_but_not_on_the_day()
    {
        var p = Progress(Plan(Item("A", "2026-11-17")), "2026-11-20T20:00:00+08:00", Sample.Visit("A", "2026-11-19T10:00:00+08:00"));
        Assert.Equal(PlanItemState.Done, p[0].State);
        Assert.False(p[0].OnPlannedDay);
    }

    [Fact]
    public void Visits_outside_the_week_by_other_reps_or_to_other_customers_do_not_count()
    {
        var p = Progress(Plan(Item("A", "2026-11-17")), "2026-11-23T12:00:00+08:00",
            Sample.Visit("A", "2026-11-15T10:00:00+08:00"),        // the Sunday before
            Sample.Visit("A", "2026-11-23T09:00:00+08:00"),        // the Monday after
            Sample.Visit("A", "2026-11-17T10:00:00+08:00", rep: Sample.Tom),
            Sample.Visit("B", "2026-11-17T10:00:00+08:00"));
        Assert.Equal(PlanItemState.Missed, p[0].State);
    }

    [Theory]
    [InlineData("2026-11-17T23:59:59+08:00", PlanItemState.Upcoming)]   // the day is not over yet
    [InlineData("2026-11-18T00:00:00+08:00", PlanItemState.Missed)]     // end of the planned day in the rep's zone
    [InlineData("2026-11-17T15:59:59Z", PlanItemState.Upcoming)]        // the same instants written in UTC
    [InlineData("2026-11-17T16:00:00Z", PlanItemState.Missed)]
    [InlineData("2026-11-16T08:00:00+08:00", PlanItemState.Upcoming)]
    public void An_item_is_missed_once_its_day_has_ended_without_a_visit(string now, PlanItemState state) =>
        Assert.Equal(state, Progress(Plan(Item("A", "2026-11-17")), now)[0].State);

    [Fact]
    public void A_missed_item_becomes_done_when_the_visit_happens_later_in_the_week()
    {
        var plan = Plan(Item("A", "2026-11-16"));
        Assert.Equal(PlanItemState.Missed, Progress(plan, "2026-11-18T08:00:00+08:00")[0].State);
        Assert.Equal(PlanItemState.Done, Progress(plan, "2026-11-18T12:00:00+08:00", Sample.Visit("A", "2026-11-18T10:00:00+08:00"))[0].State);
    }

    [Fact]
    public void Missed_is_judged_in_the_zone_given_for_now()
    {
        // 2026-11-18 06:00 UTC: already the 18th in Shanghai (planned 17th is over), still the 17th in Los Angeles.
        var plan = Plan(Item("A", "2026-11-17"));
        var now = Zones.At("2026-11-18T06:00:00Z");
        Assert.Equal(PlanItemState.Missed, PlanProgress.Of(plan, [], now, Zones.Shanghai)[0].State);
        Assert.Equal(PlanItemState.Upcoming, PlanProgress.Of(plan, [], now, Zones.LosAngeles)[0].State);
    }

    [Fact]
    public void A_visit_made_before_the_item_was_added_does_not_fulfil_it_but_one_made_after_does()
    {
        // Added on Wednesday at noon: Tuesday's visit was history then; Thursday's is what the plan asked for.
        var added = Item("A", "2026-11-19") with { AddedAt = Zones.At("2026-11-18T12:00:00+08:00") };
        var tuesday = Sample.Visit("A", "2026-11-17T10:00:00+08:00");
        var wednesdayMorning = Sample.Visit("A", "2026-11-18T09:00:00+08:00");
        var thursday = Sample.Visit("A", "2026-11-19T10:00:00+08:00");

        Assert.Equal(PlanItemState.Upcoming, Progress(Plan(added), "2026-11-18T13:00:00+08:00", tuesday, wednesdayMorning)[0].State);
        var done = Progress(Plan(added), "2026-11-19T13:00:00+08:00", tuesday, wednesdayMorning, thursday)[0];
        Assert.Equal(PlanItemState.Done, done.State);
        Assert.Same(thursday, done.Visit);
        // Items stored before the time was kept (null) still count any visit of the week.
        Assert.Equal(PlanItemState.Done, Progress(Plan(Item("A", "2026-11-19")), "2026-11-18T13:00:00+08:00", tuesday)[0].State);
    }

    [Fact]
    public void One_visit_marks_at_most_one_item_even_when_two_items_name_the_customer_on_its_day()
    {
        var plan = Plan(Item("A", "2026-11-17", "1"), Item("A", "2026-11-17", "2"));
        var p = Progress(plan, "2026-11-17T20:00:00+08:00", Sample.Visit("A", "2026-11-17T10:00:00+08:00"));
        Assert.Equal([PlanItemState.Done, PlanItemState.Upcoming], p.Select(x => x.State));
    }

    [Fact]
    public void A_visits_day_is_the_day_in_the_zone_it_was_logged_in()
    {
        // Sunday 22 Nov 20:00 in Los Angeles is Monday 23 Nov in Shanghai: the rep logged it in LA, so it is in W47.
        var visit = Sample.Visit("A", "2026-11-22T20:00:00-08:00", zone: "America/Los_Angeles");
        Assert.Equal(PlanItemState.Done, Progress(Plan(Item("A", "2026-11-22")), "2026-11-23T12:00:00+08:00", visit)[0].State);
    }

    [Fact]
    public void Each_visit_fulfils_one_item_and_visits_on_the_planned_day_are_matched_first()
    {
        var plan = Plan(Item("A", "2026-11-16"), Item("A", "2026-11-19"), Item("A", "2026-11-20"));
        var monday = Sample.Visit("A", "2026-11-16T10:00:00+08:00");
        var thursday = Sample.Visit("A", "2026-11-19T10:00:00+08:00");
        var p = Progress(plan, "2026-11-21T12:00:00+08:00", thursday, monday);
        Assert.Same(monday, p[0].Visit);
        Assert.True(p[0].OnPlannedDay);
        Assert.Same(thursday, p[1].Visit);
        Assert.Equal(PlanItemState.Missed, p[2].State);
    }

    [Fact]
    public void An_early_visit_on_another_day_does_not_steal_the_slot_of_a_visit_made_on_the_planned_day()
    {
        var plan = Plan(Item("A", "2026-11-17"), Item("A", "2026-11-19"));
        var tuesday = Sample.Visit("A", "2026-11-17T10:00:00+08:00");
        var wednesday = Sample.Visit("A", "2026-11-18T10:00:00+08:00");
        var p = Progress(plan, "2026-11-20T12:00:00+08:00", wednesday, tuesday);
        Assert.Same(tuesday, p[0].Visit);
        Assert.Same(wednesday, p[1].Visit);
        Assert.False(p[1].OnPlannedDay);
    }

    [Fact]
    public void A_plan_to_submit_needs_items_with_customers_inside_its_week()
    {
        Assert.True(VisitPlanRules.Validate(Plan()).Has(VisitPlanFields.Items, ProblemCodes.Empty));
        var p = VisitPlanRules.Validate(Plan(Item("A", "2026-11-22"), Item("", "2026-11-23")));
        Assert.Equal([ProblemCodes.Required], p.For("items[1].customerNumber"));
        Assert.Equal([ProblemCodes.OutsideWeek], p.For("items[1].day"));
        Assert.Equal(2, p.Count);
    }

    [Theory]
    [InlineData(VisitPlanStatus.Draft, VisitPlanStatus.Submitted, true)]
    [InlineData(VisitPlanStatus.Draft, VisitPlanStatus.Approved, false)]     // nobody approves what was not submitted
    [InlineData(VisitPlanStatus.Submitted, VisitPlanStatus.Approved, true)]
    [InlineData(VisitPlanStatus.Submitted, VisitPlanStatus.Rejected, true)]
    [InlineData(VisitPlanStatus.Submitted, VisitPlanStatus.Draft, true)]     // the rep withdraws it
    [InlineData(VisitPlanStatus.Rejected, VisitPlanStatus.Draft, true)]
    [InlineData(VisitPlanStatus.Rejected, VisitPlanStatus.Approved, false)]
    [InlineData(VisitPlanStatus.Approved, VisitPlanStatus.Rejected, false)]
    [InlineData(VisitPlanStatus.Approved, VisitPlanStatus.Draft, true)]      // edited after approval: approve again
    public void Plans_move_draft_submitted_approved_or_rejected(VisitPlanStatus from, VisitPlanStatus to, bool allowed) =>
        Assert.Equal(allowed, VisitPlanRules.CanMove(from, to));
}
