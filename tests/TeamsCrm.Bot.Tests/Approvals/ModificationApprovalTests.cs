using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.Bot.Tests.Customers.EditTranscripts;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>档案的修改: the owner's edit waits for the sales manager; approving applies it with its change records.</summary>
public class ModificationApprovalTests
{
    /// <summary>Wang Fang (sales manager) has met the bot; Li Na sends a new phone number and tier for approval.</summary>
    public static async Task<(Customer File, Approval Request)> RequestAsync(TestBot bot, string locale = "en-US")
    {
        await bot.Say(Demo.WangFang, "help", locale);
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.save",
            Save(huadong, "New switchboard number", ("phone", "021 5555 0199"), ("tier", "Important")), locale));
        return (huadong, Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId)));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_sales_manager_approves_and_the_change_applies_with_its_records(string locale)
    {
        await using var bot = await StartBotAsync();
        var (huadong, request) = await RequestAsync(bot, locale);
        bot.Clock.Advance(TimeSpan.FromHours(1));

        await Transcript.VerifyAsync($"approvals.modification.approve.{locale}", bot,
            Refresh(bot, Demo.WangFang, request, locale),
            Decide(bot, Demo.WangFang, request, "Approve", "OK", locale));

        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal(("021 5555 0199", CustomerTier.Important), (file.Customer.Phone, file.Customer.Tier));
        Assert.Equal(["approval:approved", "phone:021 5555 0199", "tier:Important", "approval:requested"],
            file.History.Select(h => $"{h.Field}:{h.NewValue}"));
        Assert.All(file.History, h => Assert.Equal(request.Id, h.ApprovalId));
        var phone = file.History.Single(h => h.Field == "phone");
        Assert.Equal((HuadongPhone, Demo.LiNa.AadObjectId, "New switchboard number"), (phone.OldValue, phone.ByAadObjectId, phone.Reason));
        var decided = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((ApprovalStatus.Approved, false), (decided.Status, decided.Payload.ChangedMeanwhile));
    }

    [Fact]
    public async Task A_rejection_leaves_the_file_as_it_was()
    {
        await using var bot = await StartBotAsync();
        var (huadong, request) = await RequestAsync(bot);
        bot.Clock.Advance(TimeSpan.FromHours(1));

        await Transcript.VerifyAsync("approvals.modification.reject", bot,
            Decide(bot, Demo.WangFang, request, "Reject", "Keep the main number"));

        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal((HuadongPhone, CustomerTier.Special), (file.Customer.Phone, file.Customer.Tier));
        Assert.Equal(["approval:rejected", "approval:requested"], file.History.Select(h => $"{h.Field}:{h.NewValue}"));
    }

    [Fact]
    public async Task A_rep_pressing_approve_even_their_own_changes_nothing()
    {
        await using var bot = await StartBotAsync();
        var (huadong, request) = await RequestAsync(bot);

        var other = await bot.PostAsync(Decide(bot, Demo.TomBecker, request, "Approve"));
        var own = await bot.PostAsync(Decide(bot, Demo.LiNa, request, "Approve"));
        var leader = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));   // the direct leader decides new files, not changes

        Assert.Contains("Only the approvers", other.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("their own request", own.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Only the approvers", leader.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        var stored = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((ApprovalStatus.Pending, request.Version), (stored.Status, stored.Version));
        Assert.Equal(HuadongPhone, (await bot.Archive.Customers.GetAsync(huadong.Number))!.Phone);
    }

    [Fact]
    public async Task Approving_after_the_field_changed_meanwhile_records_the_decision_changes_nothing_and_says_so()
    {
        await using var bot = await StartBotAsync();
        var (huadong, request) = await RequestAsync(bot);
        var current = (await bot.Archive.Customers.GetAsync(huadong.Number))!;
        await bot.Archive.Customers.UpdateAsync(current with { Phone = "021 5555 0111" },
            [new ChangeRecord(current.Number, "phone", HuadongPhone, "021 5555 0111", Demo.WangFang.AadObjectId, Now.AddMinutes(30), "Checked", null)]);
        bot.Clock.Advance(TimeSpan.FromHours(1));

        var turn = await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));

        Assert.Contains("not applied", turn.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal(("021 5555 0111", CustomerTier.Special), (file.Customer.Phone, file.Customer.Tier));
        Assert.Equal(["approval:approved", "approval:changedMeanwhile"], file.History.Take(2).Select(h => $"{h.Field}:{h.NewValue}"));
        var decided = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((ApprovalStatus.Approved, true), (decided.Status, decided.Payload.ChangedMeanwhile));
        Assert.NotNull(decided.EffectAppliedAt);
    }
}
