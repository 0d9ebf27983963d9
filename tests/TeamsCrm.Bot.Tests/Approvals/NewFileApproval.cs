using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>The steps every approval test starts from: the leader has met the bot, the rep files a customer.</summary>
public static class NewFileApproval
{
    /// <summary>The leader says hello (so the bot can write to them), Li Na files Nanjing Steel Works: the pending request.</summary>
    public static async Task<Approval> FileAsync(TestBot bot, string locale = "en-US")
    {
        await bot.Say(Demo.ZhangWei, "help", locale);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Guid.NewGuid().ToString("D")), locale));
        return Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
    }

    public static JsonObject Decide(TestBot bot, DemoPerson who, Approval a, string decision, string? comment = null, string locale = "en-US",
        string replyToId = "activity-1")
    {
        var data = new JsonObject { ["id"] = a.Id, ["decision"] = decision };
        if (comment is not null) data["comment"] = comment;
        return CardAction(bot.ServiceUrl, who, "approval.decide", data, locale, replyToId, Demo.PersonalChat(who));
    }

    public static JsonObject Refresh(TestBot bot, DemoPerson who, Approval a, string locale = "en-US")
    {
        var refresh = CardAction(bot.ServiceUrl, who, "approval.refresh", new JsonObject { ["id"] = a.Id }, locale);
        refresh["value"]!["trigger"] = "automatic";
        return refresh;
    }
}
