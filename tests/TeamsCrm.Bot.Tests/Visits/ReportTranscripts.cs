using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>The reports as cards: my day (table 5-30), team day, my month and team month (table 5-27, reasons).</summary>
public class ReportTranscripts
{
    [Theory]
    [InlineData("en-US", "my day", "my day monday", "my day someday")]
    [InlineData("zh-CN", "今日拜访", "今日拜访 周一", "今日拜访 改天")]
    public async Task A_rep_sees_the_visits_and_plan_of_a_day(string locale, string today, string monday, string unreadable)
    {
        await using var bot = await StartBotAsync();
        await ReportSeeds.SeedAsync(bot);
        await Transcript.VerifyAsync($"reports.my-day.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, today, locale),
            Message(bot.ServiceUrl, Demo.LiNa, monday, locale),
            Message(bot.ServiceUrl, Demo.LiNa, unreadable, locale));
    }

    [Theory]
    [InlineData("en-US", "team day")]
    [InlineData("zh-CN", "团队日报")]
    public async Task A_leader_sees_the_teams_day_and_a_rep_has_no_team(string locale, string command)
    {
        await using var bot = await StartBotAsync();
        await ReportSeeds.SeedAsync(bot);
        await Transcript.VerifyAsync($"reports.team-day.{locale}", bot,
            Message(bot.ServiceUrl, Demo.ZhangWei, command, locale),
            Message(bot.ServiceUrl, Demo.WangFang, command, locale),
            Message(bot.ServiceUrl, Demo.LiNa, command, locale));
    }

    [Theory]
    [InlineData("en-US", "my month", "team month")]
    [InlineData("zh-CN", "本月拜访", "团队月报")]
    public async Task The_month_shows_planned_against_made_visits_and_unsuccessful_ones_by_reason(string locale, string mine, string team)
    {
        await using var bot = await StartBotAsync();
        await ReportSeeds.SeedAsync(bot);
        await Transcript.VerifyAsync($"reports.month.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, mine, locale),
            Message(bot.ServiceUrl, Demo.ZhangWei, team, locale),
            Message(bot.ServiceUrl, Demo.LiuYang, team, locale));
    }
}
