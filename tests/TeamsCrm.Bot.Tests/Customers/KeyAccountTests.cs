using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

/// <summary>Filing a contract recomputes the file's key-account classes from its contract records.</summary>
public class KeyAccountTests
{
    [Fact]
    public async Task A_contract_over_ten_million_with_good_credit_makes_the_file_high_value_and_quality_with_a_change_record()
    {
        await using var bot = await StartBotAsync();
        var files = bot.Archive.Customers;
        var huadong = await HuadongAsync(files);
        await files.UpdateAsync(huadong with { Credit = new Credit("AA", 5_000_000m, "30 days") }, []);

        var result = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.entry.save", Number(huadong.Number,
            ("submissionId", Submission1), ("type", "Contract"), ("date", "2026-11-20"), ("amount", "12,000,000"), ("reference", "HT-2026-150"))));

        Assert.Equal(200, result.Status);
        var file = (await files.GetFileAsync(huadong.Number))!;
        Assert.Equal(KeyAccountClasses.HighValue | KeyAccountClasses.Quality, file.Customer.KeyAccount);
        var change = Assert.Single(file.History, h => h.Field == "keyAccount");
        Assert.Equal(("None", "Quality, HighValue", Demo.LiNa.AadObjectId), (change.OldValue, change.NewValue, change.ByAadObjectId));

        var card = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.open", Number(huadong.Number), "zh-CN"))).InvokeCard!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("大客户类别", card, StringComparison.Ordinal);
        Assert.Contains("“优质, 高值”", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_good_payment_credit_a_large_contract_changes_nothing()
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.entry.save", Number(huadong.Number,
            ("submissionId", Submission1), ("type", "Order"), ("date", "2026-11-20"), ("amount", "12,000,000"))));
        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal(KeyAccountClasses.None, file.Customer.KeyAccount);
        Assert.DoesNotContain(file.History, h => h.Field == "keyAccount");
    }
}
