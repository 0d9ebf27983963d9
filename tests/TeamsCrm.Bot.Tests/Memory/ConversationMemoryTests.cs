using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Teams;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Memory;

/// <summary>
/// What the bot remembers of the references it stored: it saves writes, for an hour at most, and never hides a block or
/// removal that another instance recorded.
/// </summary>
public class ConversationMemoryTests
{
    /// <summary>Two instances configured as such, sharing nothing but the archive.</summary>
    static Dictionary<string, string?> TwoInstancesWithoutRedis => new()
    {
        ["Host:Instances"] = "2", ["Export:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    const string MessageWritesBlocked = """{"error":{"code":"MessageWritesBlocked","message":"The bot is blocked"}}""";

    [Fact]
    public async Task A_reference_is_written_once_an_hour_at_most_while_it_does_not_change()
    {
        await using var bot = await TestBot.StartAsync();
        var users = bot.Archive.Conversations;
        await bot.Say(Demo.LiNa, "help");
        var stored = (await users.FindUserAsync(Demo.LiNa.AadObjectId))!;
        await users.SaveUserAsync(stored with { Name = "Written by another instance" });

        await bot.Say(Demo.LiNa, "help");
        Assert.Equal("Written by another instance", (await users.FindUserAsync(Demo.LiNa.AadObjectId))!.Name);   // remembered: no write

        bot.Clock.Advance(LocalSavedReferences.MaxAge);
        await bot.Say(Demo.LiNa, "help");
        Assert.Equal(Demo.LiNa.Name, (await users.FindUserAsync(Demo.LiNa.AadObjectId))!.Name);
    }

    [Fact]
    public async Task A_chat_marked_blocked_by_one_instance_is_reachable_again_once_the_user_writes_to_another()
    {
        await using var a = await TestBot.StartAsync(settings: TwoInstancesWithoutRedis);
        await using var b = await a.StartAnotherInstanceAsync();   // the same SQLite file and connector
        // Both instances answer through the same connector, as two App Service instances behind one bot do.
        Assert.Equal(200, (await b.PostAsync(Message(a.ServiceUrl, Demo.LiNa, "help"))).Status);
        Assert.Equal(200, (await a.PostAsync(Message(a.ServiceUrl, Demo.LiNa, "help"))).Status);
        var messenger = a.Services.GetRequiredService<IChannelMessenger>();
        var lina = (await a.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))!;

        a.Connector.FailNext(403, MessageWritesBlocked);
        Assert.False(await messenger.SendTextAsync(lina, "Your follow-ups for today"));
        a.Connector.Clear();
        Assert.False(await messenger.SendTextAsync(lina, "Your follow-ups for today"));
        Assert.Empty(a.Connector.Calls);   // marked: a skips her chat

        await b.PostAsync(Message(a.ServiceUrl, Demo.LiNa, "help"));   // she writes again; b had her chat remembered as saved
        a.Connector.Clear();

        Assert.True(await messenger.SendTextAsync(lina, "Your follow-ups for today"));
        Assert.Equal($"/v3/conversations/{Demo.PersonalChat(Demo.LiNa)}/activities", Assert.Single(a.Connector.Calls).Path);
        Assert.False(await b.Archive.Conversations.IsUnreachableAsync(Demo.PersonalChat(Demo.LiNa)));
    }

    [Fact]
    public async Task A_channel_marked_removed_by_one_instance_is_reachable_again_once_someone_writes_in_it_on_another()
    {
        await using var a = await TestBot.StartAsync(settings: TwoInstancesWithoutRedis);
        await using var b = await a.StartAnotherInstanceAsync();   // the same SQLite file and connector
        var inChannel = () => Message(a.ServiceUrl, Demo.ZhangWei, "help", conversationId: Demo.TeamChannel, conversationType: "channel");
        await b.PostAsync(inChannel());
        await a.Services.GetRequiredService<ConversationRecorder>().MarkRemovedAsync(Demo.TeamChannel, CancellationToken.None);
        Assert.True(await b.Archive.Conversations.IsUnreachableAsync(Demo.TeamChannel));

        await b.PostAsync(inChannel());

        Assert.False(await a.Archive.Conversations.IsUnreachableAsync(Demo.TeamChannel));
    }

    [Fact]
    public async Task One_instance_reads_no_marks_per_turn_and_still_clears_its_own()
    {
        await using var sharePoint = await Archive.SharePoint.FakeSharePoint.StartAsync();
        await using var bot = await TestBot.StartAsync(settings: sharePoint.BotSettings());   // Host:Instances 1: every mark is made here
        await bot.Say(Demo.LiNa, "whoami");
        sharePoint.Server.ResetCounters();

        await bot.Say(Demo.LiNa, "whoami");
        Assert.Equal(0, sharePoint.Server.Counters.HttpCalls);   // nothing changed, nothing marked: the archive is not asked

        var lina = (await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))!;
        bot.Connector.FailNext(403, MessageWritesBlocked);
        Assert.False(await bot.Services.GetRequiredService<IChannelMessenger>().SendTextAsync(lina, "Your follow-ups for today"));
        await bot.Say(Demo.LiNa, "whoami");
        Assert.False(await bot.Archive.Conversations.IsUnreachableAsync(Demo.PersonalChat(Demo.LiNa)));
    }
}
