using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Briefs;
using TeamsCrm.Bot.Features.CheckIns;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Documents.DocumentMessages;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.CheckIns;

/// <summary>
/// Li Na's field day, tried as a new user would (issue 15's "done when"), through the real pipeline: she plans two visits for
/// tomorrow; at 07:30 on the fake clock the brief comes; at the customer she presses Check in (the dialog's page posts her
/// place, 40 m from the gate her first check-in there recorded), logs the visit from the brief, checks out; Zhang Wei's team
/// day shows the check-in, 40 m and the time on site; a second check-in 3 km away is flagged. (The page itself in a real
/// browser: <see cref="CheckInPageBrowserTests"/>.)
/// </summary>
public sealed class FieldDayTests
{
    [Fact]
    public async Task Plan_brief_check_in_log_the_visit_check_out_and_the_leader_sees_it()
    {
        var sundayEvening = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);   // 20:00 in Shanghai
        await using var bot = await TestBot.StartAsync(now: sundayEvening);
        await bot.Say(Demo.LiNa, "hello");
        var files = bot.Archive.Customers;
        var huadong = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "苏州华东精密机械有限公司", Demo.LiNa.AadObjectId), "s1");
        var nanjing = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "南京恒信物流有限公司", Demo.LiNa.AadObjectId), "s2");
        // Her first check-in at Huadong, weeks ago, at the gate: the customer's location.
        await bot.Archive.CheckIns.AddOnceAsync(new CheckIn
        {
            Id = "first", RepAadObjectId = Demo.LiNa.AadObjectId, CustomerNumber = huadong.Number, Day = new DateOnly(2026, 11, 9), TimeZoneId = "Asia/Shanghai",
            At = sundayEvening.AddDays(-27), Point = new GeoPoint(31.2989, 120.5853), AccuracyMeters = 8,
        });
        var monday = new DateOnly(2026, 12, 7);
        await bot.Archive.Visits.SavePlanAsync(new VisitPlan
        {
            Id = "plan", RepAadObjectId = Demo.LiNa.AadObjectId, Week = IsoWeek.Of(monday),
            Items =
            [
                new("i1", huadong.Number, CustomerCategory.Regular, VisitPurpose.Negotiation, monday, new TimeOnly(10, 0), "王建国", CustomerName: huadong.Name),
                new("i2", nanjing.Number, CustomerCategory.New, VisitPurpose.Development, monday, new TimeOnly(15, 0), CustomerName: nanjing.Name),
            ],
        });

        // 07:30 Monday: the brief.
        bot.Connector.Clear();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await bot.Services.GetRequiredService<BriefScheduler>().ScanAsync(default));
        var brief = Assert.Single(bot.Connector.Calls, c => c.Card is not null).Card!;
        Assert.Contains("10:00 · 苏州华东精密机械有限公司", brief.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);

        // 10:02 at Huadong's door: Check in → the dialog's page → her place, 40 m from the gate.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 2, 0, TimeSpan.Zero));
        var checkIn = Actions(brief).First(a => (string?)a["data"]?["verb"] == CheckInHandler.OpenVerb && (string?)a["data"]?["number"] == huadong.Number);
        var dialog = (await bot.PostAsync(Dialog(bot.ServiceUrl, Demo.LiNa, "task/fetch", (JsonObject)checkIn["data"]!.DeepClone()))).Body!["task"]!["value"]!;
        var page = new Uri(bot.BaseUrl, new Uri((string)dialog["url"]!).PathAndQuery);
        var id = Guid.NewGuid().ToString();
        Assert.Contains("40 m from the customer", await PostAsync(bot, page, $$"""{"action":"in","id":"{{id}}","latitude":31.29926,"longitude":120.5853,"accuracy":9}"""),
            StringComparison.Ordinal);

        // She logs the visit from the brief (the plan's customer, purpose and contact), then checks out at 10:47.
        var log = Actions(brief).First(a => (string?)a["verb"] == "visit.form" && (string?)a["data"]?["number"] == huadong.Number);
        var form = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.form", (JsonObject)log["data"]!.DeepClone()))).InvokeCard!;
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 47, 0, TimeSpan.Zero));
        Assert.Contains("45 min on site", await PostAsync(bot, page, $$"""{"action":"out","id":"{{id}}"}"""), StringComparison.Ordinal);
        var saved = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Press(form, "visit.save", ("notes", "谈了试用合同"))))).InvokeCard!;
        var report = System.Text.RegularExpressions.Regex.Unescape(saved.ToJsonString());
        Assert.Contains("Checked in at 10:02, 40 m from the customer. Checked out at 10:47: 45 min on site.", report, StringComparison.Ordinal);
        Assert.Single(await bot.Archive.Visits.ForCustomerAsync(huadong.Number, 5));

        // A second check-in 3 km away is flagged; Zhang Wei's team day shows both.
        Assert.Contains("marked for your leader", await PostAsync(bot, page,
            $$"""{"action":"in","id":"{{Guid.NewGuid()}}","latitude":31.2989,"longitude":120.6168,"accuracy":9}"""), StringComparison.Ordinal);
        var teamDay = System.Text.RegularExpressions.Regex.Unescape((await bot.Say(Demo.ZhangWei, "team day")).Calls.Single().Card!.ToJsonString());
        Assert.Contains("苏州华东精密机械有限公司 · 40 m from the customer · 45 min on site", teamDay, StringComparison.Ordinal);
        Assert.Contains("3.0 km from the customer · ⚠ marked", teamDay, StringComparison.Ordinal);
    }

    static async Task<string> PostAsync(TestBot bot, Uri page, string body)
    {
        var answer = await bot.Http.PostAsync(page, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return System.Text.RegularExpressions.Regex.Unescape(await answer.Content.ReadAsStringAsync());
    }
}
