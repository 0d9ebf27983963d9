using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

public class FindTranscripts
{
    [Theory]
    [InlineData("en-US", "find")]
    [InlineData("zh-CN", "查找")]
    public async Task The_owner_finds_by_number_name_prefix_and_phone(string locale, string find)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await HuaxinAsync(bot.Archive.Customers, Demo.TomBecker);
        await Transcript.VerifyAsync($"customers.find.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, $"{find} c-2026-00001", locale),
            Message(bot.ServiceUrl, Demo.LiNa, $"{find} hua", locale),
            Message(bot.ServiceUrl, Demo.LiNa, $"{find} +86 (21) 5555-0100", locale),
            Message(bot.ServiceUrl, Demo.LiNa, $"{find} Shenzhen", locale),
            Message(bot.ServiceUrl, Demo.LiNa, find, locale));
        Assert.Empty(await bot.Archive.Customers.AccessLogAsync(huadong.Number));   // her own file: not a loan
    }

    [Theory]
    [InlineData("en-US", "find")]
    [InlineData("zh-CN", "查找")]
    public async Task Another_rep_sees_only_the_name_and_contacts_and_the_read_is_logged(string locale, string find)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"customers.find-redacted.{locale}", bot, Message(bot.ServiceUrl, Demo.TomBecker, $"{find} Huadong", locale));

        var read = Assert.Single(await bot.Archive.Customers.AccessLogAsync(huadong.Number));
        Assert.Equal((Demo.TomBecker.AadObjectId, false, Now), (read.ReaderAadObjectId, read.Full, read.At));
        Assert.Contains("contact names", read.What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "find")]
    [InlineData("zh-CN", "查找")]
    public async Task The_sales_manager_reads_in_full_and_the_read_is_logged(string locale, string find)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"customers.find-manager.{locale}", bot, Message(bot.ServiceUrl, Demo.WangFang, $"{find} {huadong.Number}", locale));

        var read = Assert.Single(await bot.Archive.Customers.AccessLogAsync(huadong.Number));
        Assert.Equal((Demo.WangFang.AadObjectId, true), (read.ReaderAadObjectId, read.Full));
    }

    [Fact]
    public async Task Someone_in_no_role_is_refused_politely_and_reads_nothing()
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync("customers.find-stranger", bot,
            Message(bot.ServiceUrl, Demo.Stranger, "find Huadong"),
            Message(bot.ServiceUrl, Demo.Stranger, "查找 C-2026-00001", "zh-CN"),
            CardAction(bot.ServiceUrl, Demo.Stranger, "customer.open", Number(huadong.Number)));
        Assert.Empty(await bot.Archive.Customers.AccessLogAsync(huadong.Number));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Open_turns_the_list_into_the_file_with_the_buttons_the_reader_may_use(string locale)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"customers.open.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.open", Number(huadong.Number), locale),      // owner: edit, contact, entry
            CardAction(bot.ServiceUrl, Demo.LiuYang, "customer.open", Number(huadong.Number), locale),    // customer service: complaints
            CardAction(bot.ServiceUrl, Demo.ZhangWei, "customer.open", Number(huadong.Number), locale),   // her leader: reads, no buttons
            CardAction(bot.ServiceUrl, Demo.LiNa, "customer.open", Number("C-2026-09999"), locale));
        Assert.Equal(2, (await bot.Archive.Customers.AccessLogAsync(huadong.Number)).Count);
    }
}
