using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// The scheduler through the real bot: the team installed (channel registry), its reminders set, the fake clock moved to
/// the occurrence, scans run by hand. Two instances racing post once; a fan-out cut short is resumed by another
/// instance after the lease with no repeats; an occurrence 11 hours old is sent late, one 13 hours old is skipped.
/// </summary>
public sealed class SchedulerTests
{
    // Monday 23 November 2026, 09:00 in Shanghai.
    internal static readonly DateTimeOffset MondayNine = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    internal const string Reminders = "19:reminders@thread.tacv2";

    internal static async Task<TestBot> InstalledAsync(DateTimeOffset start)
    {
        var bot = await TestBot.StartAsync(now: start, settings: new Dictionary<string, string?>
        {
            ["Reminders:Personal:FollowUps"] = "off", ["Reminders:Personal:ApprovalDigest"] = "off", ["Reminders:Personal:PurgeSoon"] = "off",
        });
        bot.Connector.Channels.Add(new JsonObject { ["id"] = Reminders, ["name"] = "Reminders" });
        foreach (var p in new[] { Demo.WangFang, Demo.LiNa, Demo.TomBecker })   // the roster: a manager and two reps, two a page
            bot.Connector.Members.Add(new JsonObject { ["id"] = p.TeamsId, ["name"] = p.Name, ["aadObjectId"] = p.AadObjectId });
        Assert.Equal(200, (await bot.PostAsync(Activities.Installed(bot.ServiceUrl, Demo.WangFang, "channel"))).Status);
        // Configured a week before: an occurrence between then and now was due (not one from before the settings).
        var settings = ChannelReminders.Defaults(Reminders, Demo.TeamId, "Asia/Shanghai", Demo.WangFang.AadObjectId, start.AddDays(-7), "en-US");
        await bot.Archive.Reminders.SaveChannelAsync(settings with
        {
            Timings = [.. settings.Timings.Select(t => t with { Enabled = t.Kind == ReminderKind.WeeklyPlan })],
        });
        return bot;
    }

    internal static List<ConnectorCall> PostsTo(TestBot bot, string conversation) =>
        [.. bot.Connector.Calls.Where(c => c.Method == "POST" && c.Path == $"/v3/conversations/{conversation}/activities")];

    [Fact]
    public async Task Installing_registers_the_teams_channels_and_the_weekly_plan_mentions_who_has_not_submitted()
    {
        await using var bot = await InstalledAsync(MondayNine.AddMinutes(-5));
        Assert.Equal([Demo.TeamId, Reminders], (await bot.Archive.Conversations.ChannelsOfTeamAsync(Demo.TeamId)).Select(c => c.Id).Order(StringComparer.Ordinal));
        var scheduler = bot.Services.GetRequiredService<ReminderScheduler>();
        bot.Connector.Clear();

        Assert.Equal(0, (await scheduler.ScanAsync(default)).Sent);   // 08:55: not yet
        bot.Clock.SetUtcNow(MondayNine.AddSeconds(20));
        Assert.Equal(1, (await scheduler.ScanAsync(default)).Sent);
        Assert.Equal(0, (await scheduler.ScanAsync(default)).Sent);   // the next scan finds it done

        var card = Assert.Single(PostsTo(bot, Reminders)).Card!;
        var text = string.Join("\n", card["body"]!.AsArray().Select(e => (string?)e!["text"]));
        Assert.Contains("<at>Li Na</at>, <at>Tom Becker</at>", text);
        Assert.DoesNotContain("Wang Fang", text);   // the roster's manager is not a rep
        var mentioned = card["msteams"]!["entities"]!.AsArray().Select(e => (string)e!["mentioned"]!["id"]!).ToList();
        Assert.Equal([Demo.LiNa.TeamsId, Demo.TomBecker.TeamsId], mentioned);
        Assert.Contains(bot.Connector.Calls, c => c.Path.EndsWith("/pagedmembers", StringComparison.Ordinal) && c.Query.Contains("continuationToken"));
    }

