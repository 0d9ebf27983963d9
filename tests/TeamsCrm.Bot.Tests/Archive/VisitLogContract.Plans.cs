using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Archive;

public abstract partial class VisitLogContract
{
    static readonly IsoWeek W47 = new(2026, 47);

    static VisitPlan PlanFor(string rep, IsoWeek week, params VisitPlanItem[] items) => new()
    {
        Id = Guid.NewGuid().ToString("D"), RepAadObjectId = rep, Week = week, Status = VisitPlanStatus.Submitted,
        Items = items, SubmittedAt = new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero), SubmissionId = "plan-sub-1",
    };

    static VisitPlanItem Item(string number, string day, string id = "i1") =>
        new(id, number, CustomerCategory.Regular, VisitPurpose.Demo, D(day), CustomerName: "Huadong Precision");

    [Fact]
    public async Task A_new_plan_is_stored_whole_and_found_by_rep_and_week()
    {
        var items = new[]
        {
            new VisitPlanItem("i1", "C-2026-00001", CustomerCategory.Important, VisitPurpose.AfterSales, D("2026-11-17"), new TimeOnly(9, 30),
                "王经理 (Wang)", "带样品 \"B\"\nsecond line", "华东精密"),
            Item("C-2026-00002", "2026-11-20", "i2"),
        };
        var plan = PlanFor(LiNa, W47, items) with { ReviewerAadObjectId = TeamsCrm.TestSupport.Demo.ZhangWei.AadObjectId, ReviewComment = "ok", ReviewedAt = Clock.GetUtcNow() };

        var saved = await Log.SavePlanAsync(plan);

        Assert.NotEqual("", saved.Version);
        Assert.Equal(items, saved.Items);
        Assert.Equal(plan with { Version = saved.Version, Items = saved.Items }, saved);
        var found = await Log.PlanAsync(LiNa, W47);
        Assert.Equal(saved with { Items = found!.Items }, found);
        Assert.Equal(items, found.Items);
        Assert.Null(await Log.PlanAsync(LiNa, W47.Next));
        Assert.Null(await Log.PlanAsync(Tom, W47));
    }

    [Fact]
    public async Task The_weeks_action_plan_is_stored_with_the_plan_changed_and_cleared()
    {
        var plan = PlanFor(LiNa, W47, Item("C-2026-00001", "2026-11-17")) with
        {
            KeyGoals = "Close the 华东 spindle order\nsecond line: \"quoted\"", KeyProducts = "CNC line B; spindle S-40", KeyCustomers = "Huadong, 华为",
        };

        var saved = await Log.SavePlanAsync(plan);
        var found = (await Log.PlanAsync(LiNa, W47))!;

        Assert.Equal((plan.KeyGoals, plan.KeyProducts, plan.KeyCustomers), (saved.KeyGoals, saved.KeyProducts, saved.KeyCustomers));
        Assert.Equal((plan.KeyGoals, plan.KeyProducts, plan.KeyCustomers), (found.KeyGoals, found.KeyProducts, found.KeyCustomers));
        var changed = await Log.SavePlanAsync(found with { KeyGoals = "Renew two contracts", KeyProducts = null });
        Assert.Equal(("Renew two contracts", (string?)null, "Huadong, 华为"), (changed.KeyGoals, changed.KeyProducts, changed.KeyCustomers));
        var again = (await Log.PlanAsync(LiNa, W47))!;
        Assert.Equal(("Renew two contracts", (string?)null, "Huadong, 华为"), (again.KeyGoals, again.KeyProducts, again.KeyCustomers));
        Assert.Null((await Log.SavePlanAsync(PlanFor(Tom, W47, Item("C-2026-00002", "2026-11-18")))).KeyGoals);
    }

    [Fact]
    public async Task A_second_new_plan_for_the_same_rep_and_week_is_a_conflict_with_the_first()
    {
        var first = await Log.SavePlanAsync(PlanFor(LiNa, W47, Item("C-2026-00001", "2026-11-17")));

        var clash = await Assert.ThrowsAsync<PlanConflictException>(() => Log.SavePlanAsync(PlanFor(LiNa, W47, Item("C-2026-00009", "2026-11-18"))));

        Assert.Equal(first.Id, clash.Current.Id);
        Assert.Equal("C-2026-00001", Assert.Single((await Log.PlanAsync(LiNa, W47))!.Items).CustomerNumber);
    }

    [Fact]
    public async Task An_update_needs_the_stored_version_and_moves_it()
    {
        var first = await Log.SavePlanAsync(PlanFor(LiNa, W47, Item("C-2026-00001", "2026-11-17")));
        var second = await Log.SavePlanAsync(first with { Items = [Item("C-2026-00002", "2026-11-19")], Status = VisitPlanStatus.Approved });

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(VisitPlanStatus.Approved, second.Status);
        var stale = await Assert.ThrowsAsync<PlanConflictException>(() => Log.SavePlanAsync(first with { Items = [] }));
        Assert.Equal(second.Version, stale.Current.Version);
        Assert.Equal("C-2026-00002", Assert.Single((await Log.PlanAsync(LiNa, W47))!.Items).CustomerNumber);
    }

    [Fact]
    public async Task A_plan_cannot_be_moved_to_another_rep_or_week()
    {
        var first = await Log.SavePlanAsync(PlanFor(LiNa, W47, Item("C-2026-00001", "2026-11-17")));

        await Assert.ThrowsAsync<PlanConflictException>(() => Log.SavePlanAsync(first with { RepAadObjectId = Tom }));
        await Assert.ThrowsAsync<PlanConflictException>(() => Log.SavePlanAsync(first with { Week = W47.Next }));

        Assert.NotNull(await Log.PlanAsync(LiNa, W47));
        Assert.Null(await Log.PlanAsync(Tom, W47));
    }

    [Fact]
    public async Task Five_saves_of_one_version_at_once_let_exactly_one_win()
    {
        var first = await Log.SavePlanAsync(PlanFor(LiNa, W47, Item("C-2026-00001", "2026-11-17")));

        var outcomes = await CustomerFilesContract.AllAtOnceAsync(5, async i =>
        {
            try { return await Log.SavePlanAsync(first with { Items = [Item($"C-2026-0001{i}", "2026-11-18")] }); }
            catch (PlanConflictException) { return null; }
        });

        var winner = Assert.Single(outcomes, o => o is not null)!;
        Assert.Equal(winner.Items, (await Log.PlanAsync(LiNa, W47))!.Items);
    }

    [Fact]
    public async Task The_plans_of_a_week_are_every_reps_and_no_other_weeks()
    {
        var mine = await Log.SavePlanAsync(PlanFor(LiNa, W47, Item("C-2026-00001", "2026-11-17")));
        var toms = await Log.SavePlanAsync(PlanFor(Tom, W47, Item("C-2026-00002", "2026-11-18")) with { Status = VisitPlanStatus.Draft });
        await Log.SavePlanAsync(PlanFor(LiNa, W47.Next, Item("C-2026-00001", "2026-11-24")));

        var week = await Log.PlansOfWeekAsync(W47);

        Assert.Equal(new[] { mine.Id, toms.Id }.Order(StringComparer.Ordinal), week.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await Log.PlansOfWeekAsync(W47.Previous));
    }

    [Fact]
    public async Task A_next_action_with_a_date_becomes_a_follow_up_due_that_day()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var withAction = VisitTo(huadong, "2026-11-18T10:00:00+08:00") with { NextAction = "Send the quote", NextActionDate = D("2026-11-20") };
        var toms = VisitTo(huadong, "2026-11-18T11:00:00+08:00", rep: Tom) with { NextAction = "Call Zhou", NextActionDate = D("2026-11-20") };
        await Log.AddOnceAsync(withAction);
        await Log.AddOnceAsync(toms);
        await Log.AddOnceAsync(VisitTo(huadong, "2026-11-18T12:00:00+08:00"));   // no next action

        var due = await Log.FollowUpsDueAsync(D("2026-11-20"));

        Assert.Equal(2, due.Count);
        Assert.Contains(new FollowUp(withAction.Id, LiNa, huadong.Number, "Huadong Precision", D("2026-11-20"), "Send the quote", withAction.CreatedAt), due);
        Assert.Contains(due, f => f.VisitId == toms.Id && f.RepAadObjectId == Tom);
        Assert.Empty(await Log.FollowUpsDueAsync(D("2026-11-19")));
        Assert.Empty(await Log.FollowUpsDueAsync(D("2026-11-18")));
    }
}
