using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// Quiet hours (default 20:00–08:00 and weekends, in each person's zone) on a fake clock: the end of a quiet time across a
/// weekend, a DST week and a change of zone; the approvals digest over a weekend reaches nobody until Monday; one for someone
/// in Berlin waits for their morning and is sent once though two instances scan; an approval's reminder waits for the end of
/// its approver's quiet time but never past the deadline; <c>reminders me</c> shows and changes one's own.
/// </summary>
public sealed class QuietHoursTests
{
    static readonly TimeZoneInfo Shanghai = LocalCalendar.FindZone("Asia/Shanghai")!;

    [Theory]
    [InlineData("Asia/Shanghai", "2026-11-25T10:00:00+08:00", null)]                          // a working Wednesday morning
    [InlineData("Asia/Shanghai", "2026-11-25T08:00:00+08:00", null)]                          // the end itself is not quiet
    [InlineData("Asia/Shanghai", "2026-11-25T23:00:00+08:00", "2026-11-26T08:00:00+08:00")]   // a night
    [InlineData("Asia/Shanghai", "2026-11-26T07:59:00+08:00", "2026-11-26T08:00:00+08:00")]
    [InlineData("Asia/Shanghai", "2026-11-27T21:00:00+08:00", "2026-11-30T08:00:00+08:00")]   // Friday night runs into the weekend
    [InlineData("Asia/Shanghai", "2026-11-29T19:00:00+08:00", "2026-11-30T08:00:00+08:00")]   // Sunday evening
    [InlineData("America/New_York", "2026-03-07T12:00:00-05:00", "2026-03-09T08:00:00-04:00")]   // the weekend clocks spring forward
    [InlineData("Europe/Berlin", "2026-10-24T10:00:00+02:00", "2026-10-26T08:00:00+01:00")]      // the weekend they fall back
    [InlineData("America/New_York", "2026-11-25T01:00:00+00:00", "2026-11-25T08:00:00-05:00")]   // 09:00 in Shanghai is 20:00 the day before here
    public void The_quiet_time_ends_at_the_next_morning_outside_the_weekend_in_the_persons_zone(string zone, string at, string? ends) =>
        Assert.Equal(ends is null ? null : DateTimeOffset.Parse(ends),
            QuietHours.Default.EndsAfter(DateTimeOffset.Parse(at), LocalCalendar.FindZone(zone)!));

