using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using static TeamsCrm.Bot.Tests.Customers.EditTranscripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// A team's approvals channel gets a copy of its members' requests, updated in place with the decision. Everyone in the
/// channel reads it, reps included, so it carries the summary and status only; the details (before → after, reason,
/// comment) and the buttons go to the approvers' own chats and to each person's refreshed view.
/// </summary>
public class ApprovalChannelTests
{
    [Fact]
    public async Task A_members_request_is_posted_in_the_channel_and_the_decision_updates_that_copy_too()
    {
        await using var bot = await StartWithChannelAsync();
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
        await using var bot = await StartWithChannelAsync();
        await bot.Say(Demo.ZhangWei, "help");

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.create", NewCompany(Guid.NewGuid().ToString("D"), "Tom's Steel Works", "025 5210 3399")));

        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        Assert.Equal([Demo.PersonalChat(Demo.ZhangWei)], (await bot.Archive.Approvals.GetAsync(request.Id))!.Copies.Select(c => c.ConversationId));
        Assert.Equal(ApprovalStatus.Pending, request.Status);
    }

    [Fact]
    public async Task A_change_to_a_file_shows_only_its_summary_in_the_channel_and_its_details_to_the_approver_and_requester()
    {
        await using var bot = await StartWithChannelAsync();
        var (_, request) = await ModificationApprovalTests.RequestAsync(bot);
        var inChannel = Shown(bot.Connector.Calls.Single(c => c.Method == "POST" && c.Path.Contains(Demo.TeamChannel, StringComparison.Ordinal)).Card);
        var toApprover = Shown(bot.Connector.Calls.Single(c => c.Method == "POST" && c.Path.Contains(Demo.PersonalChat(Demo.WangFang), StringComparison.Ordinal)).Card);
        var posted = (await bot.Archive.Approvals.GetAsync(request.Id))!.Copies;
        Assert.Equal([(Demo.PersonalChat(Demo.WangFang), false), (Demo.TeamChannel, true)],
            posted.Select(c => (c.ConversationId, c.Shared ?? false)).OrderBy(c => c.Item2));

        var tom = Shown((await bot.PostAsync(Refresh(bot, Demo.TomBecker, request))).InvokeCard);
        var wangFang = Shown((await bot.PostAsync(Refresh(bot, Demo.WangFang, request))).InvokeCard);
        var liNa = Shown((await bot.PostAsync(Refresh(bot, Demo.LiNa, request))).InvokeCard);

        // The channel, and a rep who is no party to it, see which request, whose, whose decision, its status; nothing more.
        foreach (var summary in new[] { inChannel, tom })
        {
            foreach (var text in new[] { "Change to a customer file: Huadong Precision", "C-2026-00001", "Li Na", "Wang Fang", "Waiting for a decision" })
                Assert.Contains(text, summary, StringComparison.Ordinal);
            foreach (var secret in new[] { "021 5555 0199", HuadongPhone, "New switchboard number", "→", "approval.decide", "approval.cancel" })
                Assert.DoesNotContain(secret, summary, StringComparison.Ordinal);
        }
        Assert.Contains("\"userIds\"", inChannel, StringComparison.Ordinal);   // …and Teams shows the parties their own view
        Assert.Contains("021 5555 0199", toApprover, StringComparison.Ordinal);
        Assert.Contains("approval.decide", toApprover, StringComparison.Ordinal);
        Assert.Contains("021 5555 0199", wangFang, StringComparison.Ordinal);
        Assert.Contains("approval.decide", wangFang, StringComparison.Ordinal);
        Assert.Contains("021 5555 0199", liNa, StringComparison.Ordinal);
        Assert.Contains("approval.cancel", liNa, StringComparison.Ordinal);

        var decision = await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve", "Checked with the customer"));

        var channel = Shown(decision.Calls.Single(c => c.Method == "PUT" && c.Path.Contains(Demo.TeamChannel, StringComparison.Ordinal)).Card);
        var own = Shown(decision.Calls.Single(c => c.Method == "PUT" && c.Path.Contains(Demo.PersonalChat(Demo.WangFang), StringComparison.Ordinal)).Card);
        Assert.Contains("Approved by Wang Fang", channel, StringComparison.Ordinal);
        foreach (var secret in new[] { "021 5555 0199", HuadongPhone, "New switchboard number", "Checked with the customer", "→" })
            Assert.DoesNotContain(secret, channel, StringComparison.Ordinal);
        Assert.Contains("021 5555 0199", own, StringComparison.Ordinal);
        Assert.Contains("Checked with the customer", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Checked with the customer", Shown((await bot.PostAsync(Refresh(bot, Demo.TomBecker, request))).InvokeCard), StringComparison.Ordinal);
        Assert.Contains("Checked with the customer", Shown((await bot.PostAsync(Refresh(bot, Demo.LiNa, request))).InvokeCard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_stored_before_copies_were_marked_is_shared_unless_it_is_an_approvers_own_chat()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        // As an earlier version stored them, without saying whether they were shared.
        await bot.Archive.Approvals.AddCopyAsync(request.Id, new CardCopy(Demo.PersonalChat(Demo.ZhangWei), "older-1", bot.ServiceUrl.ToString()));
        await bot.Archive.Approvals.AddCopyAsync(request.Id, new CardCopy(Demo.TeamChannel, "older-2", bot.ServiceUrl.ToString()));

        var decision = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve", "Complete, thanks"));

        string Update(string activity) => Shown(decision.Calls.Single(c => c.Method == "PUT" && c.Path.EndsWith("/" + activity, StringComparison.Ordinal)).Card);
        Assert.Contains("Complete, thanks", Update("older-1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Complete, thanks", Update("older-2"), StringComparison.Ordinal);
        Assert.Contains("Approved by Zhang Wei", Update("older-2"), StringComparison.Ordinal);
    }
}
