using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Briefs;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Tests.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// One daily digest instead of separate personal reminders, on a fake clock through the real scheduler: Zhang Wei chooses it
/// (<c>reminders me digest on</c>) and on Wednesday gets one card at 08:00 — his follow-up, the approval waiting for him, his
/// visit planned today with the brief a press away — and neither the 07:30 brief nor the 08:30 approvals card; Li Na and Wang
/// Fang, who did not choose it, get theirs as before. Turned off, his reminders come separately again.
/// </summary>
public sealed class DailyDigestTests
{
    static readonly DateTimeOffset WednesdaySeven = new(2026, 11, 25, 7, 0, 0, TimeSpan.FromHours(8));   // the follow-ups' day (VisitSeeds.Visit)
    static string Chat(DemoPerson p) => $"/v3/conversations/{Demo.PersonalChat(p)}/activities";

    static async Task<TestBot> StartAsync()
    {
        var bot = await TestBot.StartAsync(now: WednesdaySeven, settings: new Dictionary<string, string?> { ["Reminders:TimeZone"] = "Asia/Shanghai" });
        foreach (var p in new[] { Demo.LiNa, Demo.ZhangWei, Demo.WangFang })
            await bot.Archive.Conversations.SaveUserAsync(new UserRef(p.AadObjectId, p.TeamsId, p.Name, Demo.TenantId, bot.ServiceUrl.ToString(),
                Demo.PersonalChat(p), Locale: "en-US", TimeZone: "Asia/Shanghai"));
        var huadong = await VisitSeeds.ActiveAsync(bot.Archive.Customers, "Huadong Precision", Demo.LiNa);
        var steel = await VisitSeeds.ActiveAsync(bot.Archive.Customers, "Nanjing Steel Works", Demo.ZhangWei);
        await bot.Archive.Visits.AddOnceAsync(VisitSeeds.Visit(huadong, "2026-11-18T10:00:00", Demo.LiNa, nextAction: "Send the quote"));
        await bot.Archive.Visits.AddOnceAsync(VisitSeeds.Visit(steel, "2026-11-18T15:00:00", Demo.ZhangWei, nextAction: "Call the buyer back"));
        await bot.Archive.Approvals.CreateAsync(new Approval
        {
            Id = "ap-1", Kind = ApprovalKind.NewFile, Subject = "C-2026-00009", SubjectName = "Suzhou Optics", RequesterAadObjectId = Demo.TomBecker.AadObjectId,
            ApproverAadObjectIds = [Demo.ZhangWei.AadObjectId, Demo.WangFang.AadObjectId], CreatedAt = WednesdaySeven.AddDays(-1), RequestKey = "new:C-2026-00009",
        });
        var week = IsoWeek.Of(new DateOnly(2026, 11, 25));
        await bot.Archive.Visits.SavePlanAsync(new VisitPlan
        {
            Id = "plan-zw", RepAadObjectId = Demo.ZhangWei.AadObjectId, Week = week, Status = VisitPlanStatus.Submitted, SubmissionId = "s-zw",
            SubmittedAt = WednesdaySeven.AddDays(-3),
            Items = [new VisitPlanItem("i1", steel.Number, steel.Category, VisitPurpose.Negotiation, new DateOnly(2026, 11, 25), new TimeOnly(10, 0), null, null, steel.Name)],
        });
        return bot;
    }