    [Fact]
    public async Task Two_instances_racing_post_once()
    {
        await using var bot = await InstalledAsync(MondayNine.AddMinutes(-5));
        var first = bot.Services.GetRequiredService<ReminderScheduler>();
        var second = ActivatorUtilities.CreateInstance<ReminderScheduler>(bot.Services);
        await Task.WhenAll(first.ScanAsync(default), second.ScanAsync(default));   // both learn the window
        bot.Connector.Clear();
        bot.Clock.SetUtcNow(MondayNine.AddSeconds(5));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).ScanAsync(default)));

        Assert.Equal(1, results.Sum(r => r.Sent));
        Assert.Single(PostsTo(bot, Reminders));
    }

    static readonly DateTimeOffset Eight30 = new(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);   // the approvals digest, 08:30 Shanghai
    static readonly DemoPerson[] Approvers = [Demo.ZhangWei, Demo.WangFang, Demo.ChenJie];

    /// <summary>A minute before the approvals digest, with one request waiting for three approvers who each have a chat.</summary>
    static async Task<TestBot> DigestDueAsync()
    {
        var bot = await TestBot.StartAsync(now: Eight30.AddMinutes(-1), settings: new Dictionary<string, string?>
        {
            ["Reminders:Personal:FollowUps"] = "off", ["Reminders:Personal:PurgeSoon"] = "off", ["Reminders:Parallelism"] = "1",
        });
        foreach (var p in Approvers)
            await bot.Archive.Conversations.SaveUserAsync(new UserRef(p.AadObjectId, p.TeamsId, p.Name, Demo.TenantId, bot.ServiceUrl.ToString(), Demo.PersonalChat(p)));
        await bot.Archive.Approvals.CreateAsync(new Approval
        {
            Id = "ap-1", Kind = ApprovalKind.NewFile, Subject = "C-2026-00001", SubjectName = "Huadong Precision",
            RequesterAadObjectId = Demo.LiNa.AadObjectId, ApproverAadObjectIds = [.. Approvers.Select(p => p.AadObjectId)],
            CreatedAt = Eight30.AddDays(-2), RequestKey = "new:C-2026-00001",
        });
        return bot;
    }

    [Fact]
    public async Task A_fan_out_cut_short_is_resumed_after_the_lease_by_another_instance_without_repeats()
    {
        await using var bot = await DigestDueAsync();
        var crashed = ActivatorUtilities.CreateInstance<ReminderScheduler>(bot.Services);
        await crashed.ScanAsync(default);
        bot.Clock.SetUtcNow(Eight30.AddSeconds(10));
        bot.Connector.Clear();
        bot.Connector.FailNext(201);                    // the first person's send goes through…
        bot.Connector.FailNext(500, "{\"error\":{\"code\":\"InternalServerError\"}}");   // …the second fails: the run ends unfinished

        var cut = await crashed.ScanAsync(default);
        Assert.Equal(1, cut.Unfinished);
        var before = bot.Connector.Calls.Where(c => c.Method == "POST").Select(c => c.Path).ToList();

        var restarted = ActivatorUtilities.CreateInstance<ReminderScheduler>(bot.Services);
        await restarted.ScanAsync(default);             // learns the window; the crashed claim still holds
        bot.Clock.Advance(TimeSpan.FromMinutes(11));    // past the 10-minute lease
        Assert.Equal(1, (await restarted.ScanAsync(default)).Sent);

        var delivered = bot.Connector.Calls.Where(c => c.Method == "POST").Select(c => c.Path).ToList();
        var perChat = Approvers.Select(p => delivered.Count(path => path == $"/v3/conversations/{Demo.PersonalChat(p)}/activities")).ToList();
        Assert.Equal(4, delivered.Count);                // 3 people + the one send that failed
        Assert.Equal(3, before.Count);                  // the third person was not held up by the second
        Assert.Equal(1, perChat.Count(n => n == 2));    // the failed one was tried again…
        Assert.Equal(2, perChat.Count(n => n == 1));    // …and nobody else got it twice
        Assert.Empty(await Task.WhenAll(Approvers.Select(async p => (await bot.Archive.Reminders.SentToAsync("personal|ApprovalDigest|2026-11-23T00:30Z")).Contains(p.AadObjectId)))
            .ContinueWith(t => t.Result.Where(sent => !sent).ToList()));
    }

    [Fact]
    public async Task A_send_left_unanswered_is_given_up_after_the_call_timeout_and_sent_again_only_by_the_resumed_run()
    {
        await using var bot = await DigestDueAsync();
        var scheduler = bot.Services.GetRequiredService<ReminderScheduler>();
        await scheduler.ScanAsync(default);
        bot.Clock.SetUtcNow(Eight30.AddSeconds(10));
        bot.Connector.Clear();
        var hung = bot.Connector.HangNext();

        var scanning = scheduler.ScanAsync(default);
        await hung.WaitAsync(TimeSpan.FromSeconds(30));
        bot.Clock.Advance(TimeSpan.FromSeconds(30));   // Bot:ConnectorRetry:CallTimeout
        var cut = await scanning;

        Assert.Equal(1, cut.Unfinished);
        var posts = bot.Connector.Calls.Where(c => c.Method == "POST").Select(c => c.Path).ToList();
        var unanswered = posts[0];
        Assert.Equal(3, posts.Distinct().Count());   // each chat once: the unanswered send was not retried (it may have arrived)
        Assert.Equal(3, posts.Count);
        Assert.Equal(2, (await bot.Archive.Reminders.SentToAsync("personal|ApprovalDigest|2026-11-23T00:30Z")).Count);
        bot.Clock.Advance(TimeSpan.FromMinutes(11));   // past the lease
        Assert.Equal(1, (await scheduler.ScanAsync(default)).Sent);
        Assert.Equal(2, bot.Connector.Calls.Count(c => c.Method == "POST" && c.Path == unanswered));
        Assert.Equal(3, (await bot.Archive.Reminders.SentToAsync("personal|ApprovalDigest|2026-11-23T00:30Z")).Count);
    }

    [Fact]
    public async Task After_downtime_an_occurrence_under_12_hours_old_is_sent_late_and_an_older_one_skipped()
    {
        await using var late = await InstalledAsync(MondayNine.AddHours(11));
        late.Connector.Clear();
        Assert.Equal(1, (await late.Services.GetRequiredService<ReminderScheduler>().ScanAsync(default)).Sent);
        Assert.Single(PostsTo(late, Reminders));

        await using var tooLate = await InstalledAsync(MondayNine.AddHours(13));
        tooLate.Connector.Clear();
        var scan = await tooLate.Services.GetRequiredService<ReminderScheduler>().ScanAsync(default);
        Assert.Equal(0, scan.Sent);
        Assert.Equal(1, scan.Skipped);
        Assert.Empty(PostsTo(tooLate, Reminders));
        Assert.Equal(0, (await ActivatorUtilities.CreateInstance<ReminderScheduler>(tooLate.Services).ScanAsync(default)).Skipped);   // logged once
    }

    [Fact]
    public async Task Occurrences_from_before_the_settings_were_saved_are_not_missed_and_a_new_archive_has_no_personal_reminders_to_skip()
    {
        await using var bot = await TestBot.StartAsync(now: MondayNine.AddDays(2));   // Wednesday; personal reminders on, as shipped
        await bot.PostAsync(Activities.Installed(bot.ServiceUrl, Demo.WangFang, "channel"));
        await bot.Archive.Reminders.SaveChannelAsync(ChannelReminders.Defaults(Reminders, Demo.TeamId, "Asia/Shanghai", Demo.WangFang.AadObjectId,
            bot.Clock.GetUtcNow(), "en-US"));   // saved on Wednesday: Monday's weekly plan was before there were settings
        bot.Connector.Clear();

        var scan = await bot.Services.GetRequiredService<ReminderScheduler>().ScanAsync(default);

        Assert.Equal((0, 0), (scan.Sent, scan.Skipped));
        Assert.Empty(PostsTo(bot, Reminders));
    }
}
