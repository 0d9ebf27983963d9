using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// `report` / `月报` and `report status` / `月报情况` as the people see them. November's report is due before 5 December in
/// the rep's zone (Shanghai here): filed at 23:55 on the 4th it is on time, at 00:05 on the 5th it is late.
/// </summary>
public sealed class ReportTranscripts
{
    static readonly DateTimeOffset FourthLastMinutes = new(2026, 12, 4, 15, 55, 0, TimeSpan.Zero);   // 23:55 on 4 December, Shanghai
    static readonly DateTimeOffset FifthFirstMinutes = new(2026, 12, 4, 16, 5, 0, TimeSpan.Zero);    // 00:05 on 5 December, Shanghai
    static readonly YearMonth November = new(2026, 11);

    static JsonObject Typed(string summary, string forecast) => new()
    {
        ["month"] = "2026-11", ["summary"] = summary, ["forecast"] = forecast,
        ["problems"] = "Deliveries from Suzhou are late", ["solutions"] = "A weekly call with logistics",
    };

    [Theory]
    [InlineData("en-US", "report")]
    [InlineData("zh-CN", "月报")]
    public async Task A_rep_writes_the_report_an_empty_field_is_sent_back_with_the_texts_kept_and_then_it_is_filed_on_time(string locale, string command)
    {
        await using var bot = await TestBot.StartAsync(now: FourthLastMinutes);
        await Transcript.VerifyAsync($"report.write.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, command, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "report.save", Typed("Orders up 12%", "  "), locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "report.save", Typed("Orders up 12%", "Two new orders from Huadong"), locale));
        var stored = (await bot.Archive.Reports.GetAsync(Demo.LiNa.AadObjectId, November))!;
        Assert.Equal(("Orders up 12%", "Two new orders from Huadong", false, FourthLastMinutes), (stored.Summary, stored.Forecast, stored.Late, stored.SubmittedAt));
    }

    [Theory]
    [InlineData("en-US", "report")]
    [InlineData("zh-CN", "月报")]
    public async Task A_report_filed_on_the_5th_is_marked_late(string locale, string command)
    {
        await using var bot = await TestBot.StartAsync(now: FifthFirstMinutes);
        await Transcript.VerifyAsync($"report.late.{locale}", bot,
            Message(bot.ServiceUrl, Demo.TomBecker, command, locale),
            CardAction(bot.ServiceUrl, Demo.TomBecker, "report.save", Typed("Flat month", "Steady"), locale));
        Assert.True((await bot.Archive.Reports.GetAsync(Demo.TomBecker.AadObjectId, November))!.Late);
    }

    [Theory]
    [InlineData("en-US", "report status")]
    [InlineData("zh-CN", "月报情况")]
    public async Task The_supervisor_and_the_sales_manager_see_who_filed_on_time_late_or_not_yet_and_a_rep_may_not(string locale, string command)
    {
        await using var bot = await TestBot.StartAsync(now: FifthFirstMinutes);
        await bot.Archive.Reports.SubmitAsync(new MarketReport(Demo.LiNa.AadObjectId, November, "s", "f", "p", "s", FourthLastMinutes, FourthLastMinutes, false));
        await bot.Archive.Reports.SubmitAsync(new MarketReport(Demo.LiNa.AadObjectId, new YearMonth(2026, 10), "s", "f", "p", "s",   // another month: not counted
            FourthLastMinutes.AddMonths(-1), FourthLastMinutes.AddMonths(-1), false));
        await Transcript.VerifyAsync($"report.status.{locale}", bot,
            Message(bot.ServiceUrl, Demo.ZhangWei, command, locale),     // Li Na on time, Tom Becker not yet
            CardAction(bot.ServiceUrl, Demo.TomBecker, "report.save", Typed("Flat month", "Steady"), locale),
            Message(bot.ServiceUrl, Demo.WangFang, command, locale),     // Li Na on time, Tom Becker late
            Message(bot.ServiceUrl, Demo.LiNa, command, locale));
    }
}
