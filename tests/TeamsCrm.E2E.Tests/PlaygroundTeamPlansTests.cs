using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// A leader's week in one card, in the Agents Playground: Li Na and Tom Becker submit their plans (through the bot's
/// endpoint), their requests reach Zhang Wei's playground (tests/e2e/playground-leader.yml) on their own; he types
/// <c>team plans</c>, sees both plans by day, presses Approve all, and the card comes back saying who was approved while
/// each request card in his chat is updated in place. Nothing on the bot's side is faked.
/// </summary>
public sealed class PlaygroundTeamPlansTests
{
    const string ZhangWeiChat = "a:demo-personal-zhang-wei";   // personalChat.id in tests/e2e/playground-leader.yml
    static readonly string ZhangWei = Demo.ZhangWei.TeamsId;

    /// <summary>The card as read: "·" and Chinese unescaped.</summary>
    static string Shown(JsonNode card) =>
        card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task Zhang_Wei_approves_his_teams_plans_in_one_card()
    {
        // Wednesday 18 Nov 2026 in Shanghai: week 47 is the coming week.
        await using var bot = await TestBot.StartAsync(now: new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero));
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl,
            Path.Combine(PlaygroundProcess.RepoRoot(), "tests", "e2e", "playground-leader.yml"));
        await using var zhangWei = await playground.ConnectAsync();
        await zhangWei.SayAsync(ZhangWeiChat, ZhangWei, "whoami");   // the bot learns where he is
        await zhangWei.WaitForAsync("profile card", m => m.Action == PlaygroundMessage.Created && m.CardTitle == "Zhang Wei");

        foreach (var (rep, customer, day) in new[] { (Demo.LiNa, "Huadong Precision", "4"), (Demo.TomBecker, "Nanjing Steel Works", "5") })
        {
            var file = await bot.Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, customer, rep.AadObjectId), Guid.NewGuid().ToString("D"));
            await bot.Archive.Customers.UpdateAsync(file with { Status = CustomerStatus.Active }, []);
            var submitted = await bot.PostAsync(CardAction(bot.ServiceUrl, rep, "plan.submit", new JsonObject
            {
                ["week"] = "2026-W47", ["version"] = "", ["submissionId"] = Guid.NewGuid().ToString("D"), ["customer"] = file.Number,
                ["purpose"] = "Negotiation", ["day"] = day,
            }));
            Assert.Equal(200, submitted.Status);
            await zhangWei.WaitForAsync($"{rep.Name}'s plan request", m => m.Action == PlaygroundMessage.Created && m.CardTitle == $"Weekly visit plan: {rep.Name} · 2026-W47");
        }

        await zhangWei.SayAsync(ZhangWeiChat, ZhangWei, "team plans");
        var card = await zhangWei.WaitForAsync("team plans card", m => m.Action == PlaygroundMessage.Created && m.CardTitle == "Team plans");
        var shown = Shown(card.Card!);
        Assert.Contains("2 of 2 submitted · 0 approved · 2 waiting for you", shown, StringComparison.Ordinal);
        Assert.Contains("Huadong Precision · Negotiation", shown, StringComparison.Ordinal);
        Assert.Contains("Nanjing Steel Works · Negotiation", shown, StringComparison.Ordinal);

        var answer = await zhangWei.ExecuteAsync(ZhangWeiChat, ZhangWei, card.MessageId, AdaptiveCardJson.Button(card.Card!, "Approve all (2)"));
        var after = Shown(answer["value"]!);
        Assert.Contains("Approved: Li Na, Tom Becker.", after, StringComparison.Ordinal);
        Assert.Contains("2 of 2 submitted · 2 approved · 0 waiting for you", after, StringComparison.Ordinal);
        foreach (var rep in new[] { Demo.LiNa, Demo.TomBecker })
        {
            Assert.Equal(VisitPlanStatus.Approved, (await bot.Archive.Visits.PlanAsync(rep.AadObjectId, new IsoWeek(2026, 47)))!.Status);
            // The request card in his chat, updated in place to say so.
            var updated = await zhangWei.WaitForAsync($"{rep.Name}'s request card updated",
                m => m.Action == PlaygroundMessage.Updated && m.CardTitle == $"Weekly visit plan: {rep.Name} · 2026-W47");
            Assert.Equal("Approved", AdaptiveCardJson.Facts(updated.Card!)["Status"]);
        }
    }
}
