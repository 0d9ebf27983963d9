using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>Planned vs actual through the archive and the month card: weeks split across months by day, drafts not counted.</summary>
public class MonthArithmeticTests
{
    [Fact]
    public void A_month_reads_every_ISO_week_it_touches()
    {
        Assert.Equal(["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"],
            Team.WeeksOf(new YearMonth(2026, 11)).Select(w => w.ToString()));
        Assert.Equal(["2026-W53", "2027-W01", "2027-W02", "2027-W03", "2027-W04"],   // 31 January 2027 is a Sunday
            Team.WeeksOf(new YearMonth(2027, 1)).Select(w => w.ToString()));
    }

    [Fact]
    public async Task A_week_across_two_months_counts_each_day_in_its_own_month_and_drafts_count_nowhere()
    {
        await using var bot = await StartBotAsync();
        var huadong = await Customers.CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var huawei = await HuaweiAsync(bot.Archive.Customers);
        var w49 = new IsoWeek(2026, 49);   // Monday 30 November to Sunday 6 December
        await bot.Archive.Visits.SavePlanAsync(Plan(Demo.LiNa, w49, VisitPlanStatus.Submitted,
            Item(huadong, "2026-11-30"), Item(huadong, "2026-12-01"), Item(huawei, "2026-12-02")));
        await bot.Archive.Visits.SavePlanAsync(Plan(Demo.LiNa, w49.Previous, VisitPlanStatus.Draft, Item(huawei, "2026-11-24")));
        await bot.Archive.Visits.AddOnceAsync(Visit(huadong, "2026-11-30T23:30:00"));   // 15:30 UTC: still 30 November where it was logged
        await bot.Archive.Visits.AddOnceAsync(Visit(huadong, "2026-12-01T10:00:00"));
        await bot.Archive.Visits.AddOnceAsync(Visit(huadong, "2026-12-01T15:00:00"));

        var november = Rows(await MonthCardAsync(bot, "my month"));
        var december = Rows(await MonthCardAsync(bot, "my month 2026-12-01"));

        Assert.Equal([["Huadong Precision", "1", "1", "0"], ["Total", "1", "1", "0"]], november);
        Assert.Equal([["Huadong Precision", "1", "2", "+1"], ["华为技术有限公司", "1", "0", "-1"], ["Total", "2", "2", "0"]], december);
    }

    static async Task<JsonObject> MonthCardAsync(TestBot bot, string text) => (await bot.Say(Demo.LiNa, text)).SingleCard();

    /// <summary>The planned-vs-actual table's rows, without its header.</summary>
    static List<string[]> Rows(JsonObject card) =>
        [.. card["body"]!.AsArray().First(e => (string?)e!["type"] == "Table")!["rows"]!.AsArray().Skip(1)
            .Select(r => r!["cells"]!.AsArray().Select(c => (string)c!["items"]![0]!["text"]!).ToArray())];

    static VisitPlanItem Item(Customer c, string day) =>
        new(day, c.Number, c.Category, VisitPurpose.Demo, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), CustomerName: c.Name);

    static VisitPlan Plan(DemoPerson rep, IsoWeek week, VisitPlanStatus status, params VisitPlanItem[] items) => new()
    {
        Id = Guid.NewGuid().ToString("D"), RepAadObjectId = rep.AadObjectId, Week = week, Status = status, Items = items,
    };
}
