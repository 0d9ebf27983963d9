using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// Correcting and withdrawing saved visit reports through the real pipeline: the reports show the corrected values, a
/// withdrawn visit is gone from them but kept in its history, the window holds for the rep and not for their leader, and
/// nobody else may, whatever the card says.
/// </summary>
public class CorrectionTranscripts
{
    /// <summary>Li Na's visit of yesterday (Tuesday the 17th), saved yesterday evening: not yet, because of the price.</summary>
    static async Task<(TestBot Bot, ReportSeeds.World World, Visit Yesterday)> StartAsync(TimeSpan? savedAgo = null)
    {
        var bot = await StartBotAsync();
        var world = await ReportSeeds.SeedAsync(bot);
        var yesterday = Visit(world.Huadong, "2026-11-17T15:00:00", result: VisitResult.NotYet, reason: UnsuccessfulReason.Price,
            nextAction: "Send the revised quote") with { CreatedAt = Now - (savedAgo ?? TimeSpan.FromHours(18)) };
        await bot.Archive.Visits.AddOnceAsync(yesterday);
        return (bot, world, yesterday);
    }

    static JsonObject Which(Visit v) => new() { ["number"] = v.CustomerNumber, ["visit"] = v.SubmissionId };

    /// <summary>What a client sends on pressing <paramref name="verb"/> on <paramref name="card"/>: every input's value, then the action's data.</summary>
    static JsonObject Pressing(JsonObject card, string verb, params (string Id, string Value)[] typed)
    {
        var values = CardInputs.Values(card);
        foreach (var (id, value) in typed) values[id] = value;
        var action = Actions(card).Single(a => (string?)a["verb"] == verb);
        foreach (var (key, value) in (JsonObject)action["data"]!) values[key] = value?.DeepClone();
        return values;
    }

    static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    /// <summary>Every text a person reads on the cards and messages of a turn.</summary>
    static string Read(TurnResult r) => string.Join("\n", new[] { r.Body }.Concat(r.Calls.Select(c => c.Body)).SelectMany(Texts));

    static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .Select(p => (string)p.Value!).Concat(o.Where(p => p.Value is JsonObject or JsonArray).SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    static async Task<JsonObject> OpenFormAsync(TestBot bot, DemoPerson who, Visit v)
    {
        var opened = await bot.Press(who, "visit.correct", Which(v));
        return opened.InvokeCard ?? throw new Xunit.Sdk.XunitException("No form: " + Read(opened));
    }

    static Task<TurnResult> SaveAsync(TestBot bot, DemoPerson who, JsonObject form, params (string Id, string Value)[] typed) =>
        bot.Press(who, "visit.correct.save", Pressing(form, "visit.correct.save", typed));

    [Fact]
    public async Task A_rep_corrects_yesterdays_result_and_my_day_my_month_and_the_team_reports_show_it()
    {
        var (bot, _, yesterday) = await StartAsync();
        await using var _1 = bot;
        Assert.Contains("Visits: 1 (0 successful, 1 not yet).", Read(await bot.Say(Demo.LiNa, "my day yesterday")));
        Assert.Contains(yesterday.SubmissionId, (await bot.Say(Demo.LiNa, "correct visit")).SingleCard().ToJsonString());

        var form = await OpenFormAsync(bot, Demo.LiNa, yesterday);
        var saved = Read(await SaveAsync(bot, Demo.LiNa, form, ("result", "Successful"), ("reason", ""), ("correctionReason", "Signed at the end")));

        Assert.Contains("Visit report corrected: Huadong Precision, 2026-11-17 15:00", saved);
        Assert.Contains("Not yet → Successful", saved);
        Assert.Contains("Visits: 1 (1 successful, 0 not yet).", Read(await bot.Say(Demo.LiNa, "my day yesterday")));
        var month = Read(await bot.Say(Demo.LiNa, "my month"));
        Assert.Contains("Successful\n3\nNot yet\n2", month);
        Assert.Contains("Price\n1", month);
        Assert.Contains("Product demo · Successful · Send the revised quote", Read(await bot.Say(Demo.ZhangWei, "team day yesterday")));
        Assert.Contains("Li Na\n4\n5\n+1\n2", Read(await bot.Say(Demo.ZhangWei, "team month")));   // not yet: 3 → 2
        var history = Assert.Single(await bot.Archive.Visits.HistoryAsync(yesterday.CustomerNumber, yesterday.Id));
        Assert.Equal((Demo.LiNa.AadObjectId, "Signed at the end"), (history.ByAadObjectId, history.Reason));
    }

    [Fact]
    public async Task A_withdrawn_visit_is_gone_from_the_reports_and_the_plan_but_stays_in_its_history()
    {
        var (bot, world, yesterday) = await StartAsync();
        await using var _1 = bot;
        var monday = (await bot.Archive.Visits.ForRepAsync(Demo.LiNa.AadObjectId, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 16))).Single();

        var form = await OpenFormAsync(bot, Demo.LiNa, monday);
        var refused = (await bot.Press(Demo.LiNa, "visit.withdraw", Pressing(form, "visit.withdraw"))).InvokeCard!;   // no reason
        Assert.True(CardInputs.Values(refused).ContainsKey("correctionReason"));   // the form again, the reason asked for
        Assert.Empty(await bot.Archive.Visits.HistoryAsync(monday.CustomerNumber, monday.Id));
        var done = Read(await bot.Press(Demo.LiNa, "visit.withdraw", Pressing(form, "visit.withdraw", ("correctionReason", "Logged on the wrong customer"))));

        Assert.Contains("Visit report withdrawn: Huadong Precision, 2026-11-16 10:00", done);
        Assert.Contains("No visits logged that day.", Read(await bot.Say(Demo.LiNa, "my day monday")));
        Assert.Contains("Planned 4, made 4, difference 0.", Read(await bot.Say(Demo.LiNa, "my month")));
        Assert.Contains("Li Na\n4\n4\n0", Read(await bot.Say(Demo.ZhangWei, "team month")));
        Assert.True((await bot.Archive.Visits.GetAsync(monday.CustomerNumber, monday.SubmissionId))!.IsWithdrawn);
        Assert.Equal(CorrectionKind.Withdrawn, Assert.Single(await bot.Archive.Visits.HistoryAsync(monday.CustomerNumber, monday.Id)).Kind);
        Assert.DoesNotContain(monday.SubmissionId, (await bot.Say(Demo.LiNa, "correct visit")).SingleCard().ToJsonString());
        Assert.Contains("withdrawn", Read(await bot.Press(Demo.LiNa, "visit.correct", Which(monday))));
        Assert.Equal(world.Huadong.Number, yesterday.CustomerNumber);
    }

