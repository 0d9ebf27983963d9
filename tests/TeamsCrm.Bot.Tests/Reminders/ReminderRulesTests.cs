using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>When reminders fall due (Cronos in IANA zones, across DST) and when a monthly report is late.</summary>
public sealed class ReminderRulesTests
{
    static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void Monday_nine_stays_nine_local_across_the_spring_change()
    {
        var timing = ReminderKinds.Default(ReminderKind.WeeklyPlan);   // Monday 09:00
        var due = Occurrences.Between(timing, NewYork, Utc(2026, 3, 1, 0), Utc(2026, 3, 17, 0)).ToList();
        // EST (UTC-5) on 2 March, EDT (UTC-4) from 8 March on.
        Assert.Equal([Utc(2026, 3, 2, 14), Utc(2026, 3, 9, 13), Utc(2026, 3, 16, 13)], due.Select(d => d.ToUniversalTime()));
    }

    [Fact]
    public void Friday_four_pm_across_the_autumn_change_in_Berlin()
    {
        var due = Occurrences.Between(ReminderKinds.Default(ReminderKind.WeekEnd), Berlin, Utc(2026, 10, 20, 0), Utc(2026, 11, 1, 0)).ToList();
        Assert.Equal([Utc(2026, 10, 23, 14), Utc(2026, 10, 30, 15)], due.Select(d => d.ToUniversalTime()));
    }

    [Fact]
    public void A_time_the_clocks_skip_fires_once_at_the_jump_and_a_repeated_one_fires_once()
    {
        var skipped = new ReminderTiming(ReminderKind.FollowUps, true, 0, new TimeOnly(2, 30));
        var spring = Occurrences.Between(skipped, NewYork, Utc(2026, 3, 8, 0), Utc(2026, 3, 9, 0)).ToList();
        Assert.Equal([Utc(2026, 3, 8, 7)], spring.Select(d => d.ToUniversalTime()));   // 03:00 EDT, the moment 02:30 would have been

        var repeated = new ReminderTiming(ReminderKind.FollowUps, true, 0, new TimeOnly(1, 30));
        var autumn = Occurrences.Between(repeated, NewYork, Utc(2026, 11, 1, 0), Utc(2026, 11, 2, 0)).ToList();
        Assert.Equal([Utc(2026, 11, 1, 5, 30)], autumn.Select(d => d.ToUniversalTime()));   // the first 01:30 (EDT), not again at EST
    }

    [Fact]
    public void Monthly_and_every_two_months_and_the_window_bounds()
    {
        var report = ReminderKinds.Default(ReminderKind.MonthlyReport);
        Assert.Equal([Utc(2026, 11, 1, 1), Utc(2026, 12, 1, 1)],
            Occurrences.Between(report, Shanghai, Utc(2026, 10, 31, 0), Utc(2026, 12, 1, 1)).Select(d => d.ToUniversalTime()));   // (after, until]
        Assert.Empty(Occurrences.Between(report, Shanghai, Utc(2026, 11, 1, 1), Utc(2026, 11, 30, 0)));
        var review = ReminderKinds.Default(ReminderKind.FileReview);
        Assert.Equal([1, 3, 5, 7, 9, 11], Occurrences.Between(review, Shanghai, Utc(2025, 12, 31, 0), Utc(2026, 12, 31, 0)).Select(d => d.ToOffset(TimeSpan.FromHours(8)).Month));
        Assert.False(new ReminderTiming(ReminderKind.MonthlyReport, true, 31, new TimeOnly(9, 0)).IsValid);
        Assert.False(new ReminderTiming(ReminderKind.WeeklyPlan, true, 0, new TimeOnly(9, 0)).IsValid);
        Assert.Equal("0 9 * * 0", new ReminderTiming(ReminderKind.WeeklyPlan, true, 7, new TimeOnly(9, 0)).Cron);   // Sunday
    }

    [Fact]
    public void An_occurrence_is_due_for_twelve_hours_then_too_late()
    {
        var at = Utc(2026, 11, 23, 1);
        Assert.False(Occurrences.IsDue(at, at.AddSeconds(-1)));
        Assert.True(Occurrences.IsDue(at, at));
        Assert.True(Occurrences.IsDue(at, at.AddHours(12).AddSeconds(-1)));
        Assert.False(Occurrences.IsDue(at, at.AddHours(12)));
    }

    [Fact]
    public void A_report_is_late_from_the_fifth_where_the_rep_is()
    {
        var october = new YearMonth(2026, 10);
        // Midnight on 5 November in Shanghai is 16:00 UTC on the 4th; in New York (EST after 1 Nov) 05:00 UTC on the 5th.
        Assert.Equal(Utc(2026, 11, 4, 16), MarketReportRules.Deadline(october, Shanghai));
        Assert.Equal(Utc(2026, 11, 5, 5), MarketReportRules.Deadline(october, NewYork));
        var sent = Utc(2026, 11, 4, 20);   // 04:00 on the 5th in Shanghai, 15:00 on the 4th in New York
        Assert.True(MarketReportRules.IsLate(october, sent, Shanghai));
        Assert.False(MarketReportRules.IsLate(october, sent, NewYork));
        Assert.False(MarketReportRules.IsLate(october, Utc(2026, 11, 4, 15, 59), Shanghai));
    }

    [Fact]
    public void The_report_opens_for_the_month_that_is_ending_from_the_25th()
    {
        Assert.Equal(new YearMonth(2026, 10), MarketReportRules.PeriodFor(new DateOnly(2026, 11, 1)));
        Assert.Equal(new YearMonth(2026, 10), MarketReportRules.PeriodFor(new DateOnly(2026, 11, 24)));
        Assert.Equal(new YearMonth(2026, 11), MarketReportRules.PeriodFor(new DateOnly(2026, 11, 25)));
        Assert.Equal(new YearMonth(2026, 12), MarketReportRules.PeriodFor(new DateOnly(2027, 1, 4)));
    }
}
