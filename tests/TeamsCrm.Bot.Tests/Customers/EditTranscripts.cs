using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

public class EditTranscripts
{
    /// <summary>What the edit card sends: the number, the version and values it was opened with, and the inputs.</summary>
    static JsonObject Save(Customer opened, string reason, params (string Id, string? Value)[] typed)
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
    public async Task The_owner_edits_and_each_changed_field_is_recorded_with_the_reason(string locale)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"customers.edit.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.edit", Number(huadong.Number), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.save",
                Save(huadong, "New switchboard number", ("phone", "021 5555 0199"), ("tier", "Important"), ("website", "")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.save", Save(huadong, "", ("email", "not an email")), locale));

        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal(("021 5555 0199", CustomerTier.Important, null), (file.Customer.Phone, file.Customer.Tier, file.Customer.Website));
        Assert.Equal(
            [("phone", HuadongPhone, "021 5555 0199"), ("website", "www.huadong.example", null), ("tier", "Special", "Important")],
            file.History.Select(h => (h.Field, h.OldValue, h.NewValue)));
        Assert.All(file.History, h => Assert.Equal((Demo.LiNa.AadObjectId, Now, "New switchboard number"), (h.ByAadObjectId, h.At, h.Reason)));
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

        var file = (await bot.Archive.Customers.GetFileAsync(opened.Number))!;
        Assert.Equal(("021 5555 0111", "sales@huadong.example"), (file.Customer.Phone, file.Customer.Email));
        Assert.Equal(["email", "phone"], file.History.Select(h => h.Field));
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
