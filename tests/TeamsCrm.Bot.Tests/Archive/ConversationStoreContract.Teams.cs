using TeamsCrm.Bot.Turns;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>The channel registry's part of the contract: a team's channels, renamed, removed one by one or all at once.</summary>
public abstract partial class ConversationStoreContract
{
    static ConversationRef ChannelOf(string id, string team = Demo.TeamId, string name = "Sales East Team") =>
        new(id, ConversationKind.Channel, Demo.TenantId, "https://smba.trafficmanager.net/apac/", Demo.BotId, team, name, id);

    [Fact]
    public async Task A_teams_channels_are_listed_until_removed_and_a_rename_reaches_each()
    {
        var general = ChannelOf(Demo.TeamId);
        var reminders = ChannelOf("19:reminders@thread.tacv2");
        var thread = ChannelOf("19:reminders@thread.tacv2;messageid=1700000000") with { ChannelId = "19:reminders@thread.tacv2" };
        var otherTeam = ChannelOf("19:other@thread.tacv2", team: "19:other@thread.tacv2", name: "Other");
        foreach (var c in new[] { general, reminders, thread, otherTeam }) await Store.SaveConversationAsync(c);

        Assert.Equal([general, reminders], await Store.ChannelsOfTeamAsync(Demo.TeamId));   // a reply thread is not a channel

        await Store.RenameTeamAsync(Demo.TeamId, "Sales East 华东");
        Assert.All(await Store.ChannelsOfTeamAsync(Demo.TeamId), c => Assert.Equal("Sales East 华东", c.TeamName));
        Assert.Equal("Other", (await Store.FindConversationAsync(otherTeam.Id))!.TeamName);

        await Store.MarkRemovedAsync(reminders.Id, Clock.GetUtcNow());
        Assert.Equal([general with { TeamName = "Sales East 华东" }], await Store.ChannelsOfTeamAsync(Demo.TeamId));

        await Store.MarkTeamRemovedAsync(Demo.TeamId, Clock.GetUtcNow());
        Assert.Empty(await Store.ChannelsOfTeamAsync(Demo.TeamId));
        Assert.True(await Store.IsUnreachableAsync(general.Id));
        Assert.False(await Store.IsUnreachableAsync(otherTeam.Id));

        await Store.SaveConversationAsync(general);   // installed again
        Assert.Equal([general], await Store.ChannelsOfTeamAsync(Demo.TeamId));
    }
}