    [Fact]
    public void Chosen_hours_a_daytime_window_and_none()
    {
        var lateNights = new QuietHours(new TimeOnly(21, 0), new TimeOnly(7, 0), Weekends: false);
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T07:00:00+08:00"), lateNights.EndsAfter(DateTimeOffset.Parse("2026-11-28T22:00:00+08:00"), Shanghai));
        Assert.Null(lateNights.EndsAfter(DateTimeOffset.Parse("2026-11-28T20:30:00+08:00"), Shanghai));   // a Saturday evening: weekends off
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 30), Weekends: false);
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T13:30:00+08:00"), lunch.EndsAfter(DateTimeOffset.Parse("2026-11-25T12:10:00+08:00"), Shanghai));
        Assert.Null(lunch.EndsAfter(DateTimeOffset.Parse("2026-11-25T23:00:00+08:00"), Shanghai));
        Assert.Null(QuietHours.None.EndsAfter(DateTimeOffset.Parse("2026-11-29T03:00:00+08:00"), Shanghai));
    }

    static readonly DemoPerson[] Approvers = [Demo.ZhangWei, Demo.WangFang, Demo.ChenJie];
    static readonly DateTimeOffset SaturdayMorning = new(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset MondayEight30 = new(2026, 11, 30, 8, 30, 0, TimeSpan.FromHours(8));

    /// <summary>The approvals digest alone (08:30 Shanghai), one request waiting for three approvers; <paramref name="zones"/> says where each is.</summary>
    static Task<TestBot> DigestAsync(DateTimeOffset start, params string?[] zones) =>
        DigestSeeds.StartAsync(start, [.. Approvers.Select((p, i) => (p, zones.ElementAtOrDefault(i)))]);

    static List<string> PersonalPosts(TestBot bot) =>
        [.. bot.Connector.Calls.Where(c => c.Method == "POST" && c.Path.StartsWith("/v3/conversations/a:personal-", StringComparison.Ordinal)).Select(c => c.Path)];

    [Fact]
    public async Task Over_the_weekend_Sunday_evening_included_nobody_gets_a_personal_reminder_and_on_Monday_everyone_gets_one()
    {
        await using var bot = await DigestAsync(SaturdayMorning);
        var scheduler = bot.Services.GetRequiredService<ReminderScheduler>();
        for (var at = SaturdayMorning; at < MondayEight30; at = at.AddHours(1))
        {
            bot.Clock.SetUtcNow(at);
            Assert.Equal(0, (await scheduler.ScanAsync(default)).Waiting);   // dropped, not held: Monday's digest says the same
        }
        Assert.Empty(PersonalPosts(bot));
        // Sunday's is recorded for each of them as done, with nothing sent: no scan holds it or sends it later.
        Assert.Equal(Approvers.Select(p => p.AadObjectId).Order(), (await bot.Archive.Reminders.SentToAsync("personal|ApprovalDigest|2026-11-29T00:30Z")).Order());

        bot.Clock.SetUtcNow(MondayEight30);
        Assert.Equal(1, (await scheduler.ScanAsync(default)).Sent);
        Assert.Equal(Approvers.Select(p => $"/v3/conversations/{Demo.PersonalChat(p)}/activities").Order(), PersonalPosts(bot).Order());
    }

    [Fact]
    public async Task Someone_in_Berlin_gets_the_digest_at_the_end_of_their_night_once_though_two_instances_scan()
    {
        var mondayNight = MondayEight30.AddMinutes(-1);   // 08:30 Shanghai is 01:30 in Berlin
        await using var bot = await DigestAsync(mondayNight, null, "Europe/Berlin", null);
        var first = bot.Services.GetRequiredService<ReminderScheduler>();
        var second = ActivatorUtilities.CreateInstance<ReminderScheduler>(bot.Services);
        await Task.WhenAll(first.ScanAsync(default), second.ScanAsync(default));

        bot.Clock.SetUtcNow(MondayEight30);
        var scans = await Task.WhenAll(first.ScanAsync(default), second.ScanAsync(default));
        Assert.Equal(1, scans.Sum(s => s.Waiting));
        Assert.Equal([$"/v3/conversations/{Demo.PersonalChat(Demo.ChenJie)}/activities", $"/v3/conversations/{Demo.PersonalChat(Demo.ZhangWei)}/activities"],
            PersonalPosts(bot).Order());

        var berlinEight = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(1));
        bot.Clock.SetUtcNow(berlinEight.AddMinutes(-1));
        await Task.WhenAll(first.ScanAsync(default), second.ScanAsync(default));
        Assert.Equal(2, PersonalPosts(bot).Count);   // still her night

        bot.Clock.SetUtcNow(berlinEight.AddSeconds(30));
        scans = await Task.WhenAll(first.ScanAsync(default), second.ScanAsync(default));
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        scans = [.. scans, .. await Task.WhenAll(first.ScanAsync(default), second.ScanAsync(default))];
        Assert.Equal(1, scans.Sum(s => s.Sent));
        Assert.Single(PersonalPosts(bot), p => p == $"/v3/conversations/{Demo.PersonalChat(Demo.WangFang)}/activities");
        Assert.Equal(3, PersonalPosts(bot).Count);
    }

    static readonly DateTimeOffset FridayFive = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset MondayNine = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("08:00-12:00", "2026-11-30T12:00:00+08:00")]   // the reminder waits till noon
    [InlineData("08:00-18:00", "2026-11-30T17:00:00+08:00")]   // quiet past the deadline: no reminder, the deadline comes anyway
    public async Task An_approval_reminder_waits_for_the_approvers_quiet_hours_to_end_but_never_past_the_deadline(string quiet, string remindAt)
    {
        await using var bot = await TestBot.StartAsync(now: FridayFive, settings: new Dictionary<string, string?> { ["Reminders:TimeZone"] = "Asia/Shanghai" });
        await bot.Say(Demo.WangFang, "help");
        Assert.Contains($"Saved. Your quiet hours: {quiet.Replace('-', '–')} and weekends (Asia/Shanghai).",
            (string?)(await bot.Say(Demo.ZhangWei, "reminders me quiet " + quiet)).Calls.Single().Body?["text"], StringComparison.Ordinal);
        var request = await FileAsync(bot);
        var desk = bot.Services.GetRequiredService<ApprovalDesk>();

        bot.Clock.SetUtcNow(MondayNine);
        bot.Connector.Clear();
        Assert.Equal(0, await desk.SweepDeadlinesAsync(default));
        Assert.Empty(bot.Connector.Calls);
        var waiting = (await bot.Archive.Approvals.GetAsync(request.Id))!.Routing;
        Assert.Equal((DateTimeOffset.Parse(remindAt), request.Routing.DueAt), (waiting.RemindAt, waiting.DueAt));   // the deadline stays

        bot.Clock.SetUtcNow(DateTimeOffset.Parse(remindAt));
        Assert.Equal(1, await desk.SweepDeadlinesAsync(default));
        var card = Assert.Single(bot.Connector.Calls, c => c.Method == "POST" && c.Card is not null);
        Assert.Equal($"/v3/conversations/{Demo.PersonalChat(remindAt.StartsWith("2026-11-30T12", StringComparison.Ordinal) ? Demo.ZhangWei : Demo.WangFang)}/activities",
            card.Path);   // at noon his reminder; at 17:00 the escalation to Wang Fang
    }

    [Theory]
    [InlineData("en-US", "reminders me", "Your quiet hours: 20:00–08:00 and weekends (Asia/Shanghai).")]
    [InlineData("en-US", "reminders me quiet 21:30-7:00", "Saved. Your quiet hours: 21:30–07:00 and weekends")]
    [InlineData("en-US", "reminders me weekends off", "Saved. Your quiet hours: 20:00–08:00 (Asia/Shanghai)")]
    [InlineData("en-US", "reminders me quiet off", "Saved. Your quiet hours: none")]
    [InlineData("en-US", "reminders me quiet after dinner", "“after dinner” is not a time range")]
    [InlineData("en-US", "reminders me louder", "Type `reminders me` to see your quiet hours")]
    [InlineData("zh-CN", "我的提醒", "您的免打扰时间：20:00–08:00 及周末（Asia/Shanghai）")]
    [InlineData("zh-CN", "我的提醒 免打扰 22:00至06:30", "已保存。您的免打扰时间：22:00–06:30 及周末")]
    [InlineData("zh-CN", "我的提醒 周末 关", "已保存。您的免打扰时间：20:00–08:00（")]
    public async Task Reminders_me_shows_and_changes_ones_own_quiet_hours(string locale, string text, string said)
    {
        await using var bot = await TestBot.StartAsync();
        var reply = await bot.Say(Demo.LiNa, text, locale);
        Assert.Contains(said, (string?)reply.Calls.Single().Body?["text"], StringComparison.Ordinal);
        var kept = (await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))!.Settings?.Quiet;
        Assert.Equal(said.Contains("Saved", StringComparison.Ordinal) || said.Contains("已保存", StringComparison.Ordinal), kept is not null);
    }

    [Fact]
    public async Task Typed_in_a_channel_ones_own_settings_go_to_ones_own_chat_and_the_channel_gets_only_a_note()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Say(Demo.LiNa, "help");   // she has a 1:1 chat
        var message = Activities.Message(bot.ServiceUrl, Demo.LiNa, "<at>TeamsCrm</at> reminders me",
            conversationId: Demo.TeamChannel + ";messageid=1700000000000", conversationType: "channel");
        message["entities"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>TeamsCrm</at>",
            ["mentioned"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Demo.BotId, ["name"] = "TeamsCrm" },
        });
        var turn = await bot.PostAsync(message);
        var inChannel = turn.Calls.Where(c => c.Path.Contains(Demo.TeamChannel, StringComparison.Ordinal)).Select(c => c.Body?.ToJsonString() ?? "").ToList();
        var inChat = turn.Calls.Where(c => c.Path.Contains(Demo.PersonalChat(Demo.LiNa), StringComparison.Ordinal)).Select(c => (string?)c.Body?["text"] ?? "");
        Assert.NotEmpty(inChannel);
        Assert.All(inChannel, body => Assert.DoesNotContain("quiet hours: 20:00", body, StringComparison.Ordinal));
        Assert.Contains(inChat, text => text.Contains("Your quiet hours: 20:00–08:00 and weekends", StringComparison.Ordinal));
    }
}
