using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// The approvers are fixed when a request is filed, but whoever presses is checked against the directory as it is at
/// that moment: someone who lost the role, or left, is refused with nothing changed, and their view has no buttons.
/// The directory changes here the way the configured one does: the bot is started again with other settings.
/// </summary>
public class StaleApproverTests
{
    /// <summary>Index of each demo person in appsettings.json's Directory:People.</summary>
    const int LiNa = 0, ZhangWei = 2, WangFang = 3;

    static async Task AssertNothingChangedAsync(TestBot bot, Approval request, TurnResult press)
    {
        Assert.Equal(200, press.Status);
        Assert.Empty(press.Calls);   // the answer only: no copy updated, nobody told
        var stored = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((ApprovalStatus.Pending, request.Version, (string?)null), (stored.Status, stored.Version, stored.DecidedByAadObjectId));
        Assert.Null(stored.Finish);
        Assert.Equal(["approval:requested"], (await bot.Archive.Customers.GetFileAsync(request.Subject))!.History.Select(h => $"{h.Field}:{h.NewValue}"));
    }

    [Fact]
    public async Task A_sales_manager_who_lost_the_role_can_no_longer_approve_a_change_and_sees_no_buttons()
    {
        await using var filed = await StartBotAsync();
        var (huadong, request) = await ModificationApprovalTests.RequestAsync(filed);
        await using var bot = await filed.RestartAsync(new Dictionary<string, string?> { [$"Directory:People:{WangFang}:Roles:0"] = nameof(Role.KeyAccountDirector) });

        var press = await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve", "OK"));
        var view = await bot.PostAsync(Refresh(bot, Demo.WangFang, request));

        await AssertNothingChangedAsync(bot, request, press);
        foreach (var card in new[] { Shown(press.InvokeCard), Shown(view.InvokeCard) })
        {
            Assert.Contains("You no longer hold the role that decides “Change to a customer file” requests", card, StringComparison.Ordinal);
            Assert.DoesNotContain("approval.decide", card, StringComparison.Ordinal);
            Assert.DoesNotContain("021 5555 0199", card, StringComparison.Ordinal);   // nor the change's details
        }
        var file = (await bot.Archive.Customers.GetAsync(huadong.Number))!;
        Assert.Equal((HuadongPhone, CustomerTier.Special), (file.Phone, file.Tier));
    }

    [Theory]
    [InlineData("en-US", "You are no longer Li Na's direct leader, so you can no longer decide this request. Nothing was changed.")]
    [InlineData("zh-CN", "您已不再是 Li Na 的直接领导，不能再审批此申请。未做任何更改。")]
    public async Task A_leader_whose_rep_now_reports_to_someone_else_can_no_longer_approve_her_new_file(string locale, string why)
    {
        await using var filed = await StartBotAsync();
        var request = await FileAsync(filed, locale);
        await using var bot = await filed.RestartAsync(new Dictionary<string, string?> { [$"Directory:People:{LiNa}:ManagerAadObjectId"] = Demo.WangFang.AadObjectId });

        var press = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Reject", "Duplicate", locale));

        await AssertNothingChangedAsync(bot, request, press);
        Assert.Contains(why, Shown(press.InvokeCard), StringComparison.Ordinal);
        Assert.Equal(CustomerStatus.Pending, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);
    }

    [Fact]
    public async Task Someone_who_left_the_directory_can_no_longer_decide_even_a_rejection_without_a_comment()
    {
        await using var filed = await StartBotAsync();
        var request = await FileAsync(filed);
        await using var bot = await filed.RestartAsync(new Dictionary<string, string?> { [$"Directory:People:{ZhangWei}:AadObjectId"] = "" });

        var press = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Reject"));   // would otherwise ask for the comment, with the buttons

        await AssertNothingChangedAsync(bot, request, press);
        Assert.Contains("You are no longer in the company directory", Shown(press.InvokeCard), StringComparison.Ordinal);
        Assert.DoesNotContain("approval.decide", Shown(press.InvokeCard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_who_still_holds_the_role_after_the_restart_decides_as_before()
    {
        await using var filed = await StartBotAsync();
        var request = await FileAsync(filed);
        await using var bot = await filed.RestartAsync(new Dictionary<string, string?> { [$"Directory:People:{WangFang}:Roles:0"] = nameof(Role.KeyAccountDirector) });

        var press = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));

        Assert.Equal(ApprovalStatus.Approved, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
        Assert.Equal(2, press.Calls.Count);   // the copy updated, the rep told
    }
}
