using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// The channel registry through the real pipeline: Teams' conversationUpdate events (channelData.eventType) and
/// installationUpdate keep the stored channels of a team true, which is where channel reminders may go.
/// </summary>
public class ChannelRegistryTests
{
    const string Reminders = "19:reminders@thread.tacv2", Field = "19:field-news@thread.tacv2";

    static JsonObject TeamEvent(TestBot bot, string eventType, string? channelId = null, string? channelName = null, string teamName = "Sales East Team")
    {
        var activity = Installed(bot.ServiceUrl, Demo.WangFang, "channel");
        activity["type"] = "conversationUpdate";
        activity.Remove("action");
        var data = activity["channelData"]!.AsObject();
        data.Remove("settings");
        data["eventType"] = eventType;
        data["team"]!["name"] = teamName;
        data["channel"] = channelId is null ? null : new JsonObject { ["id"] = channelId, ["name"] = channelName };
        return activity;
    }

    static async Task<IReadOnlyList<string>> ChannelsAsync(TestBot bot) =>
        [.. (await bot.Archive.Conversations.ChannelsOfTeamAsync(Demo.TeamId)).Select(c => c.Id).Order(StringComparer.Ordinal)];

    static async Task<TestBot> InstalledAsync()
    {
        var bot = await TestBot.StartAsync();
        bot.Connector.Channels.Add(new JsonObject { ["id"] = Reminders, ["name"] = "Reminders" });
        Assert.Equal(200, (await bot.PostAsync(Installed(bot.ServiceUrl, Demo.WangFang, "channel"))).Status);
        return bot;
    }

    [Fact]
    public async Task Channels_created_renamed_and_deleted_keep_the_teams_list_true()
    {
        await using var bot = await InstalledAsync();
        Assert.Equal([Demo.TeamId, Reminders], await ChannelsAsync(bot));   // the General channel and the one the connector lists

        await bot.PostAsync(TeamEvent(bot, "channelCreated", Field, "Field news"));
        await bot.PostAsync(TeamEvent(bot, "channelRenamed", Field, "Field reports"));
        Assert.Equal([Demo.TeamId, Field, Reminders], await ChannelsAsync(bot));

        await bot.PostAsync(TeamEvent(bot, "channelDeleted", Reminders, "Reminders"));
        Assert.Equal([Demo.TeamId, Field], await ChannelsAsync(bot));
        Assert.True(await bot.Archive.Conversations.IsUnreachableAsync(Reminders));

        await bot.PostAsync(TeamEvent(bot, "channelRestored", Reminders, "Reminders"));
        Assert.Equal([Demo.TeamId, Field, Reminders], await ChannelsAsync(bot));
    }

    [Fact]
    public async Task A_renamed_team_is_renamed_on_every_channel_and_an_archived_or_uninstalled_team_gets_nothing()
    {
        await using var bot = await InstalledAsync();

        await bot.PostAsync(TeamEvent(bot, "teamRenamed", teamName: "Sales East & North"));
        Assert.All(await bot.Archive.Conversations.ChannelsOfTeamAsync(Demo.TeamId), c => Assert.Equal("Sales East & North", c.TeamName));

        await bot.PostAsync(TeamEvent(bot, "teamArchived"));
        Assert.Empty(await ChannelsAsync(bot));
        await bot.PostAsync(TeamEvent(bot, "teamUnarchived"));
        Assert.Equal([Demo.TeamId, Reminders], await ChannelsAsync(bot));

        await bot.PostAsync(Installed(bot.ServiceUrl, Demo.WangFang, "channel").With("action", "remove"));
        Assert.Empty(await ChannelsAsync(bot));
        Assert.True(await bot.Archive.Conversations.IsUnreachableAsync(Reminders));
    }
}
