using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

public class NewCustomerTranscripts
{
    [Theory]
    [InlineData("en-US", "new customer")]
    [InlineData("zh-CN", "新客户")]
    public async Task A_rep_files_a_company_and_the_form_becomes_a_pending_summary(string locale, string command)
    {
        await using var bot = await StartBotAsync();
        await Transcript.VerifyAsync($"customers.new.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, command, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.new", new JsonObject { ["kind"] = "Enterprise" }, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1), locale));

        var filed = Assert.Single(await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId));
        Assert.Equal(("C-2026-00001", CustomerStatus.Pending, "91440300MA5FUJ1R0R"), (filed.Number, filed.Status, filed.CreditCode));
        var contact = Assert.Single((await bot.Archive.Customers.GetFileAsync(filed.Number))!.Contacts);
        Assert.Equal(("Sun Hao", ContactRole.DecisionMaker), (contact.Name, contact.Role));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task An_individual_has_no_credit_code_or_company_size_and_needs_only_a_name_and_phone(string locale)
    {
        await using var bot = await StartBotAsync();
        await Transcript.VerifyAsync($"customers.new-individual.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.new", new JsonObject { ["kind"] = "Individual" }, locale),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.create", new JsonObject
            {
                ["kind"] = "Individual", ["submissionId"] = Submission1, ["name"] = "王小明", ["phone"] = "１３８ ００１３ ８０００",
                ["category"] = "Potential", ["tier"] = "General", ["contactRole"] = "Primary",
            }, locale));

        var filed = Assert.Single(await bot.Archive.Customers.ListByOwnerAsync(Demo.TomBecker.AadObjectId));
        Assert.Equal((CustomerKind.Individual, "138 0013 8000", null), (filed.Kind, filed.Phone, filed.CreditCode));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Bad_input_brings_the_same_form_back_with_a_message_beside_each_bad_field_and_every_value_kept(string locale)
    {
        await using var bot = await StartBotAsync();
        var data = NewCompany(Submission1, name: "  ", phone: "call me", creditCode: "91440300MA5FUJ1R0X");
        data["email"] = "sales@";
        data["website"] = "ftp://njsteel.example";
        data["companySize"] = "huge";
        data["contactName"] = "";
        data["contactEmail"] = "ｓｕｎ＠ｎｊｓｔｅｅｌ．ｃｎ";   // full width is fine
        await Transcript.VerifyAsync($"customers.new-bad-input.{locale}", bot, CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", data, locale));
        Assert.Empty(await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId));   // nothing half saved
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task A_customer_another_rep_owns_is_named_with_its_owner_and_nothing_else(string locale)
    {
        await using var bot = await StartBotAsync();
        var toms = await HuadongAsync(bot.Archive.Customers, Demo.TomBecker);

        // Same name typed differently; then same phone only; then same credit code only.
        var byName = NewCompany(Submission1, name: "ＨＵＡＤＯＮＧ precision", phone: null, creditCode: null);
        var byPhone = NewCompany(Submission1, name: "Huadong Precision (Pudong)", phone: "86-21-5555-0100", creditCode: null);
        var byCode = NewCompany(Submission1, name: "HD Precision", phone: null, creditCode: HuadongCreditCode.ToLowerInvariant());
        var replies = new List<string>();
        foreach (var data in new[] { byName, byPhone, byCode })
            replies.Add((await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", data.But(), locale))).Body!.ToJsonString());
        await Transcript.VerifyAsync($"customers.new-duplicate-other.{locale}", bot, CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", byName.But(), locale));

        foreach (var reply in replies)
        {
            Assert.Contains("Tom Becker", reply, StringComparison.Ordinal);
            foreach (var detail in new[] { toms.Number, "5555 0100", "Zhangjiang", "huadong.example", "Wang Lei", "Machinery" })
                Assert.DoesNotContain(detail, reply, StringComparison.Ordinal);
        }
        Assert.Empty(await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId));
        Assert.Empty(await bot.Archive.Customers.AccessLogAsync(toms.Number));   // nothing of the file was read
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task A_customer_of_ones_own_is_named_by_its_number_with_a_button_to_open_it(string locale)
    {
        await using var bot = await StartBotAsync();
        await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"customers.new-duplicate-own.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Submission1, name: "Huadong Precision Co.", phone: HuadongPhone), locale));
        Assert.Single(await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId));
    }

    [Fact]
    public async Task Customer_service_and_strangers_are_told_politely_that_they_do_not_file_customers()
    {
        await using var bot = await StartBotAsync();
        await Transcript.VerifyAsync("customers.new-refused", bot,
            Message(bot.ServiceUrl, Demo.LiuYang, "new customer"),
            Message(bot.ServiceUrl, Demo.Stranger, "新客户", "zh-CN"),
            CardAction(bot.ServiceUrl, Demo.Stranger, "customer.create", NewCompany(Submission1)));
        Assert.Empty(await bot.Archive.Customers.FindByNamePrefixAsync("Nanjing", 5));
    }
}
