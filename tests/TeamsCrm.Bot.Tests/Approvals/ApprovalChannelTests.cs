using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>A team's approvals channel gets a copy of its members' requests, updated in place with the decision.</summary>
public class ApprovalChannelTests
{
    static async Task<TestBot> StartAsync()
    {
        var bot = await TestBot.StartAsync(now: Now, settings: new Dictionary<string, string?> { ["Approvals:Channels:0"] = Demo.TeamChannel });
        await bot.PostAsync(Installed(bot.ServiceUrl, Demo.WangFang, "channel"));   // the app in the team: the channel is known
        bot.Connector.Members.Add(new JsonObject { ["id"] = Demo.LiNa.TeamsId, ["name"] = Demo.LiNa.Name, ["aadObjectId"] = Demo.LiNa.AadObjectId });
        bot.Connector.Members.Add(new JsonObject { ["id"] = Demo.ZhangWei.TeamsId, ["name"] = Demo.ZhangWei.Name, ["aadObjectId"] = Demo.ZhangWei.AadObjectId });
        bot.Connector.Members.Add(new JsonObject { ["id"] = Demo.WangFang.TeamsId, ["name"] = Demo.WangFang.Name, ["aadObjectId"] = Demo.WangFang.AadObjectId });
        return bot;
    }

    [Fact]
    public async Task A_members_request_is_posted_in_the_channel_and_the_decision_updates_that_copy_too()
    {
        await using var bot = await StartAsync();
        var request = await FileAsync(bot);

        var copies = (await bot.Archive.Approvals.GetAsync(request.Id))!.Copies;
        Assert.Equal(new[] { Demo.TeamChannel, Demo.PersonalChat(Demo.ZhangWei) }.Order(StringComparer.Ordinal),
            copies.Select(c => c.ConversationId).Order(StringComparer.Ordinal));
        var decision = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));

        var updated = decision.Calls.Where(c => c.Method == "PUT").Select(c => Uri.UnescapeDataString(c.Path)).ToList();
        Assert.Equal(copies.Select(c => $"/v3/conversations/{c.ConversationId}/activities/{c.ActivityId}").Order(StringComparer.Ordinal),
            updated.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Someone_outside_the_team_gets_no_copy_in_its_channel()
    {
        await using var bot = await StartAsync();
        await bot.Say(Demo.ZhangWei, "help");

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.create", NewCompany(Guid.NewGuid().ToString("D"), "Tom's Steel Works", "025 5210 3399")));

        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        Assert.Equal([Demo.PersonalChat(Demo.ZhangWei)], (await bot.Archive.Approvals.GetAsync(request.Id))!.Copies.Select(c => c.ConversationId));
        Assert.Equal(ApprovalStatus.Pending, request.Status);
    }
}
