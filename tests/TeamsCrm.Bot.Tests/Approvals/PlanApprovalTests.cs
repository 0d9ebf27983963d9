using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.Bot.Tests.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>The weekly visit plan (填表 → 审核 → 批准): submitted to the rep's supervisor, who approves or returns it in the card.</summary>
public class PlanApprovalTests
{
    const string S1 = "b1111111-1111-4111-8111-111111111111", S2 = "b2222222-2222-4222-8222-222222222222", S3 = "b3333333-3333-4333-8333-333333333333";

    static JsonObject Submit(string version, string submission, string customer, string day = "5") => new()
    {
        ["week"] = "2026-W47", ["version"] = version, ["submissionId"] = submission, ["customer"] = customer, ["purpose"] = "Negotiation", ["day"] = day,
    };

    static async Task<(TestBot Bot, string Huadong)> StartAsync(string locale = "en-US")
    {
        var bot = await VisitSeeds.StartBotAsync();
        await bot.Say(Demo.ZhangWei, "help", locale);   // the supervisor has met the bot: it can write to him
        return (bot, (await CustomerSeeds.HuadongAsync(bot.Archive.Customers)).Number);
    }

    static Task<VisitPlan?> PlanAsync(TestBot bot) => bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47);

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_supervisor_returns_the_plan_with_a_comment_and_approves_it_once_submitted_again(string locale)
    {
        var (bot, huadong) = await StartAsync(locale);
        await using var _ = bot;
        await Transcript.VerifyAsync($"approvals.plan.submit.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Submit("", S1, huadong), locale));
        var first = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        Assert.Equal((ApprovalKind.VisitPlan, "2026-W47", S1), (first.Kind, first.Subject, first.Payload.Token));

        await Transcript.VerifyAsync($"approvals.plan.return.{locale}", bot,
            Decide(bot, Demo.ZhangWei, first, "Reject", null, locale),
            Decide(bot, Demo.ZhangWei, first, "Reject", "Add the Huawei visit", locale));
        var returned = (await PlanAsync(bot))!;
        Assert.Equal((VisitPlanStatus.Rejected, Demo.ZhangWei.AadObjectId, "Add the Huawei visit"),
            (returned.Status, returned.ReviewerAadObjectId, returned.ReviewComment));

        var version = returned.Version;
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Submit(version, S2, huadong, "4"), locale));
        var second = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        Assert.NotEqual(first.Id, second.Id);
        await Transcript.VerifyAsync($"approvals.plan.approve.{locale}", bot,
            Decide(bot, Demo.ZhangWei, second, "Approve", null, locale));
        var approved = (await PlanAsync(bot))!;
        Assert.Equal((VisitPlanStatus.Approved, 2, S2), (approved.Status, approved.Items.Count, approved.SubmissionId));
    }

    [Fact]
    public async Task Changing_a_submitted_plan_withdraws_its_request_and_every_copy_says_so()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Submit("", S1, huadong)));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        var copy = Assert.Single((await bot.Archive.Approvals.GetAsync(request.Id))!.Copies);

        var change = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.add", Submit((await PlanAsync(bot))!.Version, S2, huadong, "6")));

        Assert.Equal(ApprovalStatus.Cancelled, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
        var update = Assert.Single(change.Calls, c => c.Method == "PUT");
        Assert.EndsWith($"/activities/{copy.ActivityId}", update.Path, StringComparison.Ordinal);
        Assert.Contains("Cancelled", update.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(VisitPlanStatus.Draft, (await PlanAsync(bot))!.Status);

        // The old card's Approve, pressed afterwards, changes nothing.
        var late = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));
        Assert.Contains("already decided", late.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(VisitPlanStatus.Draft, (await PlanAsync(bot))!.Status);
    }

    [Fact]
    public async Task An_approval_that_crosses_an_edit_of_the_plan_does_not_approve_the_edited_plan()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Submit("", S1, huadong)));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        // Saved by another instance at the same moment, before it could withdraw the request.
        var plan = (await PlanAsync(bot))!;
        await bot.Archive.Visits.SavePlanAsync(plan with { Status = VisitPlanStatus.Submitted, SubmissionId = S3, Items = [.. plan.Items.Take(0)] });

        var decision = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));

        Assert.Contains("changed the plan after submitting it", decision.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((VisitPlanStatus.Submitted, S3), ((await PlanAsync(bot))!.Status, (await PlanAsync(bot))!.SubmissionId));
        var told = decision.Calls.Single(c => c.Method == "POST" && c.Body?["text"] is not null);
        Assert.Contains("Submit the plan again", told.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_reps_supervisor_decides_and_the_rep_cannot_approve_their_own_plan()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Submit("", S1, huadong)));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));

        var own = await bot.PostAsync(Decide(bot, Demo.LiNa, request, "Approve"));
        var other = await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));

        Assert.Contains("Nobody approves their own request", own.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Only the approvers", other.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(VisitPlanStatus.Submitted, (await PlanAsync(bot))!.Status);
    }

    [Fact]
    public async Task With_no_supervisor_in_the_directory_the_rep_and_the_admins_are_told()
    {
        await using var bot = await TestBot.StartAsync(now: VisitSeeds.Now, settings: new Dictionary<string, string?>
        {
            ["Directory:People:0:ManagerAadObjectId"] = "",
            ["Approvals:Admins:0"] = Demo.ChenJie.AadObjectId,
        });
        await bot.Say(Demo.ChenJie, "help");
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);

        var submit = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Submit("", S1, huadong.Number)));

        Assert.Contains("Nobody can decide this request yet", submit.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        var admin = Assert.Single(submit.Calls, c => c.Method == "POST");
        Assert.Contains(Demo.ChenJie.TeamsId[3..], admin.Path, StringComparison.Ordinal);
        Assert.Contains("Li Na filed “Weekly visit plan", admin.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(VisitPlanStatus.Submitted, (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, ReportSeeds.W47))!.Status);
    }
}
