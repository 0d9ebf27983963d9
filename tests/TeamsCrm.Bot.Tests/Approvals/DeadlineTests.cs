using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// Requests that never stall, on a fake clock in Shanghai (working days Monday to Friday, 09:00–17:00): Li Na files a customer on
/// Friday at 17:00; the weekend does not count; Zhang Wei is reminded once on Monday at 09:00; at 17:00, still undecided, the
/// request goes up to his manager Wang Fang, every copy says so, Li Na is told; Wang Fang approves. Two instances sweep at once
/// and still remind and escalate once.
/// </summary>
public class DeadlineTests
{
    const string Shanghai = "Asia/Shanghai";
    static readonly DateTimeOffset FridayFive = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset MondayNine = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset MondayFive = new(2026, 11, 30, 17, 0, 0, TimeSpan.FromHours(8));

    static ApprovalDesk Desk(TestBot bot) => bot.Services.GetRequiredService<ApprovalDesk>();
    static string Chat(DemoPerson who) => $"/v3/conversations/{Demo.PersonalChat(who)}/activities";

    static async Task<TestBot> StartAsync()
    {
        var bot = await TestBot.StartAsync(now: FridayFive, settings: new Dictionary<string, string?>
        {
            ["Approvals:Channels:0"] = Demo.TeamChannel, ["Reminders:TimeZone"] = Shanghai,
        });
        await bot.PostAsync(Activities.Installed(bot.ServiceUrl, Demo.WangFang, "channel"));
        foreach (var member in new[] { Demo.LiNa, Demo.ZhangWei, Demo.WangFang })
            bot.Connector.Members.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = member.TeamsId, ["name"] = member.Name, ["aadObjectId"] = member.AadObjectId });
        await bot.Say(Demo.WangFang, "help");
        return bot;
    }

    static void MoveTo(TestBot bot, DateTimeOffset at) => bot.Clock.Advance(at - bot.Clock.GetUtcNow());

    [Fact]
    public async Task Filed_on_Friday_evening_the_leader_is_reminded_on_Monday_morning_and_at_five_it_goes_to_his_manager_who_approves()
    {
        await using var bot = await StartAsync();
        await using var other = await bot.StartAnotherInstanceAsync();
        var request = await FileAsync(bot);
        Assert.Equal((MondayFive, MondayNine), (request.Routing.DueAt!.Value, request.Routing.RemindAt!.Value));

        // The weekend, Sunday evening included: nothing moves, nobody hears anything.
        var before = bot.Connector.Calls.Count;
        foreach (var at in new[] { FridayFive.AddHours(3), FridayFive.AddDays(1), MondayNine.AddHours(-13) })
        {
            MoveTo(bot, at);
            Assert.Equal(0, await Desk(bot).SweepDeadlinesAsync(default));
        }
        Assert.Equal(before, bot.Connector.Calls.Count);

        // Monday 09:00: one reminder to Zhang Wei with the card, though two instances sweep at once.
        MoveTo(bot, MondayNine);
        other.Clock.Advance(bot.Clock.GetUtcNow() - other.Clock.GetUtcNow());
        var swept = await Task.WhenAll(Desk(bot).SweepDeadlinesAsync(default), Desk(other).SweepDeadlinesAsync(default));
        Assert.Equal(1, swept.Sum());
        var reminder = Assert.Single(bot.Connector.Calls.Skip(before));
        Assert.Equal(("POST", Chat(Demo.ZhangWei)), (reminder.Method, reminder.Path));
        Assert.Contains("due by 2026-11-30 17:00", Shown(reminder.Card), StringComparison.Ordinal);
        Assert.Contains("approval.decide", Shown(reminder.Card), StringComparison.Ordinal);
        MoveTo(bot, MondayNine.AddHours(4));
        Assert.Equal(0, await Desk(bot).SweepDeadlinesAsync(default));   // once only

        // Monday 17:00, undecided: to Wang Fang, Zhang Wei's manager; every copy says so; Li Na is told.
        before = bot.Connector.Calls.Count;
        MoveTo(bot, MondayFive);
        other.Clock.Advance(bot.Clock.GetUtcNow() - other.Clock.GetUtcNow());
        swept = await Task.WhenAll(Desk(bot).SweepDeadlinesAsync(default), Desk(other).SweepDeadlinesAsync(default));
        Assert.Equal(1, swept.Sum());
        var calls = bot.Connector.Calls.Skip(before).ToList();
        var toWangFang = Assert.Single(calls, c => c.Method == "POST" && c.Path == Chat(Demo.WangFang));
        Assert.Contains("approval.decide", Shown(toWangFang.Card), StringComparison.Ordinal);
        Assert.Contains("Escalated to Wang Fang on 2026-11-30 17:00: no decision by the deadline.", Shown(toWangFang.Card), StringComparison.Ordinal);
        var updates = calls.Where(c => c.Method == "PUT").ToList();
        Assert.Equal(3, updates.Count);   // Zhang Wei's request and reminder, the channel's summary
        Assert.All(updates, u => Assert.Contains("Escalated to Wang Fang", Shown(u.Body), StringComparison.Ordinal));
        Assert.Single(updates, u => u.Path.StartsWith($"/v3/conversations/{Demo.TeamChannel}/", StringComparison.Ordinal)
            && !Shown(u.Body).Contains("approval.decide", StringComparison.Ordinal));
        var told = Assert.Single(calls, c => c.Method == "POST" && c.Path == Chat(Demo.LiNa));
        Assert.Contains("Escalated to Wang Fang", (string?)told.Body?["text"], StringComparison.Ordinal);
        var stored = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal([Demo.ZhangWei.AadObjectId, Demo.WangFang.AadObjectId], stored.ApproverAadObjectIds);

        // Wang Fang decides; the file is active; its history has the request, the escalation and the decision.
        MoveTo(bot, MondayFive.AddMinutes(10));
        var press = await bot.PostAsync(Decide(bot, Demo.WangFang, stored, "Approve", "Fine"));
        Assert.Contains("Approved by Wang Fang", Shown(press.InvokeCard), StringComparison.Ordinal);
        var file = (await bot.Archive.Customers.GetFileAsync(request.Subject))!;
        Assert.Equal(CustomerStatus.Active, file.Customer.Status);
        Assert.Equal(["approval:approved", "approval:escalated → Wang Fang", "approval:requested"],
            file.History.Where(h => h.Field == "approval").Select(h => $"{h.Field}:{h.NewValue}"));
        Assert.Equal(0, await Desk(bot).SweepDeadlinesAsync(default));
    }

    [Fact]
    public async Task A_decision_on_the_card_from_before_the_escalation_still_counts_and_the_first_decision_wins()
    {
        await using var bot = await StartAsync();
        var request = await FileAsync(bot);   // the card Zhang Wei holds carries this version
        MoveTo(bot, MondayFive);
        Assert.Equal(1, await Desk(bot).SweepDeadlinesAsync(default));

        var late = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve", "Sorry, was away"));
        Assert.Contains("Approved by Zhang Wei", Shown(late.InvokeCard), StringComparison.Ordinal);
        var second = await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Reject", "No"));
        Assert.Contains("already", Shown(second.InvokeCard), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ApprovalStatus.Approved, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
    }

    [Fact]
    public async Task The_approvals_list_shows_each_waiting_requests_age_and_deadline_and_overdue_once_past_it()
    {
        await using var bot = await StartAsync();
        await FileAsync(bot);
        MoveTo(bot, MondayNine.AddHours(2));
        var list = await bot.Say(Demo.ZhangWei, "approvals");
        var card = Shown(list.Calls.First(c => c.Card is not null).Card);
        Assert.Contains("\"title\":\"Waiting\",\"value\":\"2 d 18 h\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Due\",\"value\":\"2026-11-30 17:00\"", card, StringComparison.Ordinal);
        MoveTo(bot, MondayFive.AddMinutes(5));
        list = await bot.Say(Demo.ZhangWei, "approvals");
        Assert.Contains("2026-11-30 17:00 · overdue", Shown(list.Calls.First(c => c.Card is not null).Card), StringComparison.Ordinal);
    }
}
