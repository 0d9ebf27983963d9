using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>The whole bot (Program.Build) with Archive:Provider = SharePoint, on the fake Graph server.</summary>
public sealed class SharePointBotTests
{
    [Fact]
    public async Task A_help_turn_stores_the_user_and_the_conversation_in_SharePoint()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        await using var bot = await TestBot.StartAsync(settings: sp.BotSettings());

        var turn = await bot.Say(Demo.LiNa, "help");

        Assert.Equal(200, turn.Status);
        Assert.Single(turn.Calls);
        Assert.IsType<SharePointArchive>(bot.Archive);
        var user = Assert.Single(sp.List(SharePointLists.Users).Snapshot());
        Assert.Equal((Demo.LiNa.AadObjectId, "Li Na"), ((string?)user["Title"], (string?)user["DisplayName"]));
        var conversation = Assert.Single(sp.List(SharePointLists.Conversations).Snapshot());
        Assert.Equal(Demo.PersonalChat(Demo.LiNa), (string?)conversation["ConversationId"]);
        Assert.Equal(Demo.PersonalChat(Demo.LiNa), (await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))?.PersonalConversationId);
        sp.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task A_personal_install_is_welcomed_once_as_on_SQLite()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        await using var bot = await TestBot.StartAsync(settings: sp.BotSettings());

        await Transcript.VerifyAsync("install.personal", bot, Installed(bot.ServiceUrl, Demo.LiNa), Installed(bot.ServiceUrl, Demo.LiNa));
    }
}
