using System.Globalization;
using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Domain.Visits.DateDirection;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class DateWordsEnglishTests
{
    // Wednesday 18 November 2026, mid-morning in Shanghai. That week runs Monday 16 to Sunday 22.
    static readonly DateTimeOffset Now = Zones.At("2026-11-18T10:00:00+08:00");

    static DateOnly? Parse(string text, DateDirection direction, CultureInfo? culture = null) =>
        DateWords.TryParse(text, Now, Zones.Shanghai, out var m, direction, culture) ? m.Date : null;

    [Theory]
    [InlineData("today", Past, "2026-11-18")]
    [InlineData("Today", Future, "2026-11-18")]
    [InlineData("tonight", Past, "2026-11-18")]
    [InlineData("this morning", Past, "2026-11-18")]
    [InlineData("yesterday", Past, "2026-11-17")]
    [InlineData("last night", Past, "2026-11-17")]
    [InlineData("tomorrow", Future, "2026-11-19")]
    [InlineData("the day before yesterday", Past, "2026-11-16")]
    [InlineData("day before yesterday", Past, "2026-11-16")]
    [InlineData("the day after tomorrow", Future, "2026-11-20")]
    [InlineData("in 3 days", Future, "2026-11-21")]
    [InlineData("in 1 day", Future, "2026-11-19")]
    [InlineData("in a week", Future, "2026-11-25")]
    [InlineData("in two weeks", Future, "2026-12-02")]
    [InlineData("in 14 days", Past, "2026-12-02")]     // explicit words win over the direction
    [InlineData("3 days ago", Past, "2026-11-15")]
    [InlineData("a week ago", Past, "2026-11-11")]
    public void Relative_days(string text, DateDirection direction, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, direction));

    [Theory]
    [InlineData("monday", Past, "2026-11-16")]
    [InlineData("Monday", Future, "2026-11-23")]
    [InlineData("wednesday", Past, "2026-11-11")]     // a bare weekday is never today, either way
    [InlineData("Wednesday", Future, "2026-11-25")]
    [InlineData("today", Future, "2026-11-18")]        // today only when said
    [InlineData("friday", Past, "2026-11-13")]
    [InlineData("Friday", Future, "2026-11-20")]
    [InlineData("fri", Past, "2026-11-13")]
    [InlineData("Tue", Future, "2026-11-24")]
    [InlineData("thurs", Future, "2026-11-19")]
    [InlineData("sunday", Past, "2026-11-15")]
    [InlineData("sun", Future, "2026-11-22")]          // alone, "sun" is a day
    [InlineData("on sat", Past, "2026-11-14")]
    [InlineData("this friday", Past, "2026-11-20")]    // this week's, whatever the direction
    [InlineData("this monday", Future, "2026-11-16")]
    [InlineData("next friday", Future, "2026-11-27")]  // next week's Friday, as 下周五
    [InlineData("next monday", Past, "2026-11-23")]
    [InlineData("last friday", Past, "2026-11-13")]
    [InlineData("last wednesday", Past, "2026-11-11")]
    [InlineData("next week", Future, "2026-11-23")]    // its Monday
    [InlineData("last week", Past, "2026-11-09")]
    [InlineData("weekend", Past, "2026-11-14")]
    [InlineData("next weekend", Future, "2026-11-28")]
    public void Weekdays_and_weeks(string text, DateDirection direction, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, direction));

    [Theory]
    [InlineData("2026-11-20", Past, "2026-11-20")]
    [InlineData("2026/11/20", Past, "2026-11-20")]
    [InlineData("11/20", Future, "2026-11-20")]
    [InlineData("11/20", Past, "2025-11-20")]          // no year: the most recent 20 November
    [InlineData("11/18", Past, "2026-11-18")]
    [InlineData("1/5", Future, "2027-01-05")]
    [InlineData("11/20/2026", Past, "2026-11-20")]
    [InlineData("11/20/26", Past, "2026-11-20")]
    [InlineData("20/11", Past, "2025-11-20")]          // 20 cannot be a month
    [InlineData("Nov 20", Future, "2026-11-20")]
    [InlineData("november 20th, 2026", Past, "2026-11-20")]
    [InlineData("20 Nov", Past, "2025-11-20")]
    [InlineData("3rd of December", Future, "2026-12-03")]
    [InlineData("2/29", Past, "2024-02-29")]           // waits for a leap year
    [InlineData("end of month", Future, "2026-11-30")]
    [InlineData("end of next month", Future, "2026-12-31")]
    public void Calendar_dates(string text, DateDirection direction, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, direction));

    [Theory]
    [InlineData("en-US", "2026-03-04")]
    [InlineData("en-GB", "2026-04-03")]
    [InlineData("zh-CN", "2026-03-04")]
    public void Slash_dates_follow_the_cultures_order(string culture, string expected) =>
        Assert.Equal(Zones.D(expected), Parse("3/4", Past, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("we sat down with Sun Pharma")]        // everyday words, not days
    [InlineData("monetary terms")]
    [InlineData("this week")]                           // names no day
    [InlineData("13/13")]
    [InlineData("2/30/2026")]
    [InlineData("nothing to see")]
    [InlineData("")]
    public void Text_without_a_date(string text) => Assert.Null(Parse(text, Past));

    [Fact]
    public void The_match_says_where_the_words_were_so_they_can_be_cut_out()
    {
        const string text = "visited Acme last Friday, ok";
        Assert.True(DateWords.TryParse(text, Now, Zones.Shanghai, out var m));
        Assert.Equal("last Friday", text.Substring(m.Index, m.Length));
        Assert.Equal("visited Acme , ok", m.CutFrom(text));
        Assert.False(m.IsDeadline);
    }

    [Theory]
    [InlineData("send quote by Friday", "by Friday", true, "2026-11-20")]
    [InlineData("send quote before 11/25", "before 11/25", true, "2026-11-25")]
    [InlineData("call them on Monday", "on Monday", false, "2026-11-23")]
    [InlineData("reply within 3 days", "within 3 days", true, "2026-11-21")]
    [InlineData("sign no later than end of month", "no later than end of month", true, "2026-11-30")]
    public void Leading_by_before_on_belong_to_the_date_and_by_before_make_a_deadline(string text, string words, bool deadline, string date)
    {
        Assert.True(DateWords.TryParse(text, Now, Zones.Shanghai, out var m, Future));
        Assert.Equal(words, text.Substring(m.Index, m.Length));
        Assert.Equal(deadline, m.IsDeadline);
        Assert.Equal(Zones.D(date), m.Date);
    }

    [Fact]
    public void All_dates_are_found_in_order_and_the_longest_reading_wins()
    {
        var all = DateWords.FindAll("the day before yesterday we met; next friday or 11/30", Now, Zones.Shanghai, Future);
        Assert.Equal([Zones.D("2026-11-16"), Zones.D("2026-11-27"), Zones.D("2026-11-30")], all.Select(m => m.Date));
        Assert.Equal(0, all[0].Index);
        Assert.Equal("the day before yesterday".Length, all[0].Length);
    }
}
