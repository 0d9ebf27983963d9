using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Memory;

/// <summary>The rosters the audience rule reads are kept briefly and for a bounded number of conversations.</summary>
public class AudienceMemoryTests
{
    static ConversationRef Chat(TestBot bot, int i) =>
        new($"19:chat-{i}@thread.v2", ConversationKind.GroupChat, Demo.TenantId, bot.ServiceUrl.ToString(), Demo.BotId);

    static int RosterReads(TestBot bot) => bot.Connector.Calls.Count(c => c.Path.EndsWith("/pagedmembers", StringComparison.Ordinal));

    [Fact]
    public async Task A_chats_roster_is_read_again_once_it_is_two_minutes_old()
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.Members.Add(new JsonObject { ["id"] = Demo.LiNa.TeamsId, ["name"] = Demo.LiNa.Name, ["aadObjectId"] = Demo.LiNa.AadObjectId });
        var audiences = bot.Services.GetRequiredService<Audiences>();

        Assert.True((await audiences.OfAsync(Chat(bot, 1), CancellationToken.None)).MayAllQuery);
        bot.Clock.Advance(Audiences.RosterAge - TimeSpan.FromSeconds(1));
        await audiences.OfAsync(Chat(bot, 1), CancellationToken.None);
        Assert.Equal(1, RosterReads(bot));

        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await audiences.OfAsync(Chat(bot, 1), CancellationToken.None);
        Assert.Equal(2, RosterReads(bot));
    }

    [Fact]
    public async Task Past_the_capacity_the_roster_read_longest_ago_is_read_again()
    {
        await using var bot = await TestBot.StartAsync();
        bot.Connector.KeepBodies = false;
        var audiences = bot.Services.GetRequiredService<Audiences>();
        for (var i = 0; i < Audiences.MaxRosters; i++) await audiences.OfAsync(Chat(bot, i), CancellationToken.None);
        await audiences.OfAsync(Chat(bot, 0), CancellationToken.None);
        Assert.Equal(Audiences.MaxRosters, RosterReads(bot));   // all still remembered

        await audiences.OfAsync(Chat(bot, Audiences.MaxRosters), CancellationToken.None);
        await audiences.OfAsync(Chat(bot, 0), CancellationToken.None);

        Assert.Equal(Audiences.MaxRosters + 2, RosterReads(bot));
    }
}
