using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// A decision counts only from an approver of that request, as the authenticated sender; forged, stale and
/// replayed clicks change nothing; two approvers at once give exactly one decision.
/// </summary>
public class ApprovalSecurityTests
{
    static async Task AssertUnchangedAsync(TestBot bot, Approval request)
    {
        var stored = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((ApprovalStatus.Pending, request.Version), (stored.Status, stored.Version));
        Assert.Equal(CustomerStatus.Pending, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);
    }

    [Fact]
    public async Task Someone_who_is_not_an_approver_gets_an_error_card_even_with_the_approvers_ids_in_the_card_data()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        var forged = Decide(bot, Demo.TomBecker, request, "Approve");
        var data = forged["value"]!["action"]!["data"]!.AsObject();
        data["approver"] = Demo.ZhangWei.AadObjectId;                    // ids in card data mean nothing
        data["aadObjectId"] = Demo.ZhangWei.AadObjectId;
        data["from"] = new JsonObject { ["aadObjectId"] = Demo.ZhangWei.AadObjectId };

        var turn = await bot.PostAsync(forged);

        Assert.Contains("Only the approvers", turn.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(turn.Calls);
        await AssertUnchangedAsync(bot, request);
    }

    [Fact]
    public async Task Nobody_approves_their_own_request_and_a_sales_manager_may_not_approve_a_leaders_request()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);

        var own = await bot.PostAsync(Decide(bot, Demo.LiNa, request, "Approve"));
        var manager = await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));

        Assert.Contains("their own request", own.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Only the approvers", manager.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(bot, request);
    }

    [Fact]
    public async Task A_request_that_does_not_exist_or_a_made_up_decision_changes_nothing()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);

        var unknown = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request with { Id = "ffffffffffffffffffffffffffffffff" }, "Approve"));
        var odd = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Escalate"));
        var numeric = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "0"));

        Assert.Contains("no longer on file", unknown.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(odd.InvokeCard);
        Assert.NotNull(numeric.InvokeCard);
        await AssertUnchangedAsync(bot, request);
    }

    [Fact]
    public async Task A_stale_card_pressed_after_the_decision_shows_the_outcome_with_a_warning_and_changes_nothing()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));

        var stale = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Reject", "changed my mind"));
        var cancel = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "approval.cancel", new() { ["id"] = request.Id }));

        Assert.Contains("already decided", stale.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("already decided", cancel.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(stale.Calls);
        Assert.Empty(cancel.Calls);
        var stored = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((ApprovalStatus.Approved, (string?)null), (stored.Status, stored.Comment));
        Assert.Equal(CustomerStatus.Active, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);
    }

    [Fact]
    public async Task A_double_click_or_a_redelivery_decides_once_updates_once_and_tells_the_rep_once()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        var click = Decide(bot, Demo.ZhangWei, request, "Approve");

        var first = await bot.PostAsync(click);
        var redelivered = await bot.PostAsync(click);                                    // same activity id
        var second = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));  // a second click

        Assert.Equal(2, first.Calls.Count);   // the copy updated, the rep told
        Assert.Empty(redelivered.Calls);
        Assert.Empty(second.Calls);
        Assert.DoesNotContain("already decided", second.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        var history = (await bot.Archive.Customers.GetFileAsync(request.Subject))!.History;
        Assert.Single(history, h => h.Field == "approval" && h.NewValue == "approved");
        Assert.Single(history, h => h.Field == "status");
    }

    [Fact]
    public async Task A_decision_whose_effect_was_interrupted_is_completed_by_the_next_click()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        // As if the bot stopped between storing the decision and applying it.
        await bot.Archive.Approvals.SaveAsync(ApprovalRules.Decide(request, Demo.ZhangWei.AadObjectId, Decision.Approve, null, bot.Clock.GetUtcNow()));

        var retry = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));

        Assert.Equal(CustomerStatus.Active, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);
        Assert.NotNull((await bot.Archive.Approvals.GetAsync(request.Id))!.EffectAppliedAt);
        Assert.Equal(2, retry.Calls.Count);
    }

    [Fact]
    public async Task Two_approvers_answering_at_the_same_moment_give_exactly_one_decision()
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers, Demo.TomBecker);
        var request = await bot.Archive.Approvals.CreateAsync(new Approval
        {
            Id = Guid.NewGuid().ToString("N"), Kind = ApprovalKind.Access, Subject = huadong.Number, SubjectName = huadong.Name,
            RequesterAadObjectId = Demo.LiNa.AadObjectId, ApproverAadObjectIds = [Demo.WangFang.AadObjectId, Demo.ChenJie.AadObjectId],
            Payload = new ApprovalPayload("Covering for Tom", GrantDays: 7), CreatedAt = bot.Clock.GetUtcNow(), RequestKey = "access:race",
        });

        var answers = await Task.WhenAll(
            Task.Run(() => bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"))),
            Task.Run(() => bot.PostAsync(Decide(bot, Demo.ChenJie, request, "Reject", "Not needed"))));

        var stored = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.NotEqual(ApprovalStatus.Pending, stored.Status);
        Assert.Single(answers, a => a.InvokeCard!.ToJsonString().Contains("already decided", StringComparison.Ordinal));
        var decisions = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.History.Where(h => h.Field == "approval" && h.NewValue != "requested");
        Assert.Equal(stored.Status.ToString().ToLowerInvariant(), Assert.Single(decisions).NewValue);
    }
}
