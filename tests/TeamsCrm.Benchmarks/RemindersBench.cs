using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// `-- reminders [--channels N]`: one reminder (the weekly plan) due in N channels at once (default 1,000), fanned out by
/// the real scheduler through the real messenger to a fake connector that enforces Teams' rate limits (429 + Retry-After
/// when exceeded), side by side: one instance; two instances on one archive sharing a real redis-server (<c>Scale:Redis</c>);
/// two instances without it. Reports the total time against the least the limits allow (50 sends a second per tenant: the
/// last of N sends can go out at ⌈N/50⌉−1 s), duplicates, losses and 429s. Runs on the real clock. Nothing is judged.
/// </summary>
public static class RemindersBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var channels = args is ["--channels", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
        var minimum = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling(channels / 50.0) - 1));
        Console.WriteLine("| setup | channels | sent | total time | minimum the limits allow | ratio | duplicates | losses | 429s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var clean = true;
        await using (var redis = await RedisServer.StartAsync())
        {
            foreach (var (setup, instances, shared) in new[] { ("one instance", 1, (RedisServer?)null), ("two instances, Redis", 2, redis), ("two instances, no Redis", 2, null) })
            {
                var (sent, duplicates, losses, throttled, elapsed) = await FanOutAsync(channels, instances, shared);
                clean &= duplicates == 0 && losses == 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {setup} | {channels:N0} | {sent:N0} | {elapsed.TotalSeconds:0.00} s | {minimum.TotalSeconds:0} s | {elapsed / minimum:0.00}× | {duplicates} | {losses} | {throttled} |"));
            }
        }
        Console.Error.WriteLine(ResultTable.Machine());
        return clean ? 0 : 1;
    }

    static async Task<(int Sent, int Duplicates, int Losses, int Throttled, TimeSpan Elapsed)> FanOutAsync(int channels, int instances, RedisServer? redis)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Personal:FollowUps"] = "off", ["Reminders:Personal:ApprovalDigest"] = "off", ["Reminders:Personal:PurgeSoon"] = "off",
            ["Host:Instances"] = instances.ToString(CultureInfo.InvariantCulture),
            ["Export:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        };
        if (redis is not null) settings["Scale:Redis"] = redis.ConnectionString;
        // The real clock: the limits are in real seconds. A second instance shares the first one's SQLite file and connector.
        await using var bot = await TestBot.StartAsync(settings: settings, services: s => s.AddSingleton(TimeProvider.System));
        await using var other = instances > 1 ? await bot.StartAnotherInstanceAsync() : null;
        bot.Connector.KeepBodies = false;
        bot.Connector.Limits = new TeamsRateLimits();

        // Due now: the weekly plan at this minute (UTC) of this weekday, in every channel.
        var now = DateTimeOffset.UtcNow;
        var timing = new ReminderTiming(ReminderKind.WeeklyPlan, true, ((int)now.DayOfWeek + 6) % 7 + 1, new TimeOnly(now.Hour, now.Minute));
        var ids = Enumerable.Range(1, channels).Select(i => $"19:bench-{i:D5}@thread.tacv2").ToList();
        foreach (var id in ids)
        {
            await bot.Archive.Conversations.SaveConversationAsync(new ConversationRef(id, ConversationKind.Channel, Demo.TenantId, bot.ServiceUrl.ToString(),
                Demo.BotId, id, "Bench team", id));
            await bot.Archive.Reminders.SaveChannelAsync(new ChannelReminders(id, id, "UTC", [timing], [Demo.LiNa.AadObjectId, Demo.TomBecker.AadObjectId],
                Demo.WangFang.AadObjectId, now.AddDays(-7), "en-US"));   // configured last week
        }
        Console.Error.WriteLine($"{channels:N0} channels set up for {instances} instance(s){(redis is null ? "" : " with Redis")}; scanning…");

        bot.Connector.Clear();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(new[] { bot, other }.OfType<TestBot>().Select(b => b.Services.GetRequiredService<ReminderScheduler>().ScanAsync(CancellationToken.None)));
        watch.Stop();

        var posts = bot.Connector.Calls.Where(c => c.Method == "POST").GroupBy(c => c.Path.Split('/')[3]).ToDictionary(g => g.Key, g => g.Count());
        return (posts.Count, posts.Values.Sum(v => v - 1), ids.Count(id => !posts.ContainsKey(id)), bot.Connector.Throttled, watch.Elapsed);
    }
}
