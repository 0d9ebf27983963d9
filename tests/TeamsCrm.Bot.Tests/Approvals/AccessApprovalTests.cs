using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>档案的查阅: another rep's file, read in full for the days the sales manager or the GM grants; the first answer wins.</summary>
public class AccessApprovalTests
{
    const string S1 = "d1111111-1111-4111-8111-111111111111";

    static JsonObject Send(string number, string days, string reason, string submission = S1) =>
        Number(number, ("submissionId", submission), ("days", days), ("reason", reason));

    static async Task<(TestBot Bot, string Huadong)> StartAsync(string locale = "en-US")
    {
        var bot = await StartBotAsync();
        await bot.Say(Demo.WangFang, "help", locale);
        await bot.Say(Demo.ChenJie, "help", locale);
        return (bot, (await HuadongAsync(bot.Archive.Customers)).Number);
    }

    static string CardText(TurnResult t) => (t.InvokeCard ?? t.SingleCard()).ToJsonString();

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task A_rep_asks_for_three_days_the_GM_grants_them_and_the_file_opens_in_full_until_they_end(string locale)
    {
        var (bot, huadong) = await StartAsync(locale);
        await using var _ = bot;
        await Transcript.VerifyAsync($"approvals.access.request.{locale}", bot,
            Message(bot.ServiceUrl, Demo.TomBecker, "find Huadong", locale),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "request.access", Number(huadong), locale),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "request.access.send", Send(huadong, "3", " "), locale),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "request.access.send", Send(huadong, "3", "Covering for Li Na this week"), locale));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ChenJie.AadObjectId));
        Assert.Equal((ApprovalKind.Access, 3), (request.Kind, request.Payload.GrantDays));
        Assert.Equal(request.Id, Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId)).Id);

        bot.Clock.Advance(TimeSpan.FromHours(1));
        await Transcript.VerifyAsync($"approvals.access.grant.{locale}", bot,
            Decide(bot, Demo.ChenJie, request, "Approve", null, locale),
            Decide(bot, Demo.WangFang, request, "Reject", "Not needed", locale));   // second answer: too late

        var grant = Assert.Single(await bot.Archive.Customers.GrantsForAsync(huadong));
        Assert.Equal((Demo.TomBecker.AadObjectId, Demo.ChenJie.AadObjectId, Now.AddHours(1), Now.AddHours(1).AddDays(3)),
            (grant.GranteeAadObjectId, grant.GrantedByAadObjectId, grant.From, grant.Until));
        Assert.Contains("HT-2026-118", CardText(await bot.Say(Demo.TomBecker, "find Huadong", locale)), StringComparison.Ordinal);
        var history = (await bot.Archive.Customers.GetFileAsync(huadong))!.History;
        Assert.Equal(["approval:approved", "accessUntil", "approval:requested"], history.Select(h => h.Field == "approval" ? $"approval:{h.NewValue}" : h.Field));

        bot.Clock.Advance(TimeSpan.FromDays(3));
        Assert.DoesNotContain("HT-2026-118", CardText(await bot.Say(Demo.TomBecker, "find Huadong", locale)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_again_while_a_request_waits_shows_it_and_the_same_form_sent_twice_files_one_request()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "request.access.send", Send(huadong, "7", "Covering")));
        var twice = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "request.access.send", Send(huadong, "7", "Covering")));
        var again = await bot.Say(Demo.TomBecker, "access " + huadong);

        Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        Assert.DoesNotContain(twice.Calls, c => c.Method == "POST");   // no second card to the approvers
        Assert.Contains("still waiting", CardText(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_and_pointless_requests_change_nothing()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;

        var owner = await bot.Say(Demo.LiNa, "access " + huadong);                    // her own file
        var days = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "request.access.send", Send(huadong, "365", "All year")));
        var stranger = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.Stranger, "request.access.send", Send(huadong, "7", "Let me in")));

        Assert.Contains("already read", CardText(owner), StringComparison.Ordinal);
        Assert.Contains("\"days\"", days.InvokeCard!.ToJsonString(), StringComparison.Ordinal);        // the form again, values kept
        Assert.Contains("All year", days.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Huadong", CardText(stranger), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Approvals.ForSubjectAsync(huadong));
        Assert.Empty(await bot.Archive.Customers.GrantsForAsync(huadong));
    }

    [Fact]
    public async Task A_retried_approval_adds_the_grant_once()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.TomBecker, "request.access.send", Send(huadong, "7", "Covering")));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.WangFang.AadObjectId));
        // The decision is stored but the process stopped before the effect: the same click again finishes it, once.
        await bot.Archive.Approvals.SaveAsync(ApprovalRules.Decide(request, Demo.WangFang.AadObjectId, Decision.Approve, null, Now));
        await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));
        await bot.PostAsync(Decide(bot, Demo.WangFang, request, "Approve"));

        Assert.Single(await bot.Archive.Customers.GrantsForAsync(huadong));
        Assert.NotNull((await bot.Archive.Approvals.GetAsync(request.Id))!.EffectAppliedAt);
    }
}
