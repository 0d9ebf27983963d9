using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Domain.Visits.DateDirection;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

/// <summary>Date words are resolved on the user's calendar: their zone decides today, DST never shifts a day.</summary>
public class DateWordsZoneTests
{
    static DateOnly Parse(string text, string now, string zone, DateDirection direction = Past)
    {
        Assert.True(DateWords.TryParse(text, Zones.At(now), Zones.Get(zone), out var m, direction), text);
        return m.Date;
    }

    [Theory]
    // 2026-11-18 03:00 UTC: 11:00 Wednesday in Shanghai, 19:00 Tuesday in Los Angeles.
    [InlineData("today", "Asia/Shanghai", "2026-11-18")]
    [InlineData("today", "America/Los_Angeles", "2026-11-17")]
    [InlineData("今天", "America/Los_Angeles", "2026-11-17")]
    [InlineData("yesterday", "Asia/Shanghai", "2026-11-17")]
    [InlineData("昨天", "America/Los_Angeles", "2026-11-16")]
    [InlineData("tuesday", "Asia/Shanghai", "2026-11-17")]
    [InlineData("tuesday", "America/Los_Angeles", "2026-11-10")]   // today there, and a bare weekday is never today
    [InlineData("周三", "Asia/Shanghai", "2026-11-11")]
    [InlineData("周二", "America/Los_Angeles", "2026-11-10")]
    public void The_same_instant_is_a_different_today_in_different_zones(string text, string zone, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, "2026-11-18T03:00:00Z", zone));

    [Theory]
    [InlineData("2026-11-18T23:59:59+08:00", "2026-11-18")]
    [InlineData("2026-11-19T00:00:00+08:00", "2026-11-19")]
    [InlineData("2026-11-18T15:59:59Z", "2026-11-18")]
    [InlineData("2026-11-18T16:00:00Z", "2026-11-19")]
    public void Around_midnight_today_turns_at_local_midnight(string now, string expected) =>
        Assert.Equal(Zones.D(expected), Parse("today", now, "Asia/Shanghai"));

    [Theory]
    // Half an hour into the Monday after a spring-forward Sunday: 24 hours ago was still Saturday.
    [InlineData("yesterday", "2026-03-09T00:30:00-04:00", "America/New_York", "2026-03-08")]
    [InlineData("昨天", "2026-03-30T00:30:00+02:00", "Europe/Berlin", "2026-03-29")]
    [InlineData("2 days ago", "2026-03-09T00:30:00-04:00", "America/New_York", "2026-03-07")]
    [InlineData("last sunday", "2026-03-09T00:30:00-04:00", "America/New_York", "2026-03-08")]
    [InlineData("上周日", "2026-03-30T00:30:00+02:00", "Europe/Berlin", "2026-03-29")]
    // Late on the fall-back Sunday (a 25-hour day): 24 hours ago was still that Sunday.
    [InlineData("yesterday", "2026-11-01T23:30:00-05:00", "America/New_York", "2026-10-31")]
    [InlineData("today", "2026-11-01T23:30:00-05:00", "America/New_York", "2026-11-01")]
    public void Days_back_across_a_dst_change_are_calendar_days(string text, string now, string zone, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, now, zone));

    [Theory]
    // Late on the Saturday before spring-forward: 24 hours on is already Monday 00:30 in New York / Berlin.
    [InlineData("in 1 day", "2026-03-07T23:45:00-05:00", "America/New_York", "2026-03-08")]
    [InlineData("tomorrow", "2026-03-07T23:45:00-05:00", "America/New_York", "2026-03-08")]
    [InlineData("明天", "2026-03-28T23:45:00+01:00", "Europe/Berlin", "2026-03-29")]
    [InlineData("in 2 days", "2026-03-28T23:45:00+01:00", "Europe/Berlin", "2026-03-30")]
    // Just after midnight on the fall-back Sunday: 24 hours on is still Sunday 23:xx.
    [InlineData("tomorrow", "2026-11-01T00:30:00-04:00", "America/New_York", "2026-11-02")]
    [InlineData("1天后", "2026-11-01T00:30:00-04:00", "America/New_York", "2026-11-02")]
    [InlineData("next monday", "2026-11-01T00:30:00-04:00", "America/New_York", "2026-11-02")]   // Sunday: next week starts tomorrow
    public void Days_forward_across_a_dst_change_are_calendar_days(string text, string now, string zone, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, now, zone, Future));
}
