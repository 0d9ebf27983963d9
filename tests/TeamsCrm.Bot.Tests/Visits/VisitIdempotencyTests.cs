using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>A visit report's submission id makes one visit, however often Save is pressed or the invoke redelivered.</summary>
public class VisitIdempotencyTests
{
    static readonly DateOnly Wednesday = new(2026, 11, 18);

    [Fact]
    public async Task A_redelivered_save_makes_one_visit_even_after_the_hosts_redelivery_memory_is_gone()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var press = CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(huadong.Number, CustomerSeeds.Submission1));

        var first = await bot.PostAsync(press);
        var soon = await bot.PostAsync(press);                 // the connector retrying within seconds: the host answers it again
        bot.Clock.Advance(TimeSpan.FromMinutes(11));          // another instance, or later: the archive's submission id decides
        var late = await bot.PostAsync(press);

        Assert.Equal(first.Body!.ToJsonString(), soon.Body!.ToJsonString());
        Assert.Contains("saved already", late.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 10));
        Assert.Single(await bot.Archive.Visits.FollowUpsDueAsync(new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public async Task Presses_in_flight_at_once_from_new_and_old_clients_make_one_visit()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var report = Report(huadong.Number, CustomerSeeds.Submission1);
        var answers = await Task.WhenAll(
            bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But())),
            bot.PostAsync(Submit(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But())),
            bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But())),
            bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But(), "zh-CN")));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(await bot.Archive.Visits.ForRepAsync(Demo.LiNa.AadObjectId, Wednesday, Wednesday));
        Assert.Single(await bot.Archive.Visits.FollowUpsDueAsync(new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public async Task The_old_clients_submit_replaces_the_form_through_the_connector()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var answer = await bot.PostAsync(Submit(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(huadong.Number, CustomerSeeds.Submission1)));

        var update = Assert.Single(answer.Calls);
        Assert.Equal(("PUT", "/v3/conversations/a:personal-demo-li-na/activities/activity-1"), (update.Method, update.Path));
        Assert.Contains("Visit saved: Huadong Precision", update.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Input.", update.Body!.ToJsonString(), StringComparison.Ordinal);   // nothing left to submit twice
    }

    [Fact]
    public async Task Another_forms_submission_id_makes_a_second_visit()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(huadong.Number, CustomerSeeds.Submission1)));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(huadong.Number, CustomerSeeds.Submission2).But(("time", "14:00"))));
        Assert.Equal(2, (await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 10)).Count);
    }

    [Fact]
    public async Task Someone_elses_submission_id_shows_nothing_of_their_visit_and_saves_nothing()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var steel = await ActiveAsync(bot.Archive.Customers, "Nanjing Steel Works", Demo.TomBecker);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(huadong.Number, CustomerSeeds.Submission1)));

        var copied = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "visit.save",
            Report(steel.Number, CustomerSeeds.Submission1).But(("contact", ""), ("contactName", "Sun Hao"))));

        var reply = copied.Body!.ToJsonString();
        Assert.Contains("someone else", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Huadong", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("CNC", reply, StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Visits.ForRepAsync(Demo.TomBecker.AadObjectId, Wednesday, Wednesday));
        Assert.Empty(await bot.Archive.Visits.ForCustomerAsync(steel.Number, 5));
    }

    [Fact]
    public async Task A_new_person_met_is_added_to_the_contacts_once_when_asked()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var report = Report(huadong.Number, CustomerSeeds.Submission1)
            .But(("contact", ""), ("contactName", "Qian Yu"), ("contactInfo", "qian.yu@huadong.example"), ("addContact", "true"));

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But()));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But(("submissionId", CustomerSeeds.Submission2), ("time", "14:00"))));

        var contacts = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.Contacts;
        var qian = Assert.Single(contacts, c => c.Name == "Qian Yu");
        Assert.Equal(("qian.yu@huadong.example", (string?)null), (qian.Email, qian.Phone));
        Assert.All(await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 5), v => Assert.Equal(("Qian Yu", "qian.yu@huadong.example"), (v.ContactPerson, v.ContactInfo)));
    }
}
