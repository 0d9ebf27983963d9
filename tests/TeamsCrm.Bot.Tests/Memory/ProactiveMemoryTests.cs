using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Teams;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Memory;

/// <summary>What the proactive side keeps per team and per conversation is bounded by count and by age.</summary>
public class ProactiveMemoryTests
{
    static ConversationRef Team(TestBot bot, int i) =>
        new($"19:team-{i}@thread.tacv2", ConversationKind.Channel, Demo.TenantId, bot.ServiceUrl.ToString(), Demo.BotId, $"19:team-{i}@thread.tacv2");

    static int RosterReads(TestBot bot) => bot.Connector.Calls.Count(c => c.Path.EndsWith("/pagedmembers", StringComparison.Ordinal));

    [Fact]
    public async Task A_teams_roster_is_read_again_once_it_is_ten_minutes_old()
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.Members.Add(new JsonObject { ["id"] = Demo.LiNa.TeamsId, ["name"] = Demo.LiNa.Name, ["aadObjectId"] = Demo.LiNa.AadObjectId });
        var reps = bot.Services.GetRequiredService<ChannelReps>();

        await reps.RosterAsync(Team(bot, 1), CancellationToken.None);
        bot.Clock.Advance(ChannelReps.RosterAge - TimeSpan.FromSeconds(1));
        await reps.RosterAsync(Team(bot, 1), CancellationToken.None);
        Assert.Equal(1, RosterReads(bot));

        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Demo.LiNa.AadObjectId, Assert.Single(await reps.RosterAsync(Team(bot, 1), CancellationToken.None)).AadObjectId);
        Assert.Equal(2, RosterReads(bot));
    }

    [Fact]
    public async Task Past_the_capacity_the_roster_read_longest_ago_is_read_again()
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.KeepBodies = false;
        var reps = bot.Services.GetRequiredService<ChannelReps>();
        for (var i = 0; i < ChannelReps.MaxTeams; i++) await reps.RosterAsync(Team(bot, i), CancellationToken.None);
        await reps.RosterAsync(Team(bot, 0), CancellationToken.None);
        Assert.Equal(ChannelReps.MaxTeams, RosterReads(bot));   // all still remembered

        await reps.RosterAsync(Team(bot, ChannelReps.MaxTeams), CancellationToken.None);
        await reps.RosterAsync(Team(bot, 0), CancellationToken.None);

        Assert.Equal(ChannelReps.MaxTeams + 2, RosterReads(bot));
    }

    [Fact]
    public async Task Past_the_capacity_the_send_log_of_the_conversation_that_sent_longest_ago_is_dropped()
    {
        var pacer = new SendPacer(new FakeTimeProvider());
        using var stop = new CancellationTokenSource();
        for (var i = 0; i < 7; i++) await pacer.WaitTurnAsync("tenant-0", "chat-0", stop.Token);
        var eighth = pacer.WaitTurnAsync("tenant-0", "chat-0", stop.Token);
        Assert.False(eighth.IsCompleted);   // 7 a second: it waits for the fake clock, which does not move
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eighth);

        // Each send below is a tenant and a conversation of its own: two logs each.
        for (var i = 1; i <= SendPacer.MaxTracked / 2; i++) await pacer.WaitTurnAsync($"tenant-{i}", $"chat-{i}", CancellationToken.None);

        Assert.True(pacer.WaitTurnAsync("tenant-0", "chat-0", CancellationToken.None).IsCompleted);   // its log went first
    }
}
