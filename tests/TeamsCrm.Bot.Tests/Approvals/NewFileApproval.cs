using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>The steps every approval test starts from: the leader has met the bot, the rep files a customer.</summary>
public static class NewFileApproval
{
    /// <summary>
    /// A bot whose team has an approvals channel (Approvals:Channels) with the app installed, and Li Na, Zhang Wei and
    /// Wang Fang on the team's roster: their requests get a copy there.
    /// </summary>
    public static async Task<TestBot> StartWithChannelAsync()
    {
        var bot = await TestBot.StartAsync(now: Now, settings: new Dictionary<string, string?> { ["Approvals:Channels:0"] = Demo.TeamChannel });
        await bot.PostAsync(Installed(bot.ServiceUrl, Demo.WangFang, "channel"));   // the app in the team: the channel is known
        foreach (var member in new[] { Demo.LiNa, Demo.ZhangWei, Demo.WangFang })
            bot.Connector.Members.Add(new JsonObject { ["id"] = member.TeamsId, ["name"] = member.Name, ["aadObjectId"] = member.AadObjectId });
        return bot;
    }

    /// <summary>A card as people read it (no \u escapes), to look for what it shows.</summary>
    public static string Shown(JsonNode? card) =>
        card?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

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
