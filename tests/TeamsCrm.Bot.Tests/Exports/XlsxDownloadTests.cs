using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Web;
using TeamsCrm.Bot.Workbooks;
using TeamsCrm.TestSupport;
using TeamsCrm.Bot.Tests.Visits;

namespace TeamsCrm.Bot.Tests.Exports;

/// <summary>
/// Excel out through the running bot: the card's links, GET /export, the workbook read back. The format is signed,
/// so a CSV link edited into an .xlsx one (or back) is refused like any other tampering; rights are checked on use.
/// </summary>
public class XlsxDownloadTests
{
    static string Local(TestBot bot, string url) => new Uri(bot.BaseUrl, new Uri(url).PathAndQuery).ToString();

    /// <summary>The address of the card's button titled <paramref name="title"/>.</summary>
    static string ButtonUrl(JsonNode card, string title) =>
        Descendants(card).OfType<JsonObject>().FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.OpenUrl" && o["title"]?.GetValue<string>() == title)
            ?["url"]!.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No button “{title}” on {card.ToJsonString()}");

    static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(a),
        _ => [node],
    };

    static async Task<(HttpStatusCode Status, string? Type, byte[] Body)> GetAsync(TestBot bot, string url)
    {
        using var response = await bot.Http.GetAsync(Local(bot, url));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_history_downloads_as_xlsx_with_real_times_and_a_format_edited_in_the_link_is_forbidden()
    {
        await using var bot = await TestBot.StartAsync(now: Customers.CustomerSeeds.Now);
        var huadong = await Customers.CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        await bot.Archive.Customers.LogAccessAsync(new(huadong.Number, Demo.ZhangWei.AadObjectId, Customers.CustomerSeeds.Now.AddHours(-2), "file", false));
        var card = (await bot.Say(Demo.WangFang, "export " + huadong.Number)).SingleCard();
        var csv = ButtonUrl(card, "Download CSV");
        var xlsx = ButtonUrl(card, "Excel (.xlsx)");

        var (status, type, body) = await GetAsync(bot, xlsx);
        Assert.Equal((HttpStatusCode.OK, XlsxWriter.ContentType), (status, type));
        var sheet = WorkbookReadBack.Of(body)[0];
        Assert.Equal("A2", sheet.FrozenAt);
        Assert.Equal(["When (UTC)", "Kind", "Who", "What"], sheet.Row(1).Take(4));
        Assert.True(sheet["A1"]!.Bold);
        Assert.Equal(("number", "yyyy-mm-dd hh:mm:ss"), (sheet["A2"]!.Kind, sheet["A2"]!.Format));
        Assert.Equal(Customers.CustomerSeeds.Now.AddHours(-2).UtcDateTime, DateTime.FromOADate(double.Parse(sheet["A2"]!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("text", "Zhang Wei"), (sheet["C2"]!.Kind, sheet["C2"]!.Value));

        Assert.Equal("text/csv", (await GetAsync(bot, csv)).Type);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, csv.Replace("f=csv", "f=xlsx", StringComparison.Ordinal))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, xlsx.Replace("f=xlsx", "f=csv", StringComparison.Ordinal))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, xlsx.Replace("&f=xlsx", "", StringComparison.Ordinal))).Status);
        // The link names its maker: sent on to a rep (the same link with their id) it is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, xlsx.Replace(Demo.WangFang.AadObjectId, Demo.LiNa.AadObjectId, StringComparison.Ordinal))).Status);
    }

    [Fact]
    public async Task The_monthly_plan_vs_actual_workbook_has_the_5_27_layout_in_the_readers_language()
    {
        await using var bot = await VisitSeeds.StartBotAsync();
        var world = await ReportSeeds.SeedAsync(bot);
        var card = (await bot.Say(Demo.LiNa, "本月拜访", "zh-CN")).SingleCard();
        var (status, type, body) = await GetAsync(bot, ButtonUrl(card, "下载台账（Excel）"));
        Assert.Equal((HttpStatusCode.OK, XlsxWriter.ContentType), (status, type));
        var book = WorkbookReadBack.Of(body);
        Assert.Equal(["5-27 月计划与执行", "5-29 拜访报告"], book.Sheets.Select(s => s.Name));

        var plan = book[0];
        Assert.Equal("客户访问月计划表 · 计划拜访次数与实际执行情况（表 5-27）", plan["A1"]!.Value);
        Assert.Equal(["月份：2026年11月"], plan.Row(2));
        Assert.Equal(["业务员：Li Na"], plan.Row(3));
        Assert.Equal(["序号", "客户编号", "客户名称", "计划拜访次数", "实际拜访次数", "差异", "完成率（%）"], plan.Row(5));
        Assert.Equal("A6", plan.FrozenAt);
        var (first, second) = string.CompareOrdinal(world.Huadong.Number, world.Huawei.Number) < 0 ? (world.Huadong, world.Huawei) : (world.Huawei, world.Huadong);
        Assert.Equal(["1", first.Number, first.Name, "2", "2", "0", "100.0"], plan.Row(6));
        Assert.Equal(["2", second.Number, second.Name, "2", "2", "0", "100.0"], plan.Row(7));
        Assert.Equal(["合计", "", "", "4", "4", "0", "100.0"], plan.Row(8));
        Assert.All(new[] { "A6", "D6", "E6", "F6", "G6", "D8" }, r => Assert.Equal("number", plan[r]!.Kind));
        Assert.Equal(("0", "+0;-0;0", "0.0"), (plan["D6"]!.Format, plan["F6"]!.Format, plan["G6"]!.Format));

        var reports = book[1];
        Assert.Equal("客户拜访报告（表 5-29）", reports["A1"]!.Value);
        Assert.Equal(["拜访时间", "客户编号", "客户名称", "客户类别", "拜访目的", "拜访方式", "接洽人", "联系方式", "拜访记录", "问题点及改善对策",
            "应收", "实收", "未收", "拜访结果", "未成功原因", "下一步行动", "下一步行动日期"], reports.Row(5));
        Assert.Equal(4, Enumerable.Range(6, 10).Count(r => reports.Row(r).Count > 0));   // Li Na's four visits in November
        Assert.Equal(("number", "yyyy-mm-dd hh:mm:ss"), (reports["A6"]!.Kind, reports["A6"]!.Format));
        Assert.Equal(("number", "yyyy-mm-dd"), (reports["Q8"]!.Kind, reports["Q8"]!.Format));   // 18 Nov 09:30: next action on the 25th
    }

    [Fact]
    public async Task A_leaders_team_ledgers_are_in_English_per_rep_and_a_person_without_a_team_or_another_rep_gets_none()
    {
        await using var bot = await VisitSeeds.StartBotAsync();
        await ReportSeeds.SeedAsync(bot);
        var month = (await bot.Say(Demo.ZhangWei, "team month")).SingleCard();
        var book = WorkbookReadBack.Of((await GetAsync(bot, ButtonUrl(month, "Download the ledger (Excel)"))).Body);
        Assert.Equal(["5-27 Plan vs actual", "5-27 Per rep", "5-29 Visit reports"], book.Sheets.Select(s => s.Name));
        Assert.Equal(["No.", "Rep", "Customer no.", "Customer", "Planned visits", "Visits made", "Difference", "Completion %"], book[0].Row(5));
        Assert.Equal(["Total", "", "", "", "5", "5", "0", "100.0"], book[0].Row(9));
        Assert.Equal(["Li Na", "4", "4", "0", "100.0", "2"], book[1].Row(6));
        Assert.Equal(["Tom Becker", "1", "1", "0", "100.0", "1"], book[1].Row(7));

        var day = (await bot.Say(Demo.ZhangWei, "team day")).SingleCard();
        var daily = WorkbookReadBack.Of((await GetAsync(bot, ButtonUrl(day, "Download the ledger (Excel)"))).Body)[0];
        Assert.Equal(("5-30 Daily report", "Daily visit report (table 5-30)"), (daily.Name, daily["A1"]!.Value));
        Assert.Equal(["Rep", "Visit time", "Customer no.", "Customer", "Purpose", "Result", "Reason (unsuccessful)", "Next action", "Next action date"], daily.Row(5));
        Assert.Equal(["Li Na", "Li Na", "Tom Becker"], Enumerable.Range(6, 3).Select(r => daily.Row(r)[0]));

        var links = bot.Services.GetRequiredService<DownloadLinks>();
        var noTeam = new LedgerRequest(LedgerForm.Month, true, new DateOnly(2026, 11, 1)).Link(links, Demo.LiNa.AadObjectId, T.English);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, noTeam)).Status);   // Li Na leads nobody
        var asCsv = links.For(Demo.LiNa.AadObjectId, DownloadKind.Ledger, new LedgerRequest(LedgerForm.Month, false, new DateOnly(2026, 11, 1)).Argument, T.English);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, asCsv)).Status);    // a ledger is a workbook only
        var mine = ButtonUrl((await bot.Say(Demo.LiNa, "my month")).SingleCard(), "Download the ledger (Excel)");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(bot, mine)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, mine.Replace(Demo.LiNa.AadObjectId, Demo.TomBecker.AadObjectId, StringComparison.Ordinal))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, mine.Replace("%7Cme%7C", "%7Cteam%7C", StringComparison.Ordinal))).Status);
    }

    [Fact]
    public async Task The_weekly_plan_ledger_lists_each_planned_visit_with_the_plans_state()
    {
        await using var bot = await VisitSeeds.StartBotAsync();
        var world = await ReportSeeds.SeedAsync(bot);
        var links = bot.Services.GetRequiredService<DownloadLinks>();
        var week = new LedgerRequest(LedgerForm.Week, false, ReportSeeds.W47.Monday);
        var (status, _, body) = await GetAsync(bot, week.Link(links, Demo.LiNa.AadObjectId, T.Chinese));
        Assert.Equal(HttpStatusCode.OK, status);
        var plan = WorkbookReadBack.Of(body)[0];
        Assert.Equal(("5-28 周计划", "客户拜访周计划表（表 5-28）"), (plan.Name, plan["A1"]!.Value));
        Assert.Equal(["周次：2026-W47（2026-11-16 至 2026-11-22）"], plan.Row(2));
        Assert.Equal(["预计日期", "预计时间", "客户编号", "客户名称", "客户类别", "拜访目的", "联系人", "备注", "状态", "审核人"], plan.Row(5));
        Assert.Equal(("number", "yyyy-mm-dd"), (plan["A6"]!.Kind, plan["A6"]!.Format));
        Assert.Equal(["10:00", world.Huadong.Number, world.Huadong.Name], plan.Row(6).Skip(1).Take(3));
        Assert.Equal("已提交审核", plan.Row(6)[8]);
        Assert.Equal(4, Enumerable.Range(6, 6).Count(r => plan.Row(r).Count > 0));   // Li Na's four items, not Tom's
        Assert.Equal("5-28-2026-W47", week.FileId);
    }
}
