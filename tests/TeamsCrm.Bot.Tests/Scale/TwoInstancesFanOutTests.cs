using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;
using Xunit.Abstractions;

namespace TeamsCrm.Bot.Tests.Scale;

/// <summary>
/// One reminder due in 1,000 channels, fanned out by two instances at once through the real scheduler, on one SharePoint
/// and a fake connector that enforces Teams' limits (429 past 50 sends a second per tenant), sharing a real redis-server:
/// the instances together stay within the limit, and every channel gets it once — also when one instance is killed half-way.
/// Runs on the real clock (the limits are in real seconds): about 20 s, and a minute more for the lease of the killed one.
/// </summary>
public class TwoInstancesFanOutTests(ITestOutputHelper output)
{
    const int Channels = 1000;

    [Fact]
    public async Task Two_instances_fan_out_to_a_thousand_channels_within_the_tenants_limit_once_each()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var a = await StartAsync(sharePoint, redis);
        await using var b = await a.StartAnotherInstanceAsync();
        var ids = await SeedAsync(a);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Scheduler(a).ScanAsync(CancellationToken.None), Scheduler(b).ScanAsync(CancellationToken.None));
        watch.Stop();

        var (sent, duplicates, losses) = Deliveries(a.Connector, ids);
        var minimum = TimeSpan.FromSeconds(Math.Ceiling(Channels / 50.0) - 1);   // the last of 1,000 at 50 a second
        output.WriteLine($"{Channels} channels, two instances: {watch.Elapsed.TotalSeconds:0.0} s (minimum {minimum.TotalSeconds} s, " +
            $"{watch.Elapsed / minimum:0.00}×), {duplicates} duplicates, {losses} losses, {a.Connector.Throttled} 429s");
        Assert.Equal((Channels, 0, 0), (sent, duplicates, losses));
        // Together within Teams' 50 a second: each instance alone at 50 would see hundreds refused. A send admitted in time can
        // still arrive late in a busy second (jitter between the budget and the service), so a few may be: under 5 %, retried.
        Assert.InRange(a.Connector.Throttled, 0, Channels / 20);
        Assert.True(watch.Elapsed >= minimum - TimeSpan.FromSeconds(0.5), $"{watch.Elapsed} is faster than the limit allows");
    }

    [Fact]
    public async Task Killing_one_instance_half_way_loses_no_channel()
    {
        await using var sharePoint = await FakeSharePoint.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var a = await StartAsync(sharePoint, redis);   // owns the connector: b is the one killed
        var b = await a.StartAnotherInstanceAsync();
        var connector = a.Connector;
        var ids = await SeedAsync(a);

        using var kill = new CancellationTokenSource();
        var scanA = Scheduler(a).ScanAsync(CancellationToken.None);
        var scanB = Scheduler(b).ScanAsync(kill.Token);
        while (connector.Calls.Count < Channels / 3) await Task.Delay(50);
        await kill.CancelAsync();                           // b stops mid-send: its claims stay, unfinished, until their lease runs out
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scanB);
        await b.DisposeAsync();
        var atKill = Deliveries(connector, ids).Sent;
        await scanA;

        // a (its own scans every minute, and ours) resumes what b held once the lease (a minute) is over.
        var deadline = Stopwatch.StartNew();
        while (Deliveries(connector, ids).Losses > 0 && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await Scheduler(a).ScanAsync(CancellationToken.None);
        }

        var (sent, duplicates, losses) = Deliveries(connector, ids);
        output.WriteLine($"killed after {atKill} sends; all {sent} channels reached after {deadline.Elapsed.TotalSeconds:0} s more, " +
            $"{duplicates} duplicates, {connector.Throttled} 429s");
        Assert.Equal(0, losses);
        // A send b made but had not recorded when it stopped is sent again on resume: at most one per fan-out it had in flight.
        Assert.InRange(duplicates, 0, 16);
    }

    static async Task<TestBot> StartAsync(FakeSharePoint sharePoint, RedisServer redis)
    {
        var bot = await TestBot.StartAsync(settings: TwoInstances.Settings(sharePoint, redis, new Dictionary<string, string?>
        {
            ["Reminders:Personal:FollowUps"] = "off", ["Reminders:Personal:ApprovalDigest"] = "off", ["Reminders:Personal:PurgeSoon"] = "off",
            ["Reminders:Lease"] = "00:01:00",
        }), services: s => s.AddSingleton(TimeProvider.System));
        bot.Connector.KeepBodies = false;
        bot.Connector.Limits = new TeamsRateLimits();
        return bot;
    }

    /// <summary>The weekly plan due now in each of 1,000 channels, configured last week.</summary>
    static async Task<List<string>> SeedAsync(TestBot bot)
    {
        var now = DateTimeOffset.UtcNow;
        var timing = new ReminderTiming(ReminderKind.WeeklyPlan, true, ((int)now.DayOfWeek + 6) % 7 + 1, new TimeOnly(now.Hour, now.Minute));
        var ids = Enumerable.Range(1, Channels).Select(i => $"19:scale-{i:D4}@thread.tacv2").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
        {
            await bot.Archive.Conversations.SaveConversationAsync(new ConversationRef(id, ConversationKind.Channel, Demo.TenantId, bot.ServiceUrl.ToString(),
                Demo.BotId, id, "Sales East", id), ct);
            await bot.Archive.Reminders.SaveChannelAsync(new ChannelReminders(id, id, "UTC", [timing], [Demo.LiNa.AadObjectId], Demo.WangFang.AadObjectId,
                now.AddDays(-7), "en-US"), ct);
        });
        bot.Connector.Clear();
        return ids;
    }

    static ReminderScheduler Scheduler(TestBot bot) => bot.Services.GetRequiredService<ReminderScheduler>();

    static (int Sent, int Duplicates, int Losses) Deliveries(FakeConnector connector, List<string> ids)
    {
        var posts = connector.Calls.Where(c => c.Method == "POST").GroupBy(c => c.Path.Split('/')[3]).ToDictionary(g => g.Key, g => g.Count());
        return (posts.Count, posts.Values.Sum(v => v - 1), ids.Count(id => !posts.ContainsKey(id)));
    }
}
