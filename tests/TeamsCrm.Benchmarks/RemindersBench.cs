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
/// when exceeded). Reports the total time against the least the limits allow (50 sends a second per tenant: the last of
/// N sends can go out at ⌈N/50⌉−1 s), duplicates, losses and 429s. Runs on the real clock. Nothing is judged.
/// </summary>
public static class RemindersBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var channels = args is ["--channels", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Reminders:Personal:FollowUps"] = "off", ["Reminders:Personal:ApprovalDigest"] = "off", ["Reminders:Personal:PurgeSoon"] = "off",
        }, services: s => s.AddSingleton(TimeProvider.System));   // the real clock: the limits are in real seconds
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
        Console.Error.WriteLine($"{channels:N0} channels set up; scanning…");

        var scheduler = bot.Services.GetRequiredService<ReminderScheduler>();
        bot.Connector.Clear();
        var watch = Stopwatch.StartNew();
        var scan = await scheduler.ScanAsync(CancellationToken.None);
        watch.Stop();

        var posts = bot.Connector.Calls.Where(c => c.Method == "POST").GroupBy(c => c.Path.Split('/')[3]).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = posts.Values.Sum(v => v - 1);
        var losses = ids.Count(id => !posts.ContainsKey(id));
        var minimum = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling(channels / 50.0) - 1));
        var ratio = minimum > TimeSpan.Zero ? watch.Elapsed / minimum : double.NaN;

        Console.WriteLine($"| channels | sent | total time | minimum the limits allow | ratio | duplicates | losses | 429s |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {channels:N0} | {posts.Count:N0} | {watch.Elapsed.TotalSeconds:0.00} s | {minimum.TotalSeconds:0} s | {ratio:0.00}× | {duplicates} | {losses} | {bot.Connector.Throttled} |"));
        Console.Error.WriteLine($"Scan: {scan}; {ResultTable.Machine()}");
        return duplicates == 0 && losses == 0 ? 0 : 1;
    }
}
