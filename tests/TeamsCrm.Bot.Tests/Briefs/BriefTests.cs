using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Features.Briefs;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Briefs.BriefDay;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Briefs;

/// <summary>
/// The morning brief through the real pipeline, on Li Na's Monday (<see cref="BriefDay"/>): on demand in both languages
/// (transcripts), at her time on the fake clock once across two instances, her own time and off, one customer's brief, and
/// Log this visit opening the visit card prefilled from the plan.
/// </summary>
public sealed class BriefTests
{
    static async Task<(TestBot Bot, Seeded Seeded)> MondayAsync(DateTimeOffset? at = null)
    {
        var bot = await TestBot.StartAsync(now: at ?? MondaySeven);
        var seeded = await SeedAsync(bot.Archive, bot.Clock.GetUtcNow());
        return (bot, seeded);
    }

    static string Shown(JsonNode? card) => System.Text.RegularExpressions.Regex.Unescape(card?.ToJsonString() ?? "");

    [Theory]
    [InlineData("en-US", "brief", "brief.en")]
    [InlineData("zh-CN", "今日简报", "brief.zh-CN")]
    public async Task The_brief_lists_todays_visits_in_time_order_with_what_to_know(string locale, string command, string transcript)
    {
        var (bot, _) = await MondayAsync();
        await using var _bot = bot;
        await Transcript.VerifyAsync(transcript, bot, Message(bot.ServiceUrl, Demo.LiNa, command, locale));
    }

