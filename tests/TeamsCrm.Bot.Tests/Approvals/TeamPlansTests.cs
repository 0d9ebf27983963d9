using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Plans;
using TeamsCrm.Bot.Tests.Documents;
using TeamsCrm.Bot.Tests.Reminders;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.Bot.Tests.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// A leader's week in one card: <c>team plans</c> shows every report's plan with its visits by day, goals and the customers due
/// but left out; Approve all decides the plans as the card showed them and leaves out one changed or submitted since, saying
/// which; Approve and Return with comment decide one; every decision goes through the approval state (copies updated, rep told).
/// </summary>
public class TeamPlansTests
{
    const string S1 = "c1111111-1111-4111-8111-111111111111", S2 = "c2222222-2222-4222-8222-222222222222",
        S3 = "c3333333-3333-4333-8333-333333333333", S4 = "c4444444-4444-4444-8444-444444444444";

    static JsonObject Submit(string version, string submission, string customer, string day = "5") => new()
    {
        ["week"] = "2026-W47", ["version"] = version, ["submissionId"] = submission, ["customer"] = customer, ["purpose"] = "Negotiation", ["day"] = day,
    };

    sealed record Team(TestBot Bot, Customer LiNas, Customer Toms, Customer Overdue);

    /// <summary>
    /// Wed 18 Nov (week 47). Li Na's Huawei file was opened 60 days before and never visited: due, and not in her plan. Both
    /// reps of Zhang Wei submit their plans; he has chatted with the bot.
    /// </summary>
    static async Task<Team> StartAsync(string locale = "en-US")
    {
        var bot = await VisitSeeds.StartBotAsync(VisitSeeds.Now.AddDays(-60));
        var overdue = await VisitSeeds.HuaweiAsync(bot.Archive.Customers);
        bot.Clock.SetUtcNow(VisitSeeds.Now);
        var linas = await VisitSeeds.ActiveAsync(bot.Archive.Customers, "Huadong Precision", Demo.LiNa, CustomerCategory.Important);
        var toms = await VisitSeeds.ActiveAsync(bot.Archive.Customers, "Nanjing Steel Works", Demo.TomBecker);
        await bot.Say(Demo.ZhangWei, "help", locale);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "plan.submit", Submit("", S1, linas.Number), locale));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "plan.submit", Submit("", S2, toms.Number, "4"), locale));
        Assert.Equal(2, (await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId)).Count);
        return new Team(bot, linas, toms, overdue);
    }

    static Task<VisitPlan?> PlanOf(TestBot bot, DemoPerson rep) => bot.Archive.Visits.PlanAsync(rep.AadObjectId, ReportSeeds.W47);

    static JsonObject Action(JsonObject card, string verb) =>
        DocumentMessages.Actions(card).First(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == verb);

    /// <summary>The data of the <paramref name="line"/>-th rep's button for <paramref name="decision"/>.</summary>
    static JsonObject ForRep(JsonObject card, string verb, string decision, int line) =>
        (JsonObject)DocumentMessages.Actions(card)
            .Where(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == verb && (string?)a["data"]!["decision"] == decision)
            .ElementAt(line)["data"]!.DeepClone();

    static string Texts(JsonNode card) => NewFileApproval.Shown(card);

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task Approve_all_approves_the_plans_as_shown_and_leaves_out_one_changed_since(string locale)
    {
        var team = await StartAsync(locale);
        await using var _ = team.Bot;
        var bot = team.Bot;

        var opened = await bot.Say(Demo.ZhangWei, locale == "zh-CN" ? "团队计划" : "team plans", locale);
        var card = (JsonObject)opened.Calls.Single().Body!["attachments"]![0]!["content"]!;
        var text = Texts(card);
        Assert.Contains("Huadong Precision", text, StringComparison.Ordinal);
        Assert.Contains("Nanjing Steel Works", text, StringComparison.Ordinal);
        Assert.Contains(team.Overdue.Name, text, StringComparison.Ordinal);   // due, not planned: the cadence warning names it
        var all = (JsonObject)Action(card, TeamPlanCards.ApproveAllVerb)["data"]!.DeepClone();
        Assert.Equal(2, all["plans"]!.AsArray().Count);

        // Tom adds a visit after the card was opened, and submits again: a new request the card never showed.
        var toms = (await PlanOf(bot, Demo.TomBecker))!;
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "plan.add", Submit(toms.Version, S3, team.Toms.Number, "6"), locale));
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "plan.submit", Submit((await PlanOf(bot, Demo.TomBecker))!.Version, S4, team.Toms.Number, "6"), locale));

        await Transcript.VerifyAsync($"approvals.teamplans.approveAll.{locale}", bot,
            CardAction(bot.ServiceUrl, Demo.ZhangWei, TeamPlanCards.ApproveAllVerb, all, locale, replyToId: "team-plans-card", conversationId: Demo.PersonalChat(Demo.ZhangWei)));

        Assert.Equal(VisitPlanStatus.Approved, (await PlanOf(bot, Demo.LiNa))!.Status);
        var tom = (await PlanOf(bot, Demo.TomBecker))!;
        Assert.Equal((VisitPlanStatus.Submitted, S4), (tom.Status, tom.SubmissionId));
        Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
    }

    [Fact]
    public async Task Return_needs_a_comment_keeps_what_was_typed_and_then_returns_the_one_plan()
    {
        var team = await StartAsync();
        await using var _ = team.Bot;
        var bot = team.Bot;
        var card = (JsonObject)(await bot.Say(Demo.ZhangWei, "team plans")).Calls.Single().Body!["attachments"]![0]!["content"]!;
        var returnLiNa = ForRep(card, TeamPlanCards.DecideVerb, "Reject", 0);
        var tomsRequest = (string)ForRep(card, TeamPlanCards.DecideVerb, "Reject", 1)["id"]!;

        // Nothing typed under Li Na's line, something under Tom's: refused, and Tom's comment is still in its box.
        returnLiNa[TeamPlanCards.CommentPrefix + tomsRequest] = "Plan the steel works twice";
        var refused = await bot.Press(Demo.ZhangWei, TeamPlanCards.DecideVerb, (JsonObject)returnLiNa.DeepClone());
        var again = Texts(refused.InvokeCard!);
        Assert.Contains("Write what Li Na should change", again, StringComparison.Ordinal);
        Assert.Contains("Plan the steel works twice", again, StringComparison.Ordinal);
        Assert.Equal(VisitPlanStatus.Submitted, (await PlanOf(bot, Demo.LiNa))!.Status);

        returnLiNa[TeamPlanCards.CommentPrefix + (string)returnLiNa["id"]!] = "Add the Huawei visit";
        var returned = await bot.Press(Demo.ZhangWei, TeamPlanCards.DecideVerb, (JsonObject)returnLiNa.DeepClone());
        Assert.Contains("Returned Li Na's plan with your comment.", Texts(returned.InvokeCard!), StringComparison.Ordinal);
        var plan = (await PlanOf(bot, Demo.LiNa))!;
        Assert.Equal((VisitPlanStatus.Rejected, "Add the Huawei visit", Demo.ZhangWei.AadObjectId), (plan.Status, plan.ReviewComment, plan.ReviewerAadObjectId));
        // The rep is told, and the request's card in Zhang Wei's chat shows the decision: the one approval state, not a side door.
        Assert.Contains(returned.Calls, c => c.Method == "POST" && c.Path.Contains(Demo.LiNa.TeamsId[3..], StringComparison.Ordinal));
        var copy = Assert.Single((await bot.Archive.Approvals.GetAsync((string)returnLiNa["id"]!))!.Copies);
        Assert.Contains(returned.Calls, c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + copy.ActivityId, StringComparison.Ordinal));
        Assert.Equal(VisitPlanStatus.Submitted, (await PlanOf(bot, Demo.TomBecker))!.Status);

        // Pressed twice (a retry): told it was decided, nothing more sent to the rep.
        var twice = await bot.Press(Demo.ZhangWei, TeamPlanCards.DecideVerb, (JsonObject)returnLiNa.DeepClone());
        Assert.Contains("Li Na's plan was decided already.", Texts(twice.InvokeCard!), StringComparison.Ordinal);
        Assert.DoesNotContain(twice.Calls, c => c.Method == "POST" && c.Path.Contains(Demo.LiNa.TeamsId[3..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_reps_leader_decides_whatever_the_card_data_says()
    {
        var team = await StartAsync();
        await using var _ = team.Bot;
        var bot = team.Bot;
        var card = (JsonObject)(await bot.Say(Demo.ZhangWei, "team plans")).Calls.Single().Body!["attachments"]![0]!["content"]!;
        var all = (JsonObject)Action(card, TeamPlanCards.ApproveAllVerb)["data"]!.DeepClone();
        var approveLiNa = ForRep(card, TeamPlanCards.DecideVerb, "Approve", 0);

        // Li Na replays her leader's buttons; the sales manager, who is not the approver, too.
        var own = await bot.Press(Demo.LiNa, TeamPlanCards.ApproveAllVerb, all);
        var other = await bot.Press(Demo.WangFang, TeamPlanCards.DecideVerb, approveLiNa);

        Assert.Contains("Nothing was approved.", Texts(own.InvokeCard!), StringComparison.Ordinal);
        Assert.Contains("Li Na's plan is not yours to decide.", Texts(own.InvokeCard!), StringComparison.Ordinal);
        Assert.Contains("Li Na's plan is not yours to decide.", Texts(other.InvokeCard!), StringComparison.Ordinal);
        Assert.Equal(VisitPlanStatus.Submitted, (await PlanOf(bot, Demo.LiNa))!.Status);
        Assert.Equal(VisitPlanStatus.Submitted, (await PlanOf(bot, Demo.TomBecker))!.Status);

        // A rep with nobody to review: the card says team plans are for leaders.
        var rep = await bot.Say(Demo.LiNa, "team plans");
        Assert.Contains("Team plans are for leaders", Texts(rep.Calls.Single().Body!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekly_plan_reminders_team_button_sends_the_leader_the_card_in_his_own_chat()
    {
        var team = await StartAsync();
        await using var _ = team.Bot;
        var bot = team.Bot;
        var press = CardAction(bot.ServiceUrl, Demo.ZhangWei, "reminder.open", new JsonObject { ["what"] = "teamPlans" }, "en-US", "reminder-1").InChannel();

        var turn = await bot.PostAsync(press);

        Assert.Contains("I have sent your team's plans to our 1:1 chat.", Texts(turn.Body!), StringComparison.Ordinal);
        var sent = Assert.Single(turn.Calls, c => c.Method == "POST" && c.Body?["attachments"] is not null);
        Assert.Contains(Demo.ZhangWei.TeamsId[3..], sent.Path, StringComparison.Ordinal);
        Assert.Contains("Team plans", Texts(sent.Body!), StringComparison.Ordinal);

        // A rep pressing it: told in the channel that it is for leaders; nothing sent to her chat.
        var rep = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "reminder.open", new JsonObject { ["what"] = "teamPlans" }, "en-US", "reminder-1").InChannel());
        Assert.Contains("Team plans are for leaders", Texts(rep.Body!), StringComparison.Ordinal);
        Assert.DoesNotContain(rep.Calls, c => c.Method == "POST" && c.Body?["attachments"] is not null);
    }
}
