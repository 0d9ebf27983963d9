using System.Text.Json.Nodes;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Tests.Connector;

/// <summary>Each operation reaches the Bot Connector REST path the protocol names, relative to the serviceUrl.</summary>
public class ConnectorClientTests
{
    const string Thread = "19:sales-east@thread.tacv2;messageid=1763799330123";

    static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task Send_and_reply_post_to_the_conversations_activities()
    {
        await using var c = await ConnectorHarness.StartAsync();

        var sent = await c.Client.SendAsync(c.Url, Thread, Text("new post"));
        var replied = await c.Client.ReplyAsync(c.Url, Thread, "1763799330123", Text("a reply"));

        Assert.NotEqual(sent.Id, replied.Id);
        Assert.Collection(c.Fake.Calls,
            call => Assert.Equal(("POST", $"/v3/conversations/{Thread}/activities", "new post"), (call.Method, call.Path, (string?)call.Body!["text"])),
            call => Assert.Equal(("POST", $"/v3/conversations/{Thread}/activities/1763799330123", "a reply"), (call.Method, call.Path, (string?)call.Body!["text"])));
    }

    [Fact]
    public async Task Update_puts_the_whole_new_activity_and_delete_removes_it()
    {
        await using var c = await ConnectorHarness.StartAsync();
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };

        await c.Client.UpdateAsync(c.Url, "a:1personal", "activity-7", new Activity { Type = ActivityTypes.Message, Id = "activity-7", Attachments = [Attachment.AdaptiveCard(card)] });
        await c.Client.DeleteAsync(c.Url, "a:1personal", "activity-7");

        var (update, delete) = (c.Fake.Calls[0], c.Fake.Calls[1]);
        Assert.Equal(("PUT", "/v3/conversations/a:1personal/activities/activity-7"), (update.Method, update.Path));
        Assert.Equal("activity-7", (string?)update.Body!["id"]);
        Assert.True(JsonNode.DeepEquals(card, update.Card));
        Assert.Equal(("DELETE", "/v3/conversations/a:1personal/activities/activity-7"), (delete.Method, delete.Path));
        Assert.Equal(2, c.Fake.Calls.Count);
    }

    [Fact]
    public async Task Create_conversation_posts_the_parameters_and_returns_the_new_id()
    {
        await using var c = await ConnectorHarness.StartAsync();
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:li-na" }],
            TenantId = "t-1",
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t-1" } },
        };

        var created = await c.Client.CreateConversationAsync(c.Url, parameters);

        Assert.StartsWith("a:created-", created.Id, StringComparison.Ordinal);
        var call = Assert.Single(c.Fake.Calls);
        Assert.Equal(("POST", "/v3/conversations"), (call.Method, call.Path));
        Assert.Equal("29:li-na", (string?)call.Body!["members"]![0]!["id"]);
        Assert.Equal("t-1", (string?)call.Body["channelData"]!["tenant"]!["id"]);
        Assert.Null(call.Body["isGroup"]);   // nulls are left out, not sent as null
    }

    [Fact]
    public async Task All_members_follow_the_continuation_tokens_page_by_page()
    {
        await using var c = await ConnectorHarness.StartAsync();
        for (var i = 1; i <= 5; i++)
            c.Fake.Members.Add(new JsonObject { ["id"] = $"29:member-{i}", ["name"] = $"Member {i}", ["aadObjectId"] = $"aad-{i}" });

        var members = new List<ChannelAccount>();
        await foreach (var m in c.Client.GetAllMembersAsync(c.Url, Thread)) members.Add(m);

        Assert.Equal(["aad-1", "aad-2", "aad-3", "aad-4", "aad-5"], members.Select(m => m.AadObjectId!).ToArray());
        Assert.All(c.Fake.Calls, call => Assert.Equal(("GET", $"/v3/conversations/{Thread}/pagedmembers"), (call.Method, call.Path)));
        Assert.Equal(["?pageSize=100", "?pageSize=100&continuationToken=2", "?pageSize=100&continuationToken=4"],
            c.Fake.Calls.Select(call => call.Query).ToArray());
    }

    [Fact]
    public async Task A_regional_serviceUrl_keeps_its_path_with_or_without_the_trailing_slash()
    {
        await using var c = await ConnectorHarness.StartAsync();

        await c.Client.SendAsync(c.Url + "apac", "a:1", Text("one"));
        await c.Client.SendAsync(c.Url + "apac/", "a:1", Text("two"));

        Assert.All(c.Fake.Calls, call => Assert.Equal("/apac/v3/conversations/a:1/activities", call.Path));
        Assert.Equal(2, c.Fake.Calls.Count);
    }
}