    [Fact]
    public async Task The_brief_says_what_matters_for_each_visit_and_leaves_another_reps_file_to_Open()
    {
        var (bot, s) = await MondayAsync();
        await using var _bot = bot;

        var card = (await bot.Say(Demo.LiNa, "brief")).Calls.Single().Card!;
        var text = Shown(card);

        // In time order: 09:30 Nanjing, 14:00 Huadong, then the untimed one; Tuesday's visit is not today's.
        Assert.True(text.IndexOf("09:30 · 南京恒信物流", StringComparison.Ordinal) < text.IndexOf("14:00 · 苏州华东精密", StringComparison.Ordinal));
        Assert.True(text.IndexOf("14:00 · 苏州华东精密", StringComparison.Ordinal) < text.IndexOf("杭州博远电子科技有限公司 · ", StringComparison.Ordinal));
        Assert.Contains("3 planned", text, StringComparison.Ordinal);
        Assert.Contains("Important · Quality", text, StringComparison.Ordinal);
        Assert.Contains("rating A, limit 200,000.00", text, StringComparison.Ordinal);
        // 80,000 + 40,000 owed, 50,000 repaid against the oldest: 30,000 of September's debt is overdue, November's is within its term.
        Assert.Contains("70,000.00 outstanding, 30,000.00 overdue", text, StringComparison.Ordinal);
        Assert.Contains("10 days ago", text, StringComparison.Ordinal);   // 27 November
        Assert.True(text.IndexOf("王建国", StringComparison.Ordinal) < text.IndexOf("周敏", StringComparison.Ordinal)
            && text.IndexOf("周敏", StringComparison.Ordinal) < text.IndexOf("刘静", StringComparison.Ordinal));   // decision maker, inside contact, then the rest
        Assert.Contains("Promised at the last visit and overdue: Send the trial contract (was due 2026-12-04)", text, StringComparison.Ordinal);
        Assert.Contains("Open complaint from 2026-11-20: 两台设备交付延迟", text, StringComparison.Ordinal);
        Assert.DoesNotContain("包装破损", text, StringComparison.Ordinal);   // handled
        Assert.Contains("not visited yet", text, StringComparison.Ordinal);   // Nanjing
        Assert.Contains("not yours", text, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Toms.Number + "\",\"purpose", text, StringComparison.Ordinal);   // no Log this visit on Tom's file

        // Three visits of Huadong, newest first: the withdrawn-free latest three.
        Assert.Contains("\"11-27\"", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"11-27\"", StringComparison.Ordinal) < text.IndexOf("\"11-16\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Log_this_visit_opens_the_visit_card_with_the_plans_customer_purpose_and_contact()
    {
        var (bot, s) = await MondayAsync();
        await using var _bot = bot;
        var card = (await bot.Say(Demo.LiNa, "brief")).Calls.Single().Card!;
        var log = Buttons(card).First(b => (string?)b["data"]?["number"] == s.Huadong.Number && (string?)b["verb"] == "visit.form");

        var form = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.form", log["data"]!.DeepClone().AsObject()))).InvokeCard!;

        var values = CardInputs.Values(form);
        Assert.Equal((s.Huadong.Number, "Negotiation", "王建国"),
            ((string?)values["customerNumber"], (string?)values["purpose"], (string?)(values["contact"] ?? values["contactName"])));
    }

    [Fact]
    public async Task At_her_time_she_gets_the_brief_once_across_two_instances_and_a_rep_with_nothing_planned_gets_none()
    {
        var (bot, _) = await MondayAsync(MondaySeven.AddHours(-10));   // Sunday evening: she talks to the bot (her zone, her chat)
        await using var _bot = bot;
        await bot.Say(Demo.LiNa, "hello");
        await bot.Say(Demo.TomBecker, "hello");
        var first = bot.Services.GetRequiredService<BriefScheduler>();
        var second = ActivatorUtilities.CreateInstance<BriefScheduler>(bot.Services);
        bot.Connector.Clear();

        bot.Clock.SetUtcNow(MondaySeven.AddMinutes(29));   // 07:29
        Assert.Equal(0, await first.ScanAsync(default));
        bot.Clock.SetUtcNow(MondaySeven.AddMinutes(30));   // 07:30
        var sent = await Task.WhenAll(first.ScanAsync(default), second.ScanAsync(default));
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await first.ScanAsync(default));
        Assert.Equal(0, await second.ScanAsync(default));

        var post = Assert.Single(bot.Connector.Calls, c => c.Method == "POST" && c.Card is not null);
        Assert.Equal($"/v3/conversations/{Demo.PersonalChat(Demo.LiNa)}/activities", post.Path);
        Assert.Contains("14:00 · 苏州华东精密", Shown(post.Card), StringComparison.Ordinal);
        // Tuesday 07:30: her Tuesday visit (Tom has no plan at all).
        bot.Connector.Clear();
        bot.Clock.SetUtcNow(MondaySeven.AddDays(1).AddMinutes(30));
        Assert.Equal(1, await first.ScanAsync(default));
        Assert.Contains("1 planned", Shown(Assert.Single(bot.Connector.Calls, c => c.Card is not null).Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Her_own_time_off_and_back_to_the_usual_kept_with_her()
    {
        var (bot, _) = await MondayAsync(MondaySeven.AddHours(-10));
        await using var _bot = bot;
        var scheduler = bot.Services.GetRequiredService<BriefScheduler>();

        Assert.Contains("your brief comes at 06:45 (Asia/Shanghai)", Text(await bot.Say(Demo.LiNa, "brief 6:45")), StringComparison.Ordinal);
        Assert.Equal("06:45", (await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))!.Brief);
        bot.Clock.SetUtcNow(MondaySeven.AddMinutes(-15));   // 06:45
        Assert.Equal(1, await scheduler.ScanAsync(default));

        Assert.Contains("已关闭晨间简报", Text(await bot.Say(Demo.LiNa, "今日简报 关闭", "zh-CN")), StringComparison.Ordinal);
        Assert.Equal(BriefTimes.Off, (await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))!.Brief);
        bot.Clock.SetUtcNow(MondaySeven.AddDays(1).AddHours(1));   // Tuesday 08:00
        Assert.Equal(0, await scheduler.ScanAsync(default));

        Assert.Contains("07:30", Text(await bot.Say(Demo.LiNa, "brief auto")), StringComparison.Ordinal);
        Assert.Null((await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))!.Brief);
        Assert.Equal(1, await scheduler.ScanAsync(default));   // Tuesday's, now that it comes at 07:30 again
        Assert.Contains("`brief 7:00` sets", Text(await bot.Say(Demo.LiNa, "brief at noon")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_customers_brief_for_its_owner_only()
    {
        var (bot, s) = await MondayAsync();
        await using var _bot = bot;

        var own = (await bot.Say(Demo.LiNa, $"brief {s.Huadong.Number}")).Calls.Single().Card!;
        Assert.Contains("Before you visit 苏州华东精密机械有限公司", Shown(own), StringComparison.Ordinal);
        Assert.Contains("Log a visit", Shown(own), StringComparison.Ordinal);
        Assert.Contains("the brief is for the owner", Text(await bot.Say(Demo.LiNa, $"brief {s.Toms.Number}")), StringComparison.Ordinal);
        Assert.Contains("the brief is for the owner", Text(await bot.Say(Demo.TomBecker, $"brief {s.Huadong.Number}")), StringComparison.Ordinal);
        Assert.Contains("no such customer file", Text(await bot.Say(Demo.LiNa, "brief C-2026-99999")), StringComparison.Ordinal);
        Assert.Contains("No visits planned", Text(await bot.Say(Demo.TomBecker, "brief")), StringComparison.Ordinal);
    }

    static string Text(TurnResult turn) => Shown(turn.Calls.Single().Body);

    static IEnumerable<JsonObject> Buttons(JsonNode node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o, .. o.SelectMany(p => p.Value is null ? [] : Buttons(p.Value))],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Buttons(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Buttons(n)),
        _ => [],
    };
}

public sealed class BriefSizeTests
{
    /// <summary>Teams refuses a message over about 28 KB: the fullest brief (the most visits, long texts) stays below it.</summary>
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public void The_fullest_brief_fits_in_a_Teams_message(string locale)
    {
        var card = Cards.CardCatalog.All().Single(c => c.Name == $"brief.day.{(locale == "en-US" ? "en" : locale)}").Card;
        var bytes = System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString());
        Assert.True(bytes <= BriefCards.MaxBytes, $"{bytes} bytes");
        // Ten sections of long texts do not all fit: the ones left are named as more (12 planned), not cut off silently.
        var shown = card["body"]!.AsArray().Count(e => System.Text.RegularExpressions.Regex.IsMatch((string?)e!["text"] ?? "", @" · C-2026-\d{5}$"));
        Assert.InRange(shown, 6, 9);
        Assert.Contains($"{12 - shown} ", (string?)card["body"]!.AsArray()[^1]!["text"], StringComparison.Ordinal);
    }
}
