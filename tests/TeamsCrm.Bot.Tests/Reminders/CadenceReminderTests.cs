using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Scheduling;
using TeamsCrm.Bot.Tests.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Reminders.SchedulerTests;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>The channel's weekly plans reminder counts, per rep, the key accounts overdue for a visit by the cadence — counts, never names.</summary>
public sealed class CadenceReminderTests
{
    [Fact]
    public async Task The_weekly_plans_reminder_counts_each_reps_overdue_key_accounts()
    {
        await using var bot = await InstalledAsync(MondayNine.AddMinutes(-5));
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);
        var scheduler = bot.Services.GetRequiredService<ReminderScheduler>();
        bot.Connector.Clear();

        bot.Clock.SetUtcNow(MondayNine.AddSeconds(20));
        Assert.Equal(1, (await scheduler.ScanAsync(default)).Sent);

        var card = Assert.Single(PostsTo(bot, SchedulerTests.Reminders)).Card!;
        var facts = card["body"]!.AsArray().Where(e => (string?)e!["type"] == "FactSet").Last()!["facts"]!.AsArray()
            .Select(f => ((string)f!["title"]!, (string)f["value"]!)).ToList();
        // Monday 23 November: Li Na's strategic Nanjing Steel and quality Huadong; Tom's high-value mill (his overdue Hefei Glass is no key account).
        Assert.Equal([("Li Na", "2"), ("Tom Becker", "1")], facts);
        var json = card.ToJsonString();
        Assert.Contains("Key accounts overdue for a visit", json, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Steel.Name, json, StringComparison.Ordinal);
        Assert.DoesNotContain(world.TomsMill.Name, json, StringComparison.Ordinal);
    }
}
