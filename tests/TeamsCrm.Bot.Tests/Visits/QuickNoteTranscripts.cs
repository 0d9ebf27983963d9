using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// Free text: the note becomes a prefilled report to check. A near match is filled in with a notice, close
/// candidates are chosen between, an unknown name leaves the customer to pick; nothing is ever saved unconfirmed.
/// </summary>
public class QuickNoteTranscripts
{
    [Theory]
    [InlineData("en-US", "visited Huadong today, met Wang about pricing, next: send quote Friday")]
    [InlineData("zh-CN", "今天拜访了华为，和王经理谈了价格，下周五前发报价")]
    public async Task A_note_opens_the_report_prefilled_and_the_near_match_is_flagged_to_check(string locale, string note)
    {
        await using var bot = await StartBotAsync();
        var customer = locale == "zh-CN" ? await HuaweiAsync(bot.Archive.Customers) : await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"visits.quick.{locale}", bot, Message(bot.ServiceUrl, Demo.LiNa, note, locale));
        Assert.Empty(await bot.Archive.Visits.ForCustomerAsync(customer.Number, 5));   // shown, not saved
    }

    [Theory]
    [InlineData("en-US", "Huadong Precision", "Huaxin Logistics", "visited Hua yesterday, demo went well")]
    [InlineData("zh-CN", "华为技术有限公司", "华为终端有限公司", "昨天拜访了华为，演示很顺利")]
    public async Task Close_candidates_are_chosen_between_and_the_choice_keeps_the_note(string locale, string first, string second, string note)
    {
        await using var bot = await StartBotAsync();
        var a = await ActiveAsync(bot.Archive.Customers, first, Demo.LiNa, Bot.Domain.CustomerCategory.Important);
        await ActiveAsync(bot.Archive.Customers, second, Demo.LiNa);
        var steps = new[]
        {
            Message(bot.ServiceUrl, Demo.LiNa, note, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.form", new() { ["number"] = a.Number, ["date"] = "2026-11-17", ["notes"] = locale == "zh-CN" ? "演示很顺利" : "demo went well" }, locale),
        };
        await Transcript.VerifyAsync($"visits.choose.{locale}", bot, steps);
        Assert.Empty(await bot.Archive.Visits.ForCustomerAsync(a.Number, 5));
    }

    [Theory]
    [InlineData("en-US", "visited Acme today about the tender", "met Wang yesterday about renewal")]
    [InlineData("zh-CN", "今天拜访了阿克美，谈了招标", "昨天和王经理谈了续约")]
    public async Task An_unknown_customer_or_none_named_leaves_the_customer_to_pick(string locale, string unknown, string noCustomer)
    {
        await using var bot = await StartBotAsync();
        await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"visits.quick-unknown.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, unknown, locale),
            Message(bot.ServiceUrl, Demo.LiNa, noCustomer, locale),
            Message(bot.ServiceUrl, Demo.LiNa, locale == "zh-CN" ? "你好" : "hello there", locale));   // not a note at all
    }

    [Fact]
    public async Task Another_reps_customer_is_not_offered_and_a_forged_save_stores_nothing()
    {
        await using var bot = await StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync("visits.forged", bot,
            Message(bot.ServiceUrl, Demo.TomBecker, "log visit Huadong Precision"),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "visit.form", new() { ["number"] = huadong.Number }),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "visit.save", Report(huadong.Number, CustomerSeeds.Submission1)),
            CardAction(bot.ServiceUrl, Demo.LiuYang, "visit.save", Report(huadong.Number, CustomerSeeds.Submission2) .But(("customerNumber", "C-2026-09999")), "zh-CN"),
            Message(bot.ServiceUrl, Demo.Stranger, "visited Huadong today"));

        Assert.Empty(await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 5));
    }
}
