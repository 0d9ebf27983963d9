using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Memory;

/// <summary>
/// The rosters read through the connector are kept briefly and for a bounded number of conversations: a team's for its
/// channel reminders (<see cref="ChannelReps"/>), a chat's or channel's for the audience rule (<see cref="Audiences"/>).
/// </summary>
public class RosterMemoryTests
{
    static ConversationRef Team(TestBot bot, int i) =>
        new($"19:team-{i}@thread.tacv2", ConversationKind.Channel, Demo.TenantId, bot.ServiceUrl.ToString(), Demo.BotId, $"19:team-{i}@thread.tacv2");

    static ConversationRef Chat(TestBot bot, int i) =>
        new($"19:chat-{i}@thread.v2", ConversationKind.GroupChat, Demo.TenantId, bot.ServiceUrl.ToString(), Demo.BotId);

    static Func<int, Task> TeamRoster(TestBot bot) => i => bot.Services.GetRequiredService<ChannelReps>().RosterAsync(Team(bot, i), CancellationToken.None);

    static Func<int, Task> ChatAudience(TestBot bot) => i => bot.Services.GetRequiredService<Audiences>().OfAsync(Chat(bot, i), CancellationToken.None);

    static int RosterReads(TestBot bot) => bot.Connector.Calls.Count(c => c.Path.EndsWith("/pagedmembers", StringComparison.Ordinal));

    [Fact]
    public Task A_teams_roster_is_read_again_once_it_is_ten_minutes_old() => ReadAgainOnceOldAsync(TeamRoster, ChannelReps.RosterAge);

    [Fact]
    public Task A_chats_roster_is_read_again_once_it_is_two_minutes_old() => ReadAgainOnceOldAsync(ChatAudience, Audiences.RosterAge);

    [Fact]
    public Task Past_the_capacity_the_team_roster_read_longest_ago_is_read_again() => ReadAgainPastCapacityAsync(TeamRoster, ChannelReps.MaxTeams);

    [Fact]
    public Task Past_the_capacity_the_chat_roster_read_longest_ago_is_read_again() => ReadAgainPastCapacityAsync(ChatAudience, Audiences.MaxRosters);

    static async Task ReadAgainOnceOldAsync(Func<TestBot, Func<int, Task>> reader, TimeSpan age)
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.Members.Add(new JsonObject { ["id"] = Demo.LiNa.TeamsId, ["name"] = Demo.LiNa.Name, ["aadObjectId"] = Demo.LiNa.AadObjectId });
        var read = reader(bot);

        await read(1);
        bot.Clock.Advance(age - TimeSpan.FromSeconds(1));
        await read(1);
        Assert.Equal(1, RosterReads(bot));

        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await read(1);
        Assert.Equal(2, RosterReads(bot));
    }

    static async Task ReadAgainPastCapacityAsync(Func<TestBot, Func<int, Task>> reader, int capacity)
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.KeepBodies = false;
        var read = reader(bot);
        for (var i = 0; i < capacity; i++) await read(i);
        await read(0);
        Assert.Equal(capacity, RosterReads(bot));   // all still remembered

        await read(capacity);
        await read(0);

        Assert.Equal(capacity + 2, RosterReads(bot));
    }
}
