using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>"log visit" / "拜访": the form for the customer named, refused with messages beside the fields, saved once into a read-only report.</summary>
public class LogVisitTranscripts
{
    [Theory]
    [InlineData("en-US", "log visit Huadong Precision")]
    [InlineData("zh-CN", "拜访 华为技术有限公司")]
    public async Task A_rep_logs_a_visit_the_form_checks_it_and_it_is_saved_once(string locale, string command)
    {
        await using var bot = await StartBotAsync();
        var chinese = locale == "zh-CN";
        var customer = chinese ? await HuaweiAsync(bot.Archive.Customers) : await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var opened = (await bot.Archive.Customers.GetAsync(customer.Number))!;
        var report = Report(customer.Number, CustomerSeeds.Submission1, chinese);
        await Transcript.VerifyAsync($"visits.log.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, command, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But(("notes", ""), ("reason", ""), ("time", "16:30"), ("received", "-5"),
                ("nextActionDate", "2026-11-10")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But(), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", report.But(("notes", "changed on a second press")), locale));

        var visit = Assert.Single(await bot.Archive.Visits.ForCustomerAsync(customer.Number, 10));
        Assert.Equal((VisitResult.NotYet, UnsuccessfulReason.Price, new DateOnly(2026, 11, 18), Demo.LiNa.AadObjectId),
            (visit.Result, visit.Reason, visit.LocalDate, visit.RepAadObjectId));
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 2, 30, 0, TimeSpan.Zero), visit.Time);
        var stored = (await bot.Archive.Customers.GetAsync(customer.Number))!;
        Assert.Equal((visit.Time, opened.Version), (stored.LastContactAt, stored.Version));
        var followUp = Assert.Single(await bot.Archive.Visits.FollowUpsDueAsync(new DateOnly(2026, 11, 20)));
        Assert.Equal((visit.Id, Demo.LiNa.AadObjectId), (followUp.VisitId, followUp.RepAadObjectId));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Log_visit_alone_opens_the_form_with_ones_own_customers_and_discard_keeps_nothing(string locale)
    {
        await using var bot = await StartBotAsync();
        await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await HuaweiAsync(bot.Archive.Customers);
        await ActiveAsync(bot.Archive.Customers, "Nanjing Steel Works", Demo.TomBecker);
        await Transcript.VerifyAsync($"visits.log-empty.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, locale == "zh-CN" ? "拜访" : "log visit", locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.cancel", null, locale));
        Assert.Empty(await bot.Archive.Visits.ForRepAsync(Demo.LiNa.AadObjectId, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public async Task The_typeahead_offers_the_customers_one_may_log_visits_on()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await CustomerSeeds.HuaxinAsync(bot.Archive.Customers, Demo.LiNa);
        await ActiveAsync(bot.Archive.Customers, "Huafeng Trading", Demo.TomBecker);   // Tom's: not offered to Li Na
        await HuaweiAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync("visits.typeahead", bot,
            Search(bot.ServiceUrl, Demo.LiNa, "customers", "hua"),
            Search(bot.ServiceUrl, Demo.LiNa, "customers", "华为"),
            Search(bot.ServiceUrl, Demo.LiNa, "customers", ""),
            Search(bot.ServiceUrl, Demo.ZhangWei, "customers", "hua"),              // the leader: his reps' customers too
            Search(bot.ServiceUrl, Demo.Stranger, "customers", "hua"));
        Assert.NotNull(huadong);
    }
}

/// <summary>Before a visit the rep looks at the file: it shows the latest visits, and "Log a visit" opens the form for it.</summary>
public class VisitFromFileTranscripts
{
    [Theory]
    [InlineData("en-US", "find Huadong")]
    [InlineData("zh-CN", "查找 Huadong")]
    public async Task The_customer_card_shows_recent_visits_and_opens_the_report_for_the_file(string locale, string find)
    {
        await using var bot = await StartBotAsync();
        var world = await ReportSeeds.SeedAsync(bot);
        await Transcript.VerifyAsync($"visits.from-file.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, find, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.form", new() { ["number"] = world.Huadong.Number }, locale));
    }
}
