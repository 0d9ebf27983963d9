using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Tests.Schema;

public class TeamsChannelDataTests
{
    [Fact]
    public void Reads_tenant_team_and_channel_of_a_channel_message()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsJson.ChannelMessage, BotJson.Options)!;

        var data = TeamsChannelData.From(activity)!;

        Assert.Equal("7a1c0000-0000-4000-8000-000000000001", data.Tenant!.Id);
        Assert.Equal("19:team-root@thread.tacv2", data.Team!.Id);
        Assert.Equal("19:sales-east@thread.tacv2", data.Channel!.Id);
        Assert.Null(data.EventType);
    }

    [Fact]
    public void Reads_the_event_type_and_names_of_a_conversation_update()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelData = JsonNode.Parse("""
                {
                  "team": { "id": "19:team-root@thread.tacv2", "name": "Sales East", "aadGroupId": "7a1c0000-0000-4000-8000-0000000000a1" },
                  "eventType": "channelRenamed",
                  "channel": { "id": "19:sales-east@thread.tacv2", "name": "Key accounts" },
                  "tenant": { "id": "7a1c0000-0000-4000-8000-000000000001" },
                  "settings": { "selectedChannel": { "id": "19:general@thread.tacv2" } }
                }
                """),
        };

        var data = TeamsChannelData.From(activity)!;

        Assert.Equal("channelRenamed", data.EventType);
        Assert.Equal("Sales East", data.Team!.Name);
        Assert.Equal("7a1c0000-0000-4000-8000-0000000000a1", data.Team.AadGroupId);
        Assert.Equal("Key accounts", data.Channel!.Name);
        Assert.Equal("7a1c0000-0000-4000-8000-000000000001", data.Tenant!.Id);
        Assert.Equal("19:general@thread.tacv2", data.Settings!.SelectedChannel!.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"not an object\"")]
    [InlineData("""{ "tenant": "t-1" }""")]
    public void Channel_data_of_another_shape_reads_as_absent(string? channelData)
    {
        var activity = new Activity { Type = ActivityTypes.Message, ChannelData = channelData is null ? null : JsonNode.Parse(channelData) };

        Assert.Null(TeamsChannelData.From(activity));
    }
}
