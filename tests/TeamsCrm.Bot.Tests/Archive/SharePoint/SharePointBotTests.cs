using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
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

    [Fact]
    public async Task A_new_customer_goes_to_the_direct_leader_for_approval_and_the_decision_activates_it()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        await using var bot = await TestBot.StartAsync(settings: sp.BotSettings(), now: Now);
        await bot.Say(Demo.ZhangWei, "help");                  // so the bot can write to the leader

        var filed = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Guid.NewGuid().ToString("D"))));

        Assert.Equal(200, filed.Status);
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        var copy = Assert.Single(request.Copies);
        Assert.Equal(Demo.PersonalChat(Demo.ZhangWei), copy.ConversationId);
        var card = Assert.Single(filed.Calls, c => c.Path == $"/v3/conversations/{copy.ConversationId}/activities").Card!.ToJsonString();
        Assert.Contains(request.Id, card, StringComparison.Ordinal);
        Assert.Equal(CustomerStatus.Pending, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);

        await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));

        Assert.Equal(ApprovalStatus.Approved, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
        Assert.Equal(CustomerStatus.Active, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);
        Assert.Single(sp.List(SharePointLists.Approvals).Snapshot());
        sp.AssertEveryQueryUsedOneIndex();
    }
}
