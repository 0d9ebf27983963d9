using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Connector;

/// <summary>A user who blocked or removed the bot gets 403 MessageWritesBlocked: the bot stops writing to them.</summary>
public class MessageWritesBlockedTests
{
    const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"Bot is blocked by the user."}}""";

    [Fact]
    public async Task The_client_turns_403_MessageWritesBlocked_into_its_own_exception_without_retrying()
    {
        await using var c = await ConnectorHarness.StartAsync();
        c.Fake.FailNext(403, Blocked);

        var error = await Assert.ThrowsAsync<MessageWritesBlockedException>(() =>
            c.Client.SendAsync(c.Url, "a:blocked", new Activity { Type = ActivityTypes.Message, Text = "hi" }));

        Assert.Equal("a:blocked", error.ConversationId);
        Assert.Single(c.Fake.Calls);
    }

    [Fact]
    public async Task Another_403_stays_a_plain_connector_error()
    {
        await using var c = await ConnectorHarness.StartAsync();
        c.Fake.FailNext(403, """{"error":{"code":"BotNotInConversationRoster","message":"not a member"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            c.Client.SendAsync(c.Url, "a:1", new Activity { Type = ActivityTypes.Message, Text = "hi" }));

        Assert.IsNotType<MessageWritesBlockedException>(error);
        Assert.Equal("BotNotInConversationRoster", error.Code);
    }

    [Fact]
    public async Task A_blocked_reply_marks_the_conversation_and_stops_the_turn_until_the_user_writes_again()
    {
        await using var bot = await StartWithRoutes(r => r.Command(["twice"], (Turn _) => Reply.Text("one").ThenText("two"), listed: false));
        var chat = Demo.PersonalChat(Demo.LiNa);
        bot.Connector.FailNext(403, Blocked);

        var blocked = await bot.Say(Demo.LiNa, "twice");

        Assert.Equal(200, blocked.Status);
        Assert.Equal("one", (string?)Assert.Single(blocked.Calls).Body!["text"]);   // "two" was never attempted
        Assert.True(await bot.Archive.Conversations.IsUnreachableAsync(chat));

        var back = await bot.Say(Demo.LiNa, "twice");

        Assert.Equal(["one", "two"], back.Calls.Select(c => (string)c.Body!["text"]!).ToArray());
        Assert.False(await bot.Archive.Conversations.IsUnreachableAsync(chat));
    }

    [Fact]
    public async Task A_blocked_card_update_sends_nothing_after_it()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };
        await using var bot = await StartWithRoutes(r => r.Verb("test.save", (Turn _) => Reply.ReplaceCard(card).ThenText("Saved.")));
        bot.Connector.FailNext(403, Blocked);

        var result = await bot.PostAsync(Activities.Submit(bot.ServiceUrl, Demo.LiNa, "test.save"));

        Assert.Equal(200, result.Status);
        Assert.Equal("PUT", Assert.Single(result.Calls).Method);
        Assert.True(await bot.Archive.Conversations.IsUnreachableAsync(Demo.PersonalChat(Demo.LiNa)));
    }

    [Fact]
    public async Task Unblocked_the_same_submit_updates_the_card_then_replies()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };
        await using var bot = await StartWithRoutes(r => r.Verb("test.save", (Turn _) => Reply.ReplaceCard(card).ThenText("Saved.")));

        var result = await bot.PostAsync(Activities.Submit(bot.ServiceUrl, Demo.LiNa, "test.save", replyToId: "activity-1"));

        Assert.Collection(result.Calls,
            update => Assert.Equal(("PUT", $"/v3/conversations/{Demo.PersonalChat(Demo.LiNa)}/activities/activity-1"), (update.Method, update.Path)),
            reply => Assert.Equal(("POST", "Saved."), (reply.Method, (string?)reply.Body!["text"])));
    }

    /// <summary>The real bot in local mode with extra routes beside the app's own.</summary>
    static Task<TestBot> StartWithRoutes(Action<Router> extra) => TestBot.StartAsync(services: s => s.AddSingleton(_ =>
    {
        var router = Routes.Map(new Router());
        extra(router);
        return router;
    }));
}