    static async Task ScanAt(TestBot bot, int hour, int minute)
    {
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, hour, minute, 0, TimeSpan.FromHours(8)));
        await bot.Services.GetRequiredService<BriefScheduler>().ScanAsync(default);
        await bot.Services.GetRequiredService<ReminderScheduler>().ScanAsync(default);
    }

    static List<JsonObject> Cards(TestBot bot, DemoPerson p) =>
        [.. bot.Connector.Calls.Where(c => c.Method == "POST" && c.Path == Chat(p) && c.Card is not null).Select(c => c.Card!)];

    static string Texts(JsonNode card) => Approvals.NewFileApproval.Shown(card);

    [Fact]
    public async Task Who_chose_the_digest_gets_one_card_at_eight_and_nothing_else_others_get_theirs_as_before()
    {
        await using var bot = await StartAsync();
        var chose = await bot.Say(Demo.ZhangWei, "reminders me digest on");
        Assert.StartsWith("Saved: you get one daily digest at 08:00 (Asia/Shanghai)", (string)chose.Calls.Single().Body!["text"]!, StringComparison.Ordinal);
        await ScanAt(bot, 7, 1);   // the scheduler's first scan learns its window
        bot.Connector.Clear();

        await ScanAt(bot, 7, 30);   // the brief's time: Zhang Wei plans a visit today, but it is in his digest
        Assert.Empty(Cards(bot, Demo.ZhangWei));

        await ScanAt(bot, 8, 0);
        var digest = Texts(Assert.Single(Cards(bot, Demo.ZhangWei)));
        Assert.Contains("Your day: Wed 25 Nov", digest, StringComparison.Ordinal);
        Assert.Contains("Visits planned today: 1", digest, StringComparison.Ordinal);
        Assert.Contains("Call the buyer back", digest, StringComparison.Ordinal);
        Assert.Contains("Suzhou Optics", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Mute this kind", digest, StringComparison.Ordinal);
        Assert.Contains("Send the quote", Texts(Assert.Single(Cards(bot, Demo.LiNa))), StringComparison.Ordinal);   // her follow-ups card
        Assert.Empty(Cards(bot, Demo.WangFang));

        await ScanAt(bot, 8, 30);
        Assert.Contains("Suzhou Optics", Texts(Assert.Single(Cards(bot, Demo.WangFang))), StringComparison.Ordinal);
        Assert.Single(Cards(bot, Demo.ZhangWei));   // the approvals card passes him by: it was in his digest

        // The digest's "Today's brief": the brief, as if he had typed it.
        var brief = await bot.Press(Demo.ZhangWei, PersonalReminderCards.BriefVerb, []);
        Assert.Contains("Nanjing Steel Works", Texts(brief.Calls.Single().Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turned_off_the_reminders_come_separately_again()
    {
        await using var bot = await StartAsync();
        await bot.Say(Demo.ZhangWei, "reminders me digest on");
        var off = await bot.Say(Demo.ZhangWei, "我的提醒 汇总 关", "zh-CN");
        Assert.Equal("已保存：个人提醒重新分开发送，早间简报按时发送。", (string)off.Calls.Single().Body!["text"]!);
        var shown = await bot.Say(Demo.ZhangWei, "reminders me");
        Assert.Contains("Daily digest: off.", (string)shown.Calls.Single().Body!["text"]!, StringComparison.Ordinal);
        await ScanAt(bot, 7, 1);
        bot.Connector.Clear();

        await ScanAt(bot, 7, 30);
        await ScanAt(bot, 8, 0);
        await ScanAt(bot, 8, 30);

        var cards = Cards(bot, Demo.ZhangWei).Select(Texts).ToList();
        Assert.Equal(3, cards.Count);   // the brief, his follow-up, the approval waiting
        Assert.Contains(cards, c => c.Contains("Call the buyer back", StringComparison.Ordinal) && !c.Contains("Suzhou Optics", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("Suzhou Optics", StringComparison.Ordinal) && !c.Contains("Call the buyer back", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reminders me digest maybe")]
    [InlineData("reminders me digest")]
    public async Task A_digest_word_it_does_not_know_changes_nothing_and_says_how(string text)
    {
        await using var bot = await StartAsync();
        var reply = await bot.Say(Demo.ZhangWei, text);
        Assert.Contains("`reminders me digest on` or `off`", (string)reply.Calls.Single().Body!["text"]!, StringComparison.Ordinal);
        Assert.False((await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!.Settings?.Digest ?? false);
    }

    [Fact]
    public async Task Where_the_follow_ups_are_off_the_digest_cannot_be_chosen()
    {
        await using var bot = await TestBot.StartAsync(now: WednesdaySeven, settings: new Dictionary<string, string?> { ["Reminders:Personal:FollowUps"] = "off" });
        var reply = await bot.Say(Demo.ZhangWei, "reminders me digest on");
        Assert.Contains("Nothing was changed", (string)reply.Calls.Single().Body!["text"]!, StringComparison.Ordinal);
        Assert.False((await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!.Settings?.Digest ?? false);
    }
}
