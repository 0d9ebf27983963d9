using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>Proactive sends through the fake connector: 1:1 (created when needed), channel posts, updates, blocked chats.</summary>
public class ConnectorMessengerTests
{
    static readonly JsonObject Card = new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

    static async Task<(TestBot Bot, IChannelMessenger Messenger, UserRef Leader)> StartAsync(bool knownChat)
    {
        var bot = await TestBot.StartAsync();
        var leader = new UserRef(Demo.ZhangWei.AadObjectId, Demo.ZhangWei.TeamsId, "Zhang Wei", Demo.TenantId, bot.ServiceUrl.ToString(),
            knownChat ? Demo.PersonalChat(Demo.ZhangWei) : null);
        if (knownChat)
            await bot.Archive.Conversations.SaveConversationAsync(new ConversationRef(leader.PersonalConversationId!, ConversationKind.Personal,
                Demo.TenantId, leader.ServiceUrl, Demo.BotId));
        await bot.Archive.Conversations.SaveUserAsync(leader);
        bot.Connector.Clear();
        return (bot, bot.Services.GetRequiredService<IChannelMessenger>(), leader);
    }

    [Fact]
    public async Task A_user_met_only_in_a_group_gets_a_new_1to1_chat_which_is_stored_and_reused()
    {
        var (bot, messenger, leader) = await StartAsync(knownChat: false);
        await using var _ = bot;

        var posted = await messenger.SendCardAsync(leader, Card);

        var (create, send) = (bot.Connector.Calls[0], bot.Connector.Calls[1]);
        Assert.Equal(("POST", "/v3/conversations"), (create.Method, create.Path));
        Assert.Equal(Demo.ZhangWei.TeamsId, (string?)create.Body!["members"]![0]!["id"]);
        Assert.Equal(Demo.TenantId, (string?)create.Body!["channelData"]!["tenant"]!["id"]);
        var chat = (await bot.Archive.Conversations.FindUserAsync(leader.AadObjectId))!.PersonalConversationId!;
        Assert.StartsWith("a:created-", chat, StringComparison.Ordinal);
        Assert.Equal(("POST", $"/v3/conversations/{chat}/activities"), (send.Method, send.Path));
        Assert.Equal(Card.ToJsonString(), send.Card!.ToJsonString());
        Assert.Equal(new PostedCard(chat, posted!.ActivityId, leader.ServiceUrl), posted);
    }

    [Fact]
    public async Task A_known_chat_is_written_to_directly_and_a_card_is_updated_in_place()
    {
        var (bot, messenger, leader) = await StartAsync(knownChat: true);
        await using var _ = bot;

        var posted = (await messenger.SendCardAsync(leader, Card))!;
        Assert.True(await messenger.UpdateCardAsync(posted, Card));
        Assert.True(await messenger.SendTextAsync(leader, "Approved"));

        Assert.Equal([
            ("POST", $"/v3/conversations/{leader.PersonalConversationId}/activities"),
            ("PUT", $"/v3/conversations/{leader.PersonalConversationId}/activities/{posted.ActivityId}"),
            ("POST", $"/v3/conversations/{leader.PersonalConversationId}/activities"),
        ], bot.Connector.Calls.Select(c => (c.Method, c.Path)));
        Assert.Equal("Approved", (string?)bot.Connector.Calls[2].Body!["text"]);
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_is_marked_and_skipped_afterwards()
    {
        var (bot, messenger, leader) = await StartAsync(knownChat: true);
        await using var _ = bot;
        bot.Connector.FailNext(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""");

        Assert.Null(await messenger.SendCardAsync(leader, Card));
        Assert.Null(await messenger.SendCardAsync(leader, Card));
        Assert.False(await messenger.UpdateCardAsync(new PostedCard(leader.PersonalConversationId!, "activity-9", leader.ServiceUrl), Card));

        Assert.Single(bot.Connector.Calls);
        Assert.True(await bot.Archive.Conversations.IsUnreachableAsync(leader.PersonalConversationId!));
    }

    [Fact]
    public async Task A_channel_gets_a_new_post_and_other_kinds_of_conversation_none()
    {
        var (bot, messenger, _) = await StartAsync(knownChat: false);
        await using var __ = bot;
        var channel = new ConversationRef(Demo.TeamChannel, ConversationKind.Channel, Demo.TenantId, bot.ServiceUrl.ToString(), Demo.BotId,
            Demo.TeamId, "Sales East", Demo.TeamChannel);

        Assert.NotNull(await messenger.PostCardAsync(channel, Card));
        Assert.Null(await messenger.PostCardAsync(channel with { Kind = ConversationKind.GroupChat }, Card));

        Assert.Equal(("POST", $"/v3/conversations/{Demo.TeamChannel}/activities"), (bot.Connector.Calls.Single().Method, bot.Connector.Calls.Single().Path));
    }
}
