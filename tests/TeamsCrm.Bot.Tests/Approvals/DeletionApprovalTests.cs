using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>档案的删除: request with a reason, the sales manager's approval, 30 days' retention with restore, then the purge.</summary>
public class DeletionApprovalTests
{
    static string TextOf(TurnResult t) => t.Calls.Single().Body?["text"]?.GetValue<string>() ?? "";

    static JsonObject Send(Customer file, string reason) => Number(file.Number, ("version", file.Version)).With("reason", reason);

    /// <summary>Li Na asks to delete Huadong; Wang Fang approves it: the file is deleted at <see cref="Now"/>.</summary>
    static async Task<Customer> DeletedAsync(TestBot bot)
    {
        await bot.Say(Demo.WangFang, "help");
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.delete.send", Send(huadong, "Company closed")));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));
        return (await bot.Archive.Customers.GetAsync(huadong.Number))!;
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_owner_asks_with_a_reason_and_the_sales_manager_approves_the_deletion(string locale)
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.WangFang, "help", locale);
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"approvals.deletion.request.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, "delete " + huadong.Number, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.delete.send", Send(huadong, " "), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.delete.send", Send(huadong, "Company closed"), locale));
        Assert.Equal(CustomerStatus.Active, (await bot.Archive.Customers.GetAsync(huadong.Number))!.Status);
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        Assert.Equal((ApprovalKind.Deletion, "Company closed"), (request.Kind, request.Payload.Reason));
        bot.Clock.Advance(TimeSpan.FromHours(1));

        await Transcript.VerifyAsync($"approvals.deletion.approve.{locale}", bot,
            Decide(bot, Demo.WangFang, request, "Approve", null, locale));

        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        var at = Now.AddHours(1);
        Assert.Equal((CustomerStatus.Deleted, at, at.AddDays(30)), (file.Customer.Status, file.Customer.DeletedAt, file.Customer.PurgeAfter));
        Assert.Equal(["approval:approved", "status:Deleted", "approval:requested"], file.History.Select(h => $"{h.Field}:{h.NewValue}"));
    }

    [Fact]
    public async Task A_waiting_deletion_shows_on_the_file_whose_Delete_button_is_gone_meanwhile()
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.WangFang, "help");
        var huadong = await HuadongAsync(bot.Archive.Customers);
        var before = (await bot.Say(Demo.LiNa, "find " + huadong.Number)).SingleCard().ToJsonString();
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.delete.send", Send(huadong, "Company closed")));

        var waiting = (await bot.Say(Demo.LiNa, "find " + huadong.Number)).SingleCard().ToJsonString();

        Assert.Contains("customer.delete\"", before, StringComparison.Ordinal);
        Assert.Contains("Waiting for a decision: Deletion of a customer file, filed 2026-11-22 16:00.", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("customer.delete\"", waiting, StringComparison.Ordinal);   // one deletion request at a time
    }

    [Fact]
    public async Task The_owner_restores_on_day_29()
    {
        await using var bot = await StartBotAsync();
        var deleted = await DeletedAsync(bot);
        bot.Clock.Advance(TimeSpan.FromDays(29));

        var turn = await bot.Say(Demo.LiNa, "restore " + deleted.Number);

        Assert.Contains("Restored", turn.SingleCard().ToJsonString(), StringComparison.Ordinal);
        var file = (await bot.Archive.Customers.GetFileAsync(deleted.Number))!;
        Assert.Equal((CustomerStatus.Active, null, null), (file.Customer.Status, file.Customer.DeletedAt, file.Customer.PurgeAfter));
        var restored = file.History[0];
        Assert.Equal(("status", "Deleted", "Active", Demo.LiNa.AadObjectId), (restored.Field, restored.OldValue, restored.NewValue, restored.ByAadObjectId));
    }

    [Fact]
    public async Task On_day_31_the_purge_has_run_restore_is_refused_and_find_skips_the_file()
    {
        await using var bot = await StartBotAsync();
        var deleted = await DeletedAsync(bot);
        bot.Clock.Advance(TimeSpan.FromDays(31));
        await bot.Services.GetRequiredService<CustomerPurge>().PurgeDueAsync(bot.Clock.GetUtcNow());   // the hourly job, run now

        var owner = await bot.Say(Demo.LiNa, "restore " + deleted.Number);
        var manager = await bot.Say(Demo.WangFang, "restore " + deleted.Number);
        var find = await bot.Say(Demo.WangFang, "find Huadong");

        Assert.Equal(CustomerStatus.Purged, (await bot.Archive.Customers.GetAsync(deleted.Number))!.Status);
        Assert.Contains("can no longer be restored", TextOf(owner), StringComparison.Ordinal);
        Assert.Contains("can no longer be restored", TextOf(manager), StringComparison.Ordinal);
        Assert.DoesNotContain("Huadong", find.Calls.Single().Card?.ToJsonString() ?? "", StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Customers.ListDeletedAsync());
    }

    [Fact]
    public async Task The_purge_leaves_files_within_retention_alone()
    {
        await using var bot = await StartBotAsync();
        var deleted = await DeletedAsync(bot);
        var purge = bot.Services.GetRequiredService<CustomerPurge>();

        Assert.Empty(await purge.PurgeDueAsync(deleted.PurgeAfter!.Value.AddSeconds(-1)));
        Assert.Equal([deleted.Number], await purge.PurgeDueAsync(deleted.PurgeAfter!.Value));
        Assert.Empty(await purge.PurgeDueAsync(deleted.PurgeAfter!.Value));   // once
    }

    [Fact]
    public async Task Another_rep_can_neither_ask_for_approve_nor_restore_a_deletion()
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.WangFang, "help");
        var huadong = await HuadongAsync(bot.Archive.Customers);

        var forgedSend = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.delete.send", Send(huadong, "mine to delete")));
        Assert.Contains("can ask for its deletion", forgedSend.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.delete.send", Send(huadong, "Company closed")));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        var forgedApprove = await bot.PostAsync(Decide(bot, Demo.TomBecker, request, "Approve"));
        Assert.Contains("Only the approvers", forgedApprove.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(CustomerStatus.Active, (await bot.Archive.Customers.GetAsync(huadong.Number))!.Status);

        await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));
        var restore = await bot.Say(Demo.TomBecker, "restore " + huadong.Number);
        Assert.DoesNotContain("Restored", TextOf(restore), StringComparison.Ordinal);
        Assert.Equal(CustomerStatus.Deleted, (await bot.Archive.Customers.GetAsync(huadong.Number))!.Status);
    }
}
