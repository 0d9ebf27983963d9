using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>"approvals" / "审批": my pending decisions and my open requests, each as its live card; overdue ones for the digest.</summary>
public class ApprovalListTests
{
    [Fact]
    public async Task The_leader_sees_the_request_with_its_buttons_and_the_rep_sees_it_with_cancel()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);

        var leader = await bot.Say(Demo.ZhangWei, "approvals");
        var rep = await bot.Say(Demo.LiNa, "审批", "zh-CN");
        var tom = await bot.Say(Demo.TomBecker, "approvals");

        Assert.Equal(2, leader.Calls.Count);
        Assert.Contains("Waiting for your decision: 1. Your open requests: 0.", (string?)leader.Calls[0].Body!["text"], StringComparison.Ordinal);
        var leaderCard = leader.Calls[1].Card!.ToJsonString();
        Assert.Contains("approval.decide", leaderCard, StringComparison.Ordinal);
        Assert.Contains(request.Id, leaderCard, StringComparison.Ordinal);
        var repCard = rep.Calls[1].Card!.ToJsonString();
        Assert.Contains("approval.cancel", repCard, StringComparison.Ordinal);
        Assert.DoesNotContain("approval.decide", repCard, StringComparison.Ordinal);
        Assert.Equal("Nothing waits for your decision, and you have no open requests.", (string?)tom.Calls.Single().Body!["text"]);
    }

    [Fact]
    public async Task Requests_pending_over_a_day_are_listed_for_the_daily_digest()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        Assert.Empty(await bot.Archive.Approvals.PendingCreatedBeforeAsync(bot.Clock.GetUtcNow().AddHours(-24)));

        bot.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal([request.Id], (await bot.Archive.Approvals.PendingCreatedBeforeAsync(bot.Clock.GetUtcNow().AddHours(-24))).Select(a => a.Id));
    }
}
