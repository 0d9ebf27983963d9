using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>`report` / `月报` through the real bot: a refused form keeps what was typed, a late filing is marked late, a manager sees who has submitted.</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task A_rep_files_the_report_late_and_the_manager_sees_it()
    {
        // 6 November 2026, 10:00 in Shanghai: October's report was due before the 5th.
        await using var bot = await TestBot.StartAsync(now: new DateTimeOffset(2026, 11, 6, 2, 0, 0, TimeSpan.Zero));
        var form = (await bot.Say(Demo.LiNa, "report")).SingleCard();
        Assert.Contains("2026", form.ToJsonString());

        var typed = new JsonObject { ["month"] = "2026-10", ["summary"] = "Sales up", ["forecast"] = "", ["problems"] = "Late deliveries", ["solutions"] = "Weekly call" };
        var refused = (await bot.Press(Demo.LiNa, "report.save", (JsonObject)typed.DeepClone())).InvokeCard!;
        Assert.Contains("Late deliveries", refused.ToJsonString());   // kept
        Assert.Null(await bot.Archive.Reports.GetAsync(Demo.LiNa.AadObjectId, new YearMonth(2026, 10)));

        typed["forecast"] = "Two orders";
        var saved = (await bot.Press(Demo.LiNa, "report.save", (JsonObject)typed.DeepClone())).InvokeCard!;
        Assert.DoesNotContain("Input.Text", saved.ToJsonString());
        var stored = await bot.Archive.Reports.GetAsync(Demo.LiNa.AadObjectId, new YearMonth(2026, 10));
        Assert.True(stored!.Late);

        var forged = (await bot.Press(Demo.WangFang, "report.save", (JsonObject)typed.DeepClone())).Body!.ToJsonString();   // a manager is not a rep: nothing filed for anyone
        Assert.Contains("sales reps", forged);

        var status = (await bot.Say(Demo.WangFang, "report status")).SingleCard().ToJsonString();
        Assert.Contains("Li Na", status);
        Assert.Contains("Tom Becker", status);
        Assert.Contains("late", status);
        Assert.Contains("not yet", status);
        Assert.Contains("team leaders and managers", (await bot.Say(Demo.TomBecker, "report status")).Calls.Single().Body!.ToJsonString());
    }
}
