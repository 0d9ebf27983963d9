using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.Bot.Tests.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// Away and back: Zhang Wei delegates to Wang Fang (a role that may decide new files and plans; Chen Jie and Tom Becker are
/// refused), his waiting request moves to her, a plan Li Na submits meanwhile reaches her "on behalf of Zhang Wei", after the
/// last day away requests come to him again; the sales manager reassigns a waiting request from its card.
/// </summary>
public class DelegationTests
{
    static string Chat(DemoPerson who) => $"/v3/conversations/{Demo.PersonalChat(who)}/activities";

    static JsonObject PlanSubmission(string customer) => new()
    {
        ["week"] = "2026-W47", ["version"] = "", ["submissionId"] = Guid.NewGuid().ToString("D"), ["customer"] = customer,
        ["purpose"] = "Negotiation", ["day"] = "5",
    };

    static async Task<TestBot> StartAsync(string locale = "en-US")
    {
        var bot = await VisitSeeds.StartBotAsync();
        foreach (var person in new[] { Demo.ZhangWei, Demo.WangFang }) await bot.Say(person, "help", locale);
        return bot;
    }

    [Theory]
    [InlineData("en-US", "delegate", "delegate Chen Jie until 2026-11-27", "delegate Tom Becker until 2026-11-27", "delegate Wang Fang until 2026-11-27")]
    [InlineData("zh-CN", "委托", "委托 Chen Jie 至 2026-11-27", "委托 Tom Becker 至 2026-11-27", "委托 Wang Fang 至 2026-11-27")]
    public async Task The_leader_delegates_to_someone_who_may_decide_and_a_plan_submitted_meanwhile_reaches_the_delegate(string locale,
        string show, string toDirector, string toRep, string toManager)
    {
        await using var bot = await StartAsync(locale);
        var huadong = (await CustomerSeeds.HuadongAsync(bot.Archive.Customers)).Number;
        await Transcript.VerifyAsync($"approvals.delegate.{locale}", bot,
            Message(bot.ServiceUrl, Demo.ZhangWei, show, locale),
            Message(bot.ServiceUrl, Demo.ZhangWei, toDirector, locale),   // a GM does not decide new files or plans
            Message(bot.ServiceUrl, Demo.ZhangWei, toRep, locale),        // nor does a rep
            Message(bot.ServiceUrl, Demo.ZhangWei, toManager, locale),
            Message(bot.ServiceUrl, Demo.ZhangWei, show, locale));

        await Transcript.VerifyAsync($"approvals.delegate.plan.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", PlanSubmission(huadong), locale));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        Assert.Empty(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        Assert.Equal(Demo.ZhangWei.AadObjectId, request.Routing.OnBehalfOf(Demo.WangFang.AadObjectId));

        // Zhang Wei's card is not his to decide while he is away; Wang Fang's decision approves the plan.
        var his = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));
        Assert.Equal(ApprovalStatus.Pending, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
        Assert.DoesNotContain("approval.decide", Shown(his.InvokeCard), StringComparison.Ordinal);
        await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));
        Assert.Equal((ApprovalStatus.Approved, Demo.WangFang.AadObjectId),
            ((await bot.Archive.Approvals.GetAsync(request.Id))!.Status, (await bot.Archive.Approvals.GetAsync(request.Id))!.DecidedByAadObjectId));
    }

    [Fact]
    public async Task A_waiting_request_moves_to_the_delegate_every_copy_says_so_and_after_the_last_day_away_requests_come_back()
    {
        await using var bot = await StartWithChannelAsync();
        await bot.Say(Demo.WangFang, "help");
        var request = await FileAsync(bot);

        var set = await bot.Say(Demo.ZhangWei, "delegate Wang Fang until 2026-11-25");
        Assert.Contains("moved to them now: 1.", Text(set), StringComparison.Ordinal);
        var calls = set.Calls;   // every call of the turn: the move's and the reply
        var hers = Assert.Single(calls, c => c.Method == "POST" && c.Path == Chat(Demo.WangFang));
        Assert.Contains("Wang Fang decides on behalf of Zhang Wei, who is away.", Shown(hers.Card), StringComparison.Ordinal);
        Assert.Contains("approval.decide", Shown(hers.Card), StringComparison.Ordinal);
        var updates = calls.Where(c => c.Method == "PUT").ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Contains("on behalf of Zhang Wei", Shown(u.Body), StringComparison.Ordinal));
        Assert.All(updates, u => Assert.DoesNotContain("approval.decide", Shown(u.Body), StringComparison.Ordinal));   // his and the channel's
        Assert.Contains("on behalf of Zhang Wei", (string?)Assert.Single(calls, c => c.Method == "POST" && c.Path == Chat(Demo.LiNa)).Body?["text"],
            StringComparison.Ordinal);
        var moved = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal([Demo.WangFang.AadObjectId], moved.ApproverAadObjectIds);

        await bot.PostAsync(Decide(bot, Demo.WangFang, moved, "Approve"));
        var file = (await bot.Archive.Customers.GetFileAsync(request.Subject))!;
        Assert.Equal(CustomerStatus.Active, file.Customer.Status);
        Assert.Contains("approval:delegated → Wang Fang", file.History.Select(h => $"{h.Field}:{h.NewValue}"));

        // Thursday the 26th in Shanghai: the delegation (to Wednesday the 25th) is over, the next request comes to Zhang Wei.
        bot.Clock.Advance(TimeSpan.FromDays(4));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", CustomerSeeds.NewCompany(Guid.NewGuid().ToString("D"),
            "Suzhou Optics Co., Ltd.", "0512 6666 1234", null)));
        var next = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
        Assert.Empty(next.Routing.Moves);
    }

    [Fact]
    public async Task Delegate_off_ends_it_and_a_bad_last_day_changes_nothing()
    {
        await using var bot = await StartAsync();
        Assert.Contains("at most 90 days", Text(await bot.Say(Demo.ZhangWei, "delegate Wang Fang until 2027-06-01")), StringComparison.Ordinal);
        Assert.Contains("at most 90 days", Text(await bot.Say(Demo.ZhangWei, "delegate Wang Fang until 2026-11-01")), StringComparison.Ordinal);
        Assert.Contains("Nobody", Text(await bot.Say(Demo.ZhangWei, "delegate Someone Unknown until 2026-11-27")), StringComparison.Ordinal);
        Assert.Null((await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!.Settings?.Delegation);
        Assert.Contains("nothing to delegate", Text(await bot.Say(Demo.LiNa, "delegate Wang Fang until 2026-11-27")), StringComparison.Ordinal);

        await bot.Say(Demo.ZhangWei, "delegate Wang Fang until 2026-11-27");
        Assert.NotNull((await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!.Settings?.Delegation);
        Assert.Contains("Delegation ended", Text(await bot.Say(Demo.ZhangWei, "delegate off")), StringComparison.Ordinal);
        Assert.Null((await bot.Archive.Conversations.FindUserAsync(Demo.ZhangWei.AadObjectId))!.Settings?.Delegation);
        await FileAsync(bot);   // to Zhang Wei again
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_sales_manager_reassigns_a_waiting_request_from_its_card_and_only_to_someone_who_may_decide_it(string locale)
    {
        await using var bot = await StartWithChannelAsync();
        await bot.Say(Demo.WangFang, "help", locale);
        var request = await FileAsync(bot, locale);
        bot.Clock.Advance(TimeSpan.FromHours(1));
        JsonObject Reassign(DemoPerson who, string to) =>
            CardAction(bot.ServiceUrl, who, "approval.reassign", new JsonObject { ["id"] = request.Id, ["reassignTo"] = to }, locale);

        await Transcript.VerifyAsync($"approvals.reassign.{locale}", bot,
            Refresh(bot, Demo.WangFang, request, locale),                        // the channel copy, as she sees it: Reassign
            Reassign(Demo.LiNa, Demo.WangFang.AadObjectId),                       // only the sales manager
            Reassign(Demo.WangFang, Demo.ChenJie.AadObjectId),                    // a GM does not decide new files
            Reassign(Demo.WangFang, Demo.WangFang.AadObjectId));                  // she takes it herself

        var moved = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal([Demo.WangFang.AadObjectId], moved.ApproverAadObjectIds);
        var step = Assert.Single(moved.Routing.Moves);
        Assert.Equal((MoveKind.Reassigned, Demo.WangFang.AadObjectId), (step.Kind, step.By));
        var late = await bot.PostAsync(Decide(bot, Demo.ZhangWei, moved, "Approve"));
        Assert.Equal(ApprovalStatus.Pending, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
        Assert.DoesNotContain("approval.decide", Shown(late.InvokeCard), StringComparison.Ordinal);
    }

    static string Text(TurnResult turn) => string.Join("\n", turn.Calls.Select(c => (string?)c.Body?["text"] ?? ""));
}
