using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

/// <summary>
/// A file's other names (short, former, Chinese for an English-named file): filed with the new-customer form, shown on
/// the card, and answered to by find, quick capture and the duplicate check.
/// </summary>
public class AliasTranscripts
{
    const string S1 = "b1111111-1111-4111-8111-111111111111", S2 = "b2222222-2222-4222-8222-222222222222";

    [Fact]
    public async Task A_file_filed_with_a_chinese_short_name_is_found_by_it_captured_by_it_and_another_file_by_that_name_is_a_duplicate()
    {
        await using var bot = await TestBot.StartAsync(now: Visits.VisitSeeds.Now);
        await Transcript.VerifyAsync("customers.aliases", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create",
                NewCompany(S1, name: "Huadong Precision Machinery", phone: "021 5888 0000", creditCode: null).But(("aliases", "华东精密机械；华东"))),
            Message(bot.ServiceUrl, Demo.LiNa, "查找 华东", "zh-CN"),
            Message(bot.ServiceUrl, Demo.LiNa, "今天拜访了华东，谈了价格", "zh-CN"),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "customer.create", NewCompany(S2, name: "华东精密机械", phone: null, creditCode: null)));

        var filed = Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync("华东", 10));
        Assert.Equal(("Huadong Precision Machinery", "华东精密机械; 华东"), (filed.Name, filed.Aliases));
    }

    [Fact]
    public async Task More_than_three_other_names_are_refused_beside_the_field_with_everything_typed_kept()
    {
        await using var bot = await TestBot.StartAsync(now: Visits.VisitSeeds.Now);
        var card = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create",
            NewCompany(S1).But(("aliases", "a1; b2; c3; d4"))))).InvokeCard!.ToJsonString();

        Assert.Contains("At most 3 other names", card, StringComparison.Ordinal);
        Assert.Contains("a1; b2; c3; d4", card, StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Customers.FindByNamePrefixAsync("Nanjing", 10));
    }
}
