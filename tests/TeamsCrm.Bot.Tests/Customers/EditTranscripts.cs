using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

public class EditTranscripts
{
    /// <summary>What the edit card sends: the number, the version and values it was opened with, and the inputs.</summary>
    public static JsonObject Save(Customer opened, string reason, params (string Id, string? Value)[] typed)
    {
        var values = CustomerBasics.Of(opened).Values(opened.Kind);
        var data = Number(opened.Number, ("version", opened.Version), ("opened", new JsonObject(values.Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)))));
        foreach (var (id, value) in values) data[id] = value;
        foreach (var (id, value) in typed) data[id] = value;
        data["reason"] = reason;
        return data;
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_owners_edit_goes_to_the_sales_manager_with_each_field_before_and_after_and_the_reason(string locale)
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.WangFang, "help", locale);   // the sales manager has met the bot: the request reaches her chat
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"customers.edit.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.edit", Number(huadong.Number), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.save",
                Save(huadong, "New switchboard number", ("phone", "021 5555 0199"), ("tier", "Important"), ("website", "")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.save", Save(huadong, "", ("email", "not an email")), locale));

        // Nothing changes before the sales manager approves; the history shows the request.
        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal((HuadongPhone, CustomerTier.Special, "www.huadong.example"), (file.Customer.Phone, file.Customer.Tier, file.Customer.Website));
        Assert.Equal(["approval:requested"], file.History.Select(h => $"{h.Field}:{h.NewValue}"));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        Assert.Equal((ApprovalKind.Modification, Demo.LiNa.AadObjectId, "New switchboard number"),
            (request.Kind, request.RequesterAadObjectId, request.Payload.Reason));
        Assert.Equal([new("phone", HuadongPhone, "021 5555 0199"), new("website", "www.huadong.example", null), new("tier", "Special", "Important")],
            request.Payload.Changes!);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task A_change_saved_meanwhile_comes_back_plainly_and_is_never_overwritten(string locale)
    {
        await using var bot = await StartBotAsync();
        var opened = await HuadongAsync(bot.Archive.Customers);
        // While Li Na's edit card is open, the sales manager corrects the phone number.
        await bot.Archive.Customers.UpdateAsync(opened with { Phone = "021 5555 0111" },
            [new ChangeRecord(opened.Number, "phone", HuadongPhone, "021 5555 0111", Demo.WangFang.AadObjectId, Now.AddMinutes(-5), "Checked with the customer", null)]);
        var current = (await bot.Archive.Customers.GetAsync(opened.Number))!;

        var typed = new (string, string?)[] { ("phone", "021 5555 0199"), ("email", "sales@huadong.example") };
        await Transcript.VerifyAsync($"customers.edit-conflict.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.save", Save(opened, "New sales mailbox", typed), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.save", Save(current, "New sales mailbox", ("phone", "021 5555 0111"), ("email", "sales@huadong.example")), locale));

        // The merged edit is sent for approval: only the email differs from the stored file now.
        var file = (await bot.Archive.Customers.GetFileAsync(opened.Number))!;
        Assert.Equal(("021 5555 0111", "info@huadong.example"), (file.Customer.Phone, file.Customer.Email));
        Assert.Equal(["approval", "phone"], file.History.Select(h => h.Field));
        var request = Assert.Single(await bot.Archive.Approvals.OpenForRequesterAsync(Demo.LiNa.AadObjectId));
        Assert.Equal([new FieldChange("email", "info@huadong.example", "sales@huadong.example")], request.Payload.Changes!);
    }

    [Fact]
    public async Task Another_rep_pressing_edit_or_forging_a_save_is_refused_and_nothing_changes()
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync("customers.edit-forged", bot,
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.edit", Number(huadong.Number)),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.save", Save(huadong, "mine now", ("phone", "000 000 000")).With("owner", Demo.TomBecker.AadObjectId), "zh-CN"),
            CardAction(bot.ServiceUrl, Demo.WangFang, "customer.save", Save(huadong, "manager edit", ("phone", "000 000 000"))));

        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal((huadong.Version, HuadongPhone, Demo.LiNa.AadObjectId), (file.Customer.Version, file.Customer.Phone, file.Customer.OwnerAadObjectId));
        Assert.Empty(file.History);
    }
}
