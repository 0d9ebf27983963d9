using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.Bot.Tests.Domain.Visits;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>The weekly plan (table 5-28): add and remove visits, switch weeks, submit for review, and see what was done and missed.</summary>
public class PlanTranscripts
{
    const string S1 = "a1111111-1111-4111-8111-111111111111", S2 = "a2222222-2222-4222-8222-222222222222", S3 = "a3333333-3333-4333-8333-333333333333";
    const string S4 = "a4444444-4444-4444-8444-444444444444", S5 = "a5555555-5555-4555-8555-555555555555", S6 = "a6666666-6666-4666-8666-666666666666";

    static JsonObject Frame(string week, string version, string submission, params (string Key, string Value)[] more)
    {
        var data = new JsonObject { ["week"] = week, ["version"] = version, ["submissionId"] = submission };
        foreach (var (k, v) in more) data[k] = v;
        return data;
    }

    [Theory]
    [InlineData("en-US", "plan")]
    [InlineData("zh-CN", "拜访计划")]
    public async Task A_rep_builds_the_weeks_plan_and_submits_it_once(string locale, string command)
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var huawei = await HuaweiAsync(bot.Archive.Customers);
        var steel = await ActiveAsync(bot.Archive.Customers, "Nanjing Steel Works", Demo.TomBecker);
        await Transcript.VerifyAsync($"plans.week.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, command, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.add", Frame("2026-W47", "", S1, ("customer", steel.Number), ("day", "4")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.add", Frame("2026-W47", "", S2, ("customer", huadong.Number), ("purpose", "Demo"), ("day", "4"),
                ("time", "10:00"), ("contact", "Wang Lei"), ("notes", "bring the spindle sample")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.add", Frame("2026-W47", "1", S3, ("customer", huawei.Number), ("purpose", "Negotiation"), ("day", "5")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.remove", Frame("2026-W47", "2", S4, ("item", "1")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Frame("2026-W47", "3", S5, ("customer", huadong.Number), ("purpose", "AfterSales"),
                ("day", "7")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Frame("2026-W47", "3", S5, ("customer", huadong.Number), ("purpose", "AfterSales"),
                ("day", "7")), locale),
            Message(bot.ServiceUrl, Demo.LiNa, command, locale));

        var plan = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!;
        Assert.Equal(VisitPlanStatus.Submitted, plan.Status);
        Assert.Equal([(huawei.Number, new DateOnly(2026, 11, 20)), (huadong.Number, new DateOnly(2026, 11, 22))],
            plan.Items.Select(i => (i.CustomerNumber, i.Day)));
    }

    [Theory]
    [InlineData("en-US", "plan next")]
    [InlineData("zh-CN", "下周计划")]
    public async Task Next_weeks_plan_is_its_own_and_the_switch_goes_back_and_forth(string locale, string command)
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"plans.next.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, command, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Frame("2026-W48", "", S1, ("customer", huadong.Number), ("purpose", "Demo"), ("day", "1")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.open", new() { ["week"] = "2026-W47" }, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.open", new() { ["week"] = "2026-W48" }, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.open", new() { ["week"] = "2026-W45" }, locale),
            Message(bot.ServiceUrl, Demo.LiuYang, command, locale));

        Assert.Null(await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47));
        Assert.Equal(VisitPlanStatus.Submitted, (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47.Next))!.Status);
    }

    [Fact]
    public async Task A_day_already_over_cannot_be_planned_and_a_visit_made_before_its_item_was_added_does_not_mark_it_done()
    {
        // Wednesday 18 November, 16:00 in Shanghai: Monday and Tuesday are over; this morning's visit is history.
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync("plans.dayOver", bot,
            Message(bot.ServiceUrl, Demo.LiNa, "plan"),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.add", Frame("2026-W47", "", S1, ("customer", huadong.Number), ("purpose", "Demo"), ("day", "1"),
                ("notes", "bring the sample"))),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(huadong.Number, S2)),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Frame("2026-W47", "", S3, ("customer", huadong.Number), ("purpose", "Demo"), ("day", "3"))));

        var plan = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!;
        var item = Assert.Single(plan.Items);
        Assert.Equal((new DateOnly(2026, 11, 18), VisitSeeds.Now), (item.Day, item.AddedAt));
        var visits = await bot.Archive.Visits.ForRepAsync(Demo.LiNa.AadObjectId, plan.Week.Monday, plan.Week.Sunday);
        Assert.Single(visits);
        Assert.Equal(PlanItemState.Upcoming, PlanProgress.Of(plan, visits, VisitSeeds.Now, Zones.Shanghai)[0].State);
    }

    [Fact]
    public async Task A_refused_add_row_keeps_its_customer_in_the_picker_by_name_even_when_it_is_not_one_of_the_static_choices()
    {
        // Zhang Wei leads Li Na: he may plan a visit to her customer, which is not among his own (the static choices).
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var card = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.ZhangWei, "plan.add",
            Frame("2026-W47", "", S1, ("customer", huadong.Number), ("purpose", "Demo"), ("day", "2"))))).InvokeCard!;

        Assert.Contains("That day is over", card.ToJsonString(), StringComparison.Ordinal);
        var picker = card["body"]!.AsArray().Single(e => e?["id"]?.GetValue<string>() == "customer")!;
        Assert.Equal(huadong.Number, picker["value"]!.GetValue<string>());
        Assert.Contains(picker["choices"]!.AsArray(), ch => ch!["value"]!.GetValue<string>() == huadong.Number
            && ch["title"]!.GetValue<string>() == $"{huadong.Name} · {huadong.Number}");
    }

    [Fact]
    public async Task Logged_visits_mark_planned_ones_done_and_days_gone_by_show_what_was_missed()
    {
        await using var bot = await StartBotAsync();
        var world = await ReportSeeds.SeedAsync(bot);
        await Transcript.VerifyAsync("plans.progress", bot,
            Message(bot.ServiceUrl, Demo.TomBecker, "plan"),                       // Tuesday's visit was made on Wednesday: done, not on the day
            Message(bot.ServiceUrl, Demo.LiNa, "plan"),                            // Friday's still ahead
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(world.Huawei.Number, S1, chinese: true).But(("time", "15:00"), ("result", "Successful"), ("reason", ""))),
            Message(bot.ServiceUrl, Demo.LiNa, "拜访计划", "zh-CN"));             // Friday's made today: done; nothing missed yet
    }

    [Fact]
    public async Task Once_a_planned_day_is_over_without_a_visit_it_shows_as_missed()
    {
        await using var bot = await StartBotAsync(VisitSeeds.Now.AddDays(3));   // Saturday 21 November
        await ReportSeeds.SeedAsync(bot);
        await Transcript.VerifyAsync("plans.missed", bot,
            Message(bot.ServiceUrl, Demo.LiNa, "plan"),
            Message(bot.ServiceUrl, Demo.LiNa, "my month"));
    }

    [Fact]
    public async Task A_change_from_an_outdated_card_is_not_applied_unseen_and_changing_a_submitted_plan_takes_it_back_to_draft()
    {
        await using var bot = await StartBotAsync();
        var world = await ReportSeeds.SeedAsync(bot);
        await Transcript.VerifyAsync("plans.change", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.edit", new() { ["week"] = "2026-W47" }),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.add", Frame("2026-W47", "1", S1, ("customer", world.Huadong.Number), ("purpose", "Demo"), ("day", "6"))),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.remove", Frame("2026-W47", "1", S2, ("item", "2"))),   // the card before the add
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Frame("2026-W47", "2", S3)));

        var plan = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!;
        Assert.Equal((VisitPlanStatus.Submitted, 5), (plan.Status, plan.Items.Count));
    }
}
