using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

/// <summary>A form's submission id makes its record once, however often the button is pressed or the invoke redelivered.</summary>
public class DoubleSubmitTests
{
    [Fact]
    public async Task Submitting_the_new_customer_form_twice_files_one_customer_and_the_second_press_points_to_it()
    {
        await using var bot = await StartBotAsync();
        var press = CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1));
        await Transcript.VerifyAsync("customers.new-double-submit", bot,
            press,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1), "zh-CN"));
        var redelivered = await bot.PostAsync(press);   // the connector retrying the first press: its answer again

        Assert.Single(await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId));
        Assert.Contains("C-2026-00001", redelivered.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_presses_in_flight_at_once_from_new_and_old_clients_file_one_customer()
    {
        await using var bot = await StartBotAsync();
        await Task.WhenAll(
            bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1))),
            bot.PostAsync(Submit(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1))),
            bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1))));
        var filed = Assert.Single(await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId));
        Assert.Single((await bot.Archive.Customers.GetFileAsync(filed.Number))!.Contacts);
    }

    [Fact]
    public async Task Another_forms_submission_id_files_a_second_customer()
    {
        await using var bot = await StartBotAsync();
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1)));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create",
            NewCompany(Submission2, name: "Suzhou Optics", phone: "0512 6666 0300", creditCode: null)));
        Assert.Equal(2, (await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId)).Count);
    }

    [Fact]
    public async Task Someone_elses_submission_id_shows_nothing_of_their_file()
    {
        await using var bot = await StartBotAsync();
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1)));
        var copied = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.create",
            NewCompany(Submission1, name: "Anything Else", phone: null, creditCode: null)));
        var reply = copied.Body!.ToJsonString();
        Assert.DoesNotContain("C-2026-00001", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Nanjing", reply, StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Customers.ListByOwnerAsync(Demo.TomBecker.AadObjectId));
    }
}
