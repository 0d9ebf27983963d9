using TeamsCrm.Bot.Web;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Targets;

/// <summary>销售指标 through the real pipeline: set before the month, a started month's change through approval, scores.</summary>
public class TargetTranscripts
{
    // 2026-11-22: November has started, December has not.
    static readonly YearMonth November = new(2026, 11), December = new(2026, 12);
    static readonly Dictionary<string, string?> FixedKey = new() { ["Export:SigningKey"] = Convert.ToBase64String(new byte[32]) };

    static Task<TestBot> StartAsync() => TestBot.StartAsync(now: Now, settings: FixedKey);

    static JsonObject Save(YearMonth month, string version, string submissionId, params (DemoPerson Rep, string Amount)[] amounts)
    {
        var data = new JsonObject { ["month"] = month.ToString(), ["version"] = version, ["submissionId"] = submissionId };
        foreach (var (rep, amount) in amounts) data["t_" + rep.AadObjectId] = amount;
        return data;
    }

    [Theory]
    [InlineData("en-US", "targets next", "my score")]
    [InlineData("zh-CN", "销售指标 下月", "我的业绩")]
    public async Task Next_months_targets_save_at_once_and_a_bad_amount_comes_back_beside_its_field(string locale, string targets, string score)
    {
        await using var bot = await StartAsync();
        await Transcript.VerifyAsync($"targets.next.{locale}", bot,
            Message(bot.ServiceUrl, Demo.WangFang, targets, locale),
            CardAction(bot.ServiceUrl, Demo.WangFang, "targets.save",
                Save(December, "", "11111111-1111-4111-8111-111111111111", (Demo.LiNa, "12,0000"), (Demo.TomBecker, "80000.50")), locale),
            CardAction(bot.ServiceUrl, Demo.WangFang, "targets.save",
                Save(December, "", "11111111-1111-4111-8111-111111111111", (Demo.LiNa, "120000"), (Demo.TomBecker, "80000.50")), locale),
            Message(bot.ServiceUrl, Demo.LiNa, score, locale));

        var sheet = (await bot.Archive.Targets.GetAsync(December))!;
        Assert.Equal((120_000m, 80_000.50m), (sheet.TargetOf(Demo.LiNa.AadObjectId), sheet.TargetOf(Demo.TomBecker.AadObjectId)));
    }

    [Fact]
    public async Task A_rep_may_not_set_targets()
    {
        await using var bot = await StartAsync();
        await bot.Say(Demo.LiNa, "targets");
        var forged = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "targets.save",
            Save(December, "", "22222222-2222-4222-8222-222222222222", (Demo.LiNa, "1"))));
        Assert.Contains("key-account director", forged.InvokeCard!.ToJsonString());
        Assert.Null(await bot.Archive.Targets.GetAsync(December));
    }

    [Fact]
    public async Task The_directors_change_of_a_started_month_goes_to_the_general_manager_and_applies_when_approved()
    {
        await using var bot = await StartAsync();
        await bot.Say(Demo.ChenJie, "help");
        await HuadongAsync(bot.Archive.Customers);   // Li Na's: a contract of 80,000 signed 2026-11-12
        var noReason = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, "targets.save",
            Save(November, "", "33333333-3333-4333-8333-333333333333", (Demo.LiNa, "100000"))));
        Assert.Contains("Give a reason", noReason.InvokeCard!.ToJsonString());
        Assert.Empty(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ChenJie.AadObjectId));

        var data = Save(November, "", "33333333-3333-4333-8333-333333333333", (Demo.LiNa, "100000"));
        data["reason"] = "New territory from November";
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, "targets.save", data));
        Assert.Null(await bot.Archive.Targets.GetAsync(November));                 // nothing applies before the decision
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ChenJie.AadObjectId));
        Assert.Equal((ApprovalKind.TargetChange, "targets:2026-11"), (request.Kind, request.Subject));

        await Transcript.VerifyAsync("targets.change.approve", bot,
            Refresh(bot, Demo.ChenJie, request),
            Decide(bot, Demo.ChenJie, request, "Approve", "OK"),
            Message(bot.ServiceUrl, Demo.WangFang, "team score"));

        var sheet = (await bot.Archive.Targets.GetAsync(November))!;
        Assert.Equal((100_000m, request.Id), (sheet.TargetOf(Demo.LiNa.AadObjectId), sheet.ApprovalId));
        var lines = await TeamsCrm.Bot.Features.Targets.SalesFigures.ForAsync(
            [new(Demo.LiNa.AadObjectId, "Li Na", null, new HashSet<TeamsCrm.Bot.Directory.Role>(), null)], November, bot.Archive, default);
        Assert.Equal((80_000m, 80.0m, 96), (lines[0].Actual, lines[0].Percent, lines[0].Score));
    }

    [Fact]
    public async Task A_rejected_change_applies_nothing()
    {
        await using var bot = await StartAsync();
        await bot.Say(Demo.ChenJie, "help");
        var data = Save(November, "", "44444444-4444-4444-8444-444444444444", (Demo.LiNa, "100000"));
        data["reason"] = "Try";
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, "targets.save", data));
        var request = Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ChenJie.AadObjectId));
        await bot.PostAsync(Decide(bot, Demo.ChenJie, request, "Reject", "Keep it"));
        Assert.Null(await bot.Archive.Targets.GetAsync(November));
        Assert.Equal(ApprovalStatus.Rejected, (await bot.Archive.Approvals.GetAsync(request.Id))!.Status);
    }
}

/// <summary>GET /export through the running bot: a good link downloads the CSV, a tampered or expired one is 403.</summary>
public class ExportEndpointTests
{
    [Fact]
    public async Task A_signed_link_downloads_and_a_tampered_expired_or_unauthorised_one_is_forbidden()
    {
        await using var bot = await TestBot.StartAsync(now: Now);
        var huadong = await HuadongAsync(bot.Archive.Customers);
        var links = bot.Services.GetRequiredService<TeamsCrm.Bot.Web.DownloadLinks>();
        string Local(string url) => new Uri(bot.BaseUrl, new Uri(url).PathAndQuery).ToString();
        var good = Local(links.For(Demo.WangFang.AadObjectId, TeamsCrm.Bot.Web.DownloadKind.History, huadong.Number, TeamsCrm.Bot.Cards.T.Chinese));

        var ok = await bot.Http.GetAsync(good);
        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        var bytes = await ok.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("时间（UTC）", System.Text.Encoding.UTF8.GetString(bytes));

        var rep = Local(links.For(Demo.LiNa.AadObjectId, TeamsCrm.Bot.Web.DownloadKind.History, huadong.Number, TeamsCrm.Bot.Cards.T.English));
        foreach (var bad in new[] { good.Replace(huadong.Number, "C-2026-00002", StringComparison.Ordinal), rep, new Uri(bot.BaseUrl, "/export").ToString(),
                     new Uri(bot.BaseUrl, "/export?k=History&a=x&u=y&l=en&e=1&s=%%%").ToString() })
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await bot.Http.GetAsync(bad)).StatusCode);
        bot.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await bot.Http.GetAsync(good)).StatusCode);
    }
}
