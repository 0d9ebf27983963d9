using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>A message the bot starts is in the language of the person it goes to, as their Teams client last spoke.</summary>
public class ApprovalLanguageTests
{
    static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task A_chinese_speaking_leader_gets_the_request_in_chinese_and_the_english_speaking_rep_hears_back_in_english()
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.ZhangWei, "帮助", "zh-CN");
        await bot.Say(Demo.LiNa, "help", "en-US");

        var filed = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Guid.NewGuid().ToString("D")), "en-US"));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        var decided = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve", null, "zh-CN"));

        var card = Assert.Single(filed.Calls, c => c.Method == "POST").Card!.ToJsonString(Readable);
        Assert.Contains("申请人", card, StringComparison.Ordinal);
        Assert.Contains("批准", card, StringComparison.Ordinal);
        Assert.Contains("Customer filed", filed.InvokeCard!.ToJsonString(), StringComparison.Ordinal);   // Li Na's own answer: hers
        var told = Assert.Single(decided.Calls, c => c.Method == "POST");
        Assert.Equal("Your request “New customer file: Nanjing Steel Works” was approved by Zhang Wei.", (string?)told.Body!["text"]);
    }
}
