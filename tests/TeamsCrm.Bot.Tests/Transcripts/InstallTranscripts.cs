using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Transcripts;

public class InstallTranscripts
{
    [Fact]
    public async Task Personal_install_welcomes_once()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("install.personal", bot,
            Installed(bot.ServiceUrl, Demo.LiNa),
            Installed(bot.ServiceUrl, Demo.LiNa));   // the playground sends one on every page load
    }

    [Fact]
    public async Task Team_install_welcomes_the_team_in_Chinese()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("install.team.zh-CN", bot, Installed(bot.ServiceUrl, Demo.WangFang, "channel", "zh-CN"));
        var stored = await bot.Archive.Conversations.FindConversationAsync(Demo.TeamChannel);
        Assert.Equal(Demo.TeamId, stored?.TeamId);
        Assert.Equal("Sales East Team", stored?.TeamName);
    }

    [Fact]
    public async Task Bot_added_as_a_member_welcomes_and_removal_marks_the_chat_unreachable()
    {
        await using var bot = await TestBot.StartAsync();
        var added = Installed(bot.ServiceUrl, Demo.ZhangWei, "groupChat").With("type", "conversationUpdate").With("action", null)
            .With("membersAdded", new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = Demo.BotId }));
        var removed = Installed(bot.ServiceUrl, Demo.ZhangWei, "groupChat").With("action", "remove");
        await Transcript.VerifyAsync("install.group-then-remove", bot, added, removed);
        Assert.True(await bot.Archive.Conversations.IsUnreachableAsync((string)added["conversation"]!["id"]!));
    }
}
