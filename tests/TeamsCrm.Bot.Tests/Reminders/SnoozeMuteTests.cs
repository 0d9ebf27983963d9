using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// The buttons on a personal reminder, through the real pipeline on a fake clock: Snooze 1 hour brings the approvals digest
/// back an hour later, once, though two instances scan; Tomorrow morning on a Friday means Monday's; Mute this kind stops it
/// for that person alone until they turn it back on (on the card, or with <c>reminders me unmute</c>); a forged kind or an
/// old occurrence changes nothing.
/// </summary>
public sealed class SnoozeMuteTests
{
    static readonly DemoPerson[] Approvers = [Demo.ZhangWei, Demo.WangFang];
    static readonly DateTimeOffset MondayEight30 = new(2026, 11, 30, 8, 30, 0, TimeSpan.FromHours(8));
    static string Chat(DemoPerson p) => $"/v3/conversations/{Demo.PersonalChat(p)}/activities";

    /// <summary>The approvals digest just sent (Monday 08:30 Shanghai) to two approvers of one waiting request.</summary>
    static async Task<TestBot> DigestSentAsync(DateTimeOffset at, string locale = "en-US")
    {
        var bot = await DigestSeeds.StartAsync(at.AddMinutes(-1), [.. Approvers.Select(p => (p, (string?)null))], locale);
        await Scheduler(bot).ScanAsync(default);
        bot.Clock.SetUtcNow(at);
        Assert.Equal(1, (await Scheduler(bot).ScanAsync(default)).Sent);
        return bot;
    }

    static ReminderScheduler Scheduler(TestBot bot) => bot.Services.GetRequiredService<ReminderScheduler>();

    static List<ConnectorCall> Posts(TestBot bot, DemoPerson p) => [.. bot.Connector.Calls.Where(c => c.Method == "POST" && c.Path == Chat(p))];

    /// <summary>The verb and data of the button titled <paramref name="title"/> on the card.</summary>
    static (string Verb, JsonObject Data) Button(JsonObject card, string title)
    {
        var action = card["actions"]!.AsArray().Select(a => a!.AsObject()).Single(a => (string?)a["title"] == title);
        return ((string)action["verb"]!, action["data"]!.DeepClone().AsObject());
    }

    [Theory]
    [InlineData("en-US", "Snooze 1 hour")]
    [InlineData("zh-CN", "1 小时后提醒")]
    public async Task Snoozed_for_an_hour_the_digest_comes_back_once_an_hour_later(string locale, string snooze)
    {
        await using var bot = await DigestSentAsync(MondayEight30, locale);
        var (verb, data) = Button(Posts(bot, Demo.ZhangWei).Single().Card!, snooze);
        bot.Clock.Advance(TimeSpan.FromMinutes(5));

        await Transcript.VerifyAsync($"reminders.snooze.{locale}", bot, CardAction(bot.ServiceUrl, Demo.ZhangWei, verb, data, locale));
        var other = ActivatorUtilities.CreateInstance<ReminderScheduler>(bot.Services);
        await other.ScanAsync(default);   // learns the window

        bot.Connector.Clear();
        bot.Clock.Advance(TimeSpan.FromMinutes(59));   // 09:34: not yet
        await Task.WhenAll(Scheduler(bot).ScanAsync(default), other.ScanAsync(default));
        Assert.Empty(bot.Connector.Calls);
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(Scheduler(bot).ScanAsync(default), other.ScanAsync(default));
        await Task.WhenAll(Scheduler(bot).ScanAsync(default), other.ScanAsync(default));
        var again = Assert.Single(bot.Connector.Calls);
        Assert.Equal(("POST", Chat(Demo.ZhangWei)), (again.Method, again.Path));
        Assert.Contains("Huadong Precision", again.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Reminders.SnoozesDueAsync(bot.Clock.GetUtcNow().AddDays(2)));
    }

    [Fact]
    public async Task Tomorrow_morning_on_a_Friday_is_Mondays_end_of_the_night()
    {
        var friday = MondayEight30.AddDays(-3);
        await using var bot = await DigestSentAsync(friday);
        var (verb, data) = Button(Posts(bot, Demo.ZhangWei).Single().Card!, "Tomorrow morning");
        var reply = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.ZhangWei, verb, data));
        Assert.Contains("Mon 30 Nov 08:00", reply.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        var kept = Assert.Single(await bot.Archive.Reminders.SnoozesDueAsync(MondayEight30));
        Assert.Equal((ReminderKind.ApprovalDigest, MondayEight30.AddMinutes(-30)), (kept.Kind, kept.DueAt));
    }

    [Fact]
    public async Task Muted_it_stops_for_that_person_alone_until_they_turn_it_back_on()
    {
        await using var bot = await DigestSentAsync(MondayEight30);
        var (verb, data) = Button(Posts(bot, Demo.WangFang).Single().Card!, "Mute this kind");
        await Transcript.VerifyAsync("reminders.mute", bot,
            CardAction(bot.ServiceUrl, Demo.WangFang, verb, data),
            Message(bot.ServiceUrl, Demo.WangFang, "reminders me"));

        bot.Connector.Clear();
        bot.Clock.Advance(TimeSpan.FromDays(1));   // Tuesday's digest
        await Scheduler(bot).ScanAsync(default);
        Assert.Equal([Chat(Demo.ZhangWei)], bot.Connector.Calls.Where(c => c.Method == "POST").Select(c => c.Path));

        await Transcript.VerifyAsync("reminders.unmute", bot, Message(bot.ServiceUrl, Demo.WangFang, "reminders me unmute"));
        bot.Connector.Clear();
        bot.Clock.Advance(TimeSpan.FromDays(1));   // Wednesday's
        await Scheduler(bot).ScanAsync(default);
        Assert.Equal([Chat(Demo.WangFang), Chat(Demo.ZhangWei)], bot.Connector.Calls.Where(c => c.Method == "POST").Select(c => c.Path).Order());
    }

    [Theory]
    [InlineData("WeeklyPlan", "2026-11-30T00:30:00Z")]        // a channel's kind: not the presser's to mute or snooze
    [InlineData("ApprovalDigest", "2026-11-20T00:30:00Z")]    // too old
    [InlineData("ApprovalDigest", "2026-12-30T00:30:00Z")]    // not yet
    [InlineData("Nonsense", "2026-11-30T00:30:00Z")]
    public async Task A_forged_kind_or_an_old_occurrence_changes_nothing(string kind, string occurrence)
    {
        await using var bot = await DigestSentAsync(MondayEight30);
        var snooze = new JsonObject { ["kind"] = kind, ["occurrence"] = occurrence, ["until"] = "hour" };
        Assert.Equal(200, (await bot.Press(Demo.ZhangWei, "reminders.snooze", snooze)).Status);
        Assert.Equal(200, (await bot.Press(Demo.ZhangWei, "reminders.mute", new JsonObject { ["kind"] = kind })).Status);
        Assert.Empty(await bot.Archive.Reminders.SnoozesDueAsync(MondayEight30.AddDays(60)));
        var muted = (await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!.Settings?.Muted ?? [];
        Assert.Equal(kind == "ApprovalDigest" ? ["ApprovalDigest"] : [], muted);
    }
}
