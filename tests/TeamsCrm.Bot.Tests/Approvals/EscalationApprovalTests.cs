using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>Visit escalation: raising a visit's level or inviting the customer goes to the key-account director.</summary>
public class EscalationApprovalTests
{
    const string S1 = "e1111111-1111-4111-8111-111111111111";

    static JsonObject Send(string number, string kind, string day, string reason) =>
        Number(number, ("submissionId", S1), ("kind", kind), ("day", day), ("reason", reason));

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_owner_asks_to_invite_the_customer_and_the_director_approves(string locale)
    {
        await using var bot = await StartBotAsync();
        await bot.Say(Demo.WangFang, "help", locale);
        var huadong = (await HuadongAsync(bot.Archive.Customers)).Number;
        await Transcript.VerifyAsync($"approvals.escalation.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, "escalate " + huadong, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "request.escalate.send", Send(huadong, "InviteCustomer", "2026-11-01", "Tender decided next week"), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "request.escalate.send", Send(huadong, "InviteCustomer", "2026-11-30", "Tender decided next week"), locale));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        Assert.Equal((ApprovalKind.VisitEscalation, new Escalation(EscalationKind.InviteCustomer, new DateOnly(2026, 11, 30))),
            (request.Kind, request.Payload.Escalation));

        bot.Clock.Advance(TimeSpan.FromHours(1));
        await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve", "Book the showroom", locale));

        var history = (await bot.Archive.Customers.GetFileAsync(huadong))!.History;
        Assert.Equal(["approved", "requested"], history.Where(h => h.ApprovalId == request.Id).Select(h => h.NewValue));
    }

    [Fact]
    public async Task Only_the_owner_asks_and_the_director_cannot_approve_her_own_escalation()
    {
        await using var bot = await TestBot.StartAsync(now: Now, settings: new Dictionary<string, string?> { ["Approvals:Admins:0"] = Demo.ChenJie.AadObjectId });
        await bot.Say(Demo.ChenJie, "help");
        var huadong = (await HuadongAsync(bot.Archive.Customers)).Number;
        var own = (await HuaxinAsync(bot.Archive.Customers, Demo.WangFang)).Number;

        var other = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "request.escalate.send", Send(huadong, "RaiseLevel", "2026-11-30", "Mine now")));
        var director = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, "request.escalate.send", Send(own, "RaiseLevel", "2026-11-30", "Big deal")));

        Assert.Contains("can ask to escalate a visit", other.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Nobody can decide this request yet", director.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        var admin = Assert.Single(director.Calls, c => c.Method == "POST");
        Assert.Contains("Wang Fang filed “Visit escalation: Huaxin Logistics”", admin.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Approvals.ForSubjectAsync(huadong));
    }
}
