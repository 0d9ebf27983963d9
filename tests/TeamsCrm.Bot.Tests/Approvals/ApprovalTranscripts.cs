using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>A new customer file from request to decision, as the rep and the leader see it.</summary>
public class ApprovalTranscripts
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_leader_gets_the_request_in_their_chat_and_approving_it_activates_the_file_and_tells_the_rep(string locale)
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.ZhangWei, "help", locale);
        await Transcript.VerifyAsync($"approvals.new-file.request.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1), locale));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        bot.Clock.Advance(TimeSpan.FromHours(2));

        await Transcript.VerifyAsync($"approvals.new-file.approve.{locale}", bot,
            Refresh(bot, Demo.ZhangWei, request, locale),      // the leader's view: comment, Approve, Reject
            Refresh(bot, Demo.LiNa, request, locale),          // the rep's view: Cancel
            Refresh(bot, Demo.TomBecker, request, locale),     // anyone else: the status
            Decide(bot, Demo.ZhangWei, request, "Approve", "Complete, thanks", locale));

        var file = (await bot.Archive.Customers.GetFileAsync(request.Subject))!;
        Assert.Equal(CustomerStatus.Active, file.Customer.Status);
        Assert.Equal(["approval:approved", "status:Active", "approval:requested"], file.History.Select(h => $"{h.Field}:{h.NewValue}"));
        Assert.All(file.History, h => Assert.Equal(request.Id, h.ApprovalId));
        var decided = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((ApprovalStatus.Approved, Demo.ZhangWei.AadObjectId, "Complete, thanks"), (decided.Status, decided.DecidedByAadObjectId, decided.Comment));
        Assert.NotNull(decided.EffectAppliedAt);
    }

    [Fact]
    public async Task A_rejection_needs_a_comment_keeps_the_file_pending_and_tells_the_rep_why()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        bot.Clock.Advance(TimeSpan.FromHours(2));

        await Transcript.VerifyAsync("approvals.new-file.reject", bot,
            Decide(bot, Demo.ZhangWei, request, "Reject", "  "),
            Decide(bot, Demo.ZhangWei, request, "Reject", "Same customer as C-2025-00017"));

        var file = (await bot.Archive.Customers.GetFileAsync(request.Subject))!;
        Assert.Equal(CustomerStatus.Pending, file.Customer.Status);
        var rejected = file.History[0];
        Assert.Equal(("approval", "rejected", "Same customer as C-2025-00017"), (rejected.Field, rejected.NewValue, rejected.Reason));
    }

    [Fact]
    public async Task The_rep_cancels_a_pending_request_and_every_copy_says_so()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);

        await Transcript.VerifyAsync("approvals.new-file.cancel", bot,
            CardAction(bot.ServiceUrl, Demo.ZhangWei, "approval.cancel", new() { ["id"] = request.Id }),
            CardAction(bot.ServiceUrl, Demo.LiNa, "approval.cancel", new() { ["id"] = request.Id }));

        Assert.Equal(ApprovalStatus.Cancelled, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
        Assert.Empty(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
    }
}
