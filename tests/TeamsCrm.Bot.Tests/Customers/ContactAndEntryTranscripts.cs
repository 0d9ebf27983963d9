using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

public class ContactAndEntryTranscripts
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_owner_adds_a_contact_once_however_often_save_is_pressed(string locale)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        var contact = Number(huadong.Number, ("contactName", "Qian Yu"), ("contactTitle", "Finance manager"), ("contactPhone", "139 0000 1111"),
            ("contactEmail", "qian.yu@"), ("contactRole", "Influencer"));
        await Transcript.VerifyAsync($"customers.contact.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.contact", Number(huadong.Number), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.contact.save", contact.But(), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.contact.save", contact.But(("contactEmail", "qian.yu@huadong.example")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.contact.save", contact.But(("contactEmail", "qian.yu@huadong.example")), locale));

        var contacts = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.Contacts;
        Assert.Equal(["Wang Lei", "Zhou Min", "Qian Yu"], contacts.Select(c => c.Name));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_owner_files_a_contract_once_and_bad_amounts_and_dates_come_back_beside_their_fields(string locale)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        var entry = Number(huadong.Number, ("submissionId", Submission1), ("type", "Contract"), ("date", "2026-11-20"), ("amount", "-1,000"),
            ("reference", "HT-2026-140"), ("description", "Annual maintenance\nfor both lines"), ("result", ""));
        await Transcript.VerifyAsync($"customers.entry.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.entry", Number(huadong.Number), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.entry.save", entry.But(("date", "20/11/2026")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.entry.save", entry.But(("amount", "１,２３４,５６７.５")), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.entry.save", entry.But(("amount", "１,２３４,５６７.５")), locale));

        var filed = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.Entries.Where(e => e.Reference == "HT-2026-140").ToList();
        var contract = Assert.Single(filed);
        Assert.Equal((ArchiveCategory.Contracts, 1_234_567.5m, new DateOnly(2026, 11, 20), Demo.LiNa.AadObjectId),
            (contract.Category, contract.Amount, contract.Date, contract.CreatedByAadObjectId));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Customer_service_logs_a_complaint_on_a_reps_file_but_nothing_else(string locale)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        var complaint = Number(huadong.Number, ("submissionId", Submission1), ("type", "Complaint"), ("date", "2026-11-21"),
            ("description", "Delivery two weeks late"), ("result", "Apologised; next delivery expedited"));
        await Transcript.VerifyAsync($"customers.complaint.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiuYang, "customer.entry", Number(huadong.Number, ("type", "Complaint")), locale),
            CardAction(bot.ServiceUrl, Demo.LiuYang, "customer.entry.save", complaint, locale),
            CardAction(bot.ServiceUrl, Demo.LiuYang, "customer.entry.save",
                Number(huadong.Number, ("submissionId", Submission2), ("type", "Contract"), ("date", "2026-11-21"), ("amount", "1")), locale));

        var entries = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.Entries;
        var logged = Assert.Single(entries, e => e.CreatedByAadObjectId == Demo.LiuYang.AadObjectId);
        Assert.Equal((EntryType.Complaint, ArchiveCategory.Returns, "Apologised; next delivery expedited"), (logged.Type, logged.Category, logged.Result));
    }

    [Fact]
    public async Task Another_rep_may_add_neither_contacts_nor_entries()
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync("customers.contact-entry-forged", bot,
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.contact", Number(huadong.Number)),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.contact.save", Number(huadong.Number, ("contactName", "Spy"), ("contactRole", "Primary"))),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.entry", Number(huadong.Number), "zh-CN"),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.entry.save",
                Number(huadong.Number, ("submissionId", Submission1), ("type", "Complaint"), ("date", "2026-11-21"), ("description", "x")), "zh-CN"));

        var file = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal(2, file.Contacts.Count);
        Assert.DoesNotContain(file.Entries, e => e.CreatedByAadObjectId == Demo.TomBecker.AadObjectId);
    }
}