    [Fact]
    public async Task After_the_window_the_rep_is_refused_and_their_leader_corrects_it_and_the_rep_is_told()
    {
        var (bot, _, yesterday) = await StartAsync(savedAgo: TimeSpan.FromDays(8));
        await using var _1 = bot;
        await bot.Say(Demo.LiNa, "help");   // Li Na has a chat with the bot to be told in

        var rep = Read(await bot.Press(Demo.LiNa, "visit.correct", Which(yesterday)));
        Assert.Contains("more than 7 days ago", rep);
        Assert.Contains("Zhang Wei", rep);

        var form = await OpenFormAsync(bot, Demo.ZhangWei, yesterday);
        Assert.Contains("You are correcting Li Na's report as their leader", Read(new TurnResult(200, form, [])));
        var before = bot.Connector.Calls.Count;
        var saved = Read(await SaveAsync(bot, Demo.ZhangWei, form, ("nextActionDate", "2026-11-27"), ("correctionReason", "Customer moved the meeting")));

        Assert.Contains("2026-11-25 → 2026-11-27", saved);
        var told = bot.Connector.Calls.Skip(before).Single(c => c.Path.Contains("personal-demo-li-na", StringComparison.Ordinal));
        Assert.Contains("Zhang Wei corrected your visit report", told.Body!.ToJsonString());
        Assert.Single(await bot.Archive.Visits.FollowUpsDueAsync(new DateOnly(2026, 11, 27)));
        Assert.Empty(await bot.Archive.Visits.FollowUpsDueAsync(new DateOnly(2026, 11, 25)).ContinueWith(t => t.Result.Where(f => f.VisitId == yesterday.Id).ToList()));
    }

    [Fact]
    public async Task Another_rep_cannot_correct_or_withdraw_even_with_the_card_data_of_the_reps_own_form()
    {
        var (bot, _, yesterday) = await StartAsync();
        await using var _1 = bot;
        var form = await OpenFormAsync(bot, Demo.LiNa, yesterday);

        Assert.Contains("Only the rep who saved this report", Read(await bot.Press(Demo.TomBecker, "visit.correct", Which(yesterday))));
        Assert.Contains("Only the rep who saved this report", Read(await SaveAsync(bot, Demo.TomBecker, form, ("result", "Successful"), ("reason", ""),
            ("correctionReason", "forged"))));
        Assert.Contains("Only the rep who saved this report", Read(await bot.Press(Demo.TomBecker, "visit.withdraw",
            Pressing(form, "visit.withdraw", ("correctionReason", "forged")))));

        Assert.Empty(await bot.Archive.Visits.HistoryAsync(yesterday.CustomerNumber, yesterday.Id));
        Assert.Equal(yesterday, await bot.Archive.Visits.GetAsync(yesterday.CustomerNumber, yesterday.SubmissionId));
    }

    [Fact]
    public async Task A_refused_correction_keeps_the_typed_values_and_a_redelivered_save_corrects_once()
    {
        var (bot, _, yesterday) = await StartAsync();
        await using var _1 = bot;
        var form = await OpenFormAsync(bot, Demo.LiNa, yesterday);

        var refused = (await SaveAsync(bot, Demo.LiNa, form, ("notes", ""), ("problems", "Typed and kept"), ("correctionReason", "")))
            .InvokeCard!;
        Assert.Equal("Typed and kept", (string?)CardInputs.Values(refused)["problems"]);
        Assert.Empty(await bot.Archive.Visits.HistoryAsync(yesterday.CustomerNumber, yesterday.Id));

        var press = Activities.CardAction(bot.ServiceUrl, Demo.LiNa, "visit.correct.save",
            Pressing(refused, "visit.correct.save", ("notes", "Met Wang"), ("correctionReason", "Notes were empty")));
        var first = await bot.PostAsync(press);
        bot.Clock.Advance(TimeSpan.FromMinutes(11));   // past the host's redelivery memory: the archive's submission id decides
        var late = await bot.PostAsync(press);

        Assert.Contains("Visit report corrected", Read(first));
        Assert.Contains("This correction was saved already", Read(late));
        Assert.Single(await bot.Archive.Visits.HistoryAsync(yesterday.CustomerNumber, yesterday.Id));
        Assert.Equal(1, (await bot.Archive.Visits.GetAsync(yesterday.CustomerNumber, yesterday.SubmissionId))!.Revision);
    }
}
