using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// The plan editor's Suggested section (customers overdue or due soon, added at one press) and the week's action plan of
/// table 5-5 (key goals, products, customers): filled by the rep, stored with the plan, shown to the supervisor with it.
/// </summary>
public class PlanCadenceTranscripts
{
    const string S1 = "c1111111-1111-4111-8111-111111111111", S2 = "c2222222-2222-4222-8222-222222222222", S3 = "c3333333-3333-4333-8333-333333333333";
    const string S4 = "c4444444-4444-4444-8444-444444444444";

    static JsonObject Frame(string version, string submission, params (string Key, string Value)[] more)
    {
        var data = new JsonObject { ["week"] = "2026-W47", ["version"] = version, ["submissionId"] = submission };
        foreach (var (k, v) in more) data[k] = v;
        return data;
    }

    static readonly (string, string)[] Actions =
        [("keyGoals", "Close the Huadong spindle order\nRenew Nanjing Steel"), ("keyProducts", "CNC line B; spindle S-40"), ("keyCustomers", "Huadong, Nanjing Steel")];

    [Theory]
    [InlineData("en-US", "plan")]
    [InlineData("zh-CN", "拜访计划")]
    public async Task A_rep_adds_a_suggested_customer_at_one_press_writes_the_action_plan_and_her_leader_sees_both(string locale, string command)
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.ZhangWei, "help", locale);   // the supervisor has met the bot: it can write to him
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"plans.suggested.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, command, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.suggest", Frame("", S1, ("suggested", world.Steel.Number)), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.actions", Frame("1", S2, Actions), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Frame("2", S3, Actions), locale));

        var plan = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!;
        var item = Assert.Single(plan.Items);
        Assert.Equal((world.Steel.Number, new DateOnly(2026, 11, 18), VisitPurpose.Relationship, VisitPlanStatus.Submitted),
            (item.CustomerNumber, item.Day, item.Purpose, plan.Status));
        Assert.Equal(("Close the Huadong spindle order\nRenew Nanjing Steel", "CNC line B; spindle S-40", "Huadong, Nanjing Steel"),
            (plan.KeyGoals, plan.KeyProducts, plan.KeyCustomers));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        Assert.Equal(S3, request.Payload.Token);
        // The supervisor's card, as Teams asks for his own view of it: the visits and the action plan.
        var view = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.ZhangWei, "approval.refresh", new JsonObject { ["id"] = request.Id }, locale))).InvokeCard!;
        var texts = Texts(view);
        Assert.Contains(world.Steel.Name, texts, StringComparison.Ordinal);
        Assert.Contains("Close the Huadong spindle order\nRenew Nanjing Steel", texts, StringComparison.Ordinal);
        Assert.Contains("CNC line B; spindle S-40", texts, StringComparison.Ordinal);
        Assert.Contains("approval.decide", view.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_weeks_suggestions_look_to_the_end_of_that_week()
    {
        await using var bot = await StartBotAsync();
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);

        var card = (await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "plan next"))).Calls.Single().Card!;

        // Ningbo Ports falls due on Tuesday 1 December, in week 49: not yet in week 48's suggestions (due by Sunday 29 November).
        Assert.Equal([world.Steel.Number, world.Huadong.Number, world.Optics.Number], Buttons(card, "plan.suggest"));
        bot.Clock.SetUtcNow(Now.AddDays(7));
        var later = (await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "plan next"))).Calls.Single().Card!;
        Assert.Contains(world.Ports.Number, Buttons(later, "plan.suggest"));
    }

    [Fact]
    public async Task The_suggestions_leave_out_customers_the_week_plans_already_and_a_forged_one_is_refused_beside_the_customer()
    {
        await using var bot = await StartBotAsync();
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);

        var added = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.suggest", Frame("", S1, ("suggested", world.Huadong.Number))))).InvokeCard!;
        var suggestions = Buttons(added, "plan.suggest");
        Assert.Equal([world.Steel.Number, world.Optics.Number], suggestions);

        // Tom's overdue key account, its number put into a card by hand: not Li Na's to plan.
        var forged = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.suggest", Frame("1", S2, ("suggested", world.TomsMill.Number))))).InvokeCard!;
        Assert.Contains("You may plan visits only to customers whose file you may read in full.", Texts(forged), StringComparison.Ordinal);
        Assert.Single((await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!.Items);
    }

    [Fact]
    public async Task A_press_without_the_action_plan_keeps_it_and_an_emptied_field_clears_it()
    {
        await using var bot = await StartBotAsync();
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.suggest", Frame("", S1, ("suggested", world.Steel.Number))));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.actions", Frame("1", S2, Actions)));

        var removed = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.remove", Frame("2", S3, ("item", "1"))))).InvokeCard!;
        Assert.Equal("CNC line B; spindle S-40", (string?)Input(removed, "keyProducts")["value"]);   // the editor shows what is stored
        var kept = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!;
        Assert.Equal((0, "CNC line B; spindle S-40"), (kept.Items.Count, kept.KeyProducts));

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.actions", Frame("3", S4, [.. Actions[..2], ("keyCustomers", "  ")])));
        var cleared = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!;
        Assert.Equal(("CNC line B; spindle S-40", (string?)null), (cleared.KeyProducts, cleared.KeyCustomers));
    }

    [Fact]
    public async Task Saving_an_unchanged_action_plan_leaves_a_submitted_plan_submitted_but_a_filled_add_row_is_added()
    {
        const string S5 = "c5555555-5555-4555-8555-555555555555", S6 = "c6666666-6666-4666-8666-666666666666";
        await using var bot = await StartBotAsync();
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.suggest", Frame("", S1, ("suggested", world.Steel.Number))));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Frame("1", S2, Actions)));

        var same = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.actions", Frame("2", S5, Actions)))).InvokeCard!;
        Assert.Contains("The action plan is as it was", Texts(same), StringComparison.Ordinal);
        Assert.Equal(VisitPlanStatus.Submitted, (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!.Status);

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.actions",
            Frame("2", S6, [.. Actions, ("customer", world.Huadong.Number), ("purpose", "Demo"), ("day", "4")])));
        var changed = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!;
        Assert.Equal((VisitPlanStatus.Draft, 2), (changed.Status, changed.Items.Count));
    }

    [Fact]
    public async Task Too_long_an_action_plan_comes_back_with_the_message_beside_it_and_every_text_kept()
    {
        await using var bot = await StartBotAsync();
        var tooLong = new string('x', 1001);

        var card = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.actions",
            Frame("", S4, ("keyGoals", tooLong), ("keyProducts", "spindle S-40"), ("keyCustomers", ""))))).InvokeCard!;

        var goals = Input(card, "keyGoals");
        Assert.Equal(tooLong, (string?)goals["value"]);
        Assert.Contains("1000", Texts(card), StringComparison.Ordinal);
        Assert.Equal("spindle S-40", (string?)Input(card, "keyProducts")["value"]);
        Assert.Null(await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47));
    }

    static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Elements(p.Value))],
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    static JsonObject Input(JsonObject card, string id) => Elements(card).First(e => (string?)e["id"] == id && ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    static List<string> Buttons(JsonObject card, string verb) =>
        [.. Elements(card).Where(e => (string?)e["type"] == "Action.Execute" && (string?)e["verb"] == verb).Select(e => (string)e["data"]!["suggested"]!)];

    /// <summary>Every text of the card (texts, labels, messages beside fields), one a line.</summary>
    static string Texts(JsonObject card) => string.Join("\n", Elements(card).SelectMany(e => e.Select(p => p.Value)).OfType<JsonValue>()
        .Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(v => v.GetValue<string>()));
}
