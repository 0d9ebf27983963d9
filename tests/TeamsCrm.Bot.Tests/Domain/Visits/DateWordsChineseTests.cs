using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Domain.Visits.DateDirection;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class DateWordsChineseTests
{
    // 2026年11月18日 星期三, Shanghai. 本周 = 16–22 November.
    static readonly DateTimeOffset Now = Zones.At("2026-11-18T10:00:00+08:00");

    static DateOnly? Parse(string text, DateDirection direction) =>
        DateWords.TryParse(text, Now, Zones.Shanghai, out var m, direction) ? m.Date : null;

    [Theory]
    [InlineData("今天", Past, "2026-11-18")]
    [InlineData("今晚", Future, "2026-11-18")]
    [InlineData("昨天", Past, "2026-11-17")]
    [InlineData("前天", Past, "2026-11-16")]
    [InlineData("大前天", Past, "2026-11-15")]
    [InlineData("明天", Future, "2026-11-19")]
    [InlineData("后天", Future, "2026-11-20")]
    [InlineData("大后天", Future, "2026-11-21")]
    [InlineData("3天后", Future, "2026-11-21")]
    [InlineData("三天后", Future, "2026-11-21")]
    [InlineData("两周后", Future, "2026-12-02")]
    [InlineData("三个星期以后", Future, "2026-12-09")]
    [InlineData("5天前", Past, "2026-11-13")]           // ago, not a deadline
    [InlineData("过两天", Future, "2026-11-20")]
    [InlineData("十天后", Future, "2026-11-28")]
    [InlineData("二十一天后", Future, "2026-12-09")]
    public void Relative_days(string text, DateDirection direction, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, direction));

    [Theory]
    [InlineData("周一", Past, "2026-11-16")]
    [InlineData("周一", Future, "2026-11-23")]
    [InlineData("周三", Past, "2026-11-11")]             // a bare weekday is never today, either way
    [InlineData("周三", Future, "2026-11-25")]
    [InlineData("今天", Future, "2026-11-18")]
    [InlineData("星期五", Past, "2026-11-13")]
    [InlineData("星期五", Future, "2026-11-20")]
    [InlineData("礼拜天", Past, "2026-11-15")]
    [InlineData("礼拜日", Future, "2026-11-22")]
    [InlineData("周日", Past, "2026-11-15")]
    [InlineData("星期7", Future, "2026-11-22")]
    [InlineData("本周三", Future, "2026-11-18")]
    [InlineData("这周五", Past, "2026-11-20")]
    [InlineData("这个星期五", Past, "2026-11-20")]
    [InlineData("下周一", Past, "2026-11-23")]
    [InlineData("下周五", Future, "2026-11-27")]
    [InlineData("下个礼拜二", Future, "2026-11-24")]
    [InlineData("上周五", Past, "2026-11-13")]
    [InlineData("上个星期一", Past, "2026-11-09")]
    [InlineData("下下周一", Future, "2026-11-30")]
    [InlineData("上上周五", Past, "2026-11-06")]
    [InlineData("下周", Future, "2026-11-23")]           // its Monday
    [InlineData("上周", Past, "2026-11-09")]
    [InlineData("周末", Past, "2026-11-14")]
    [InlineData("周末", Future, "2026-11-21")]
    [InlineData("下周末", Future, "2026-11-28")]
    public void Weekdays_and_weeks(string text, DateDirection direction, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, direction));

    [Theory]
    [InlineData("11月20日", Future, "2026-11-20")]
    [InlineData("11月20号", Past, "2025-11-20")]
    [InlineData("11月18号", Past, "2026-11-18")]
    [InlineData("十一月二十号", Future, "2026-11-20")]
    [InlineData("1月5日", Future, "2027-01-05")]
    [InlineData("2026年11月20日", Past, "2026-11-20")]
    [InlineData("2026-11-20", Past, "2026-11-20")]
    [InlineData("月底", Future, "2026-11-30")]
    [InlineData("本月底", Past, "2026-11-30")]
    [InlineData("下个月底", Future, "2026-12-31")]
    [InlineData("１１月２０日", Future, "2026-11-20")]    // full-width digits from an IME
    [InlineData("１１／２０", Future, "2026-11-20")]
    [InlineData("２０２６－１１－２０", Past, "2026-11-20")]
    public void Calendar_dates(string text, DateDirection direction, string expected) =>
        Assert.Equal(Zones.D(expected), Parse(text, direction));

    [Theory]
    [InlineData("周经理")]          // a surname, not a week
    [InlineData("一周")]
    [InlineData("本周")]            // names no day
    [InlineData("这周")]
    [InlineData("前往华为")]
    [InlineData("3月份")]
    [InlineData("13月5日")]
    [InlineData("2月30日")]
    public void Text_without_a_date(string text) => Assert.Null(Parse(text, Past));

    [Theory]
    [InlineData("下周五前发报价", "下周五前", true, "2026-11-27")]
    [InlineData("11月25日之前回复", "11月25日之前", true, "2026-11-25")]
    [InlineData("一周内给方案", "一周内", true, "2026-11-25")]
    [InlineData("明天前往华为", "明天", false, "2026-11-19")]   // 前往 is "go to", not "before"
    [InlineData("周五再联系", "周五", false, "2026-11-20")]
    public void Deadlines_take_their_before_with_them(string text, string words, bool deadline, string date)
    {
        Assert.True(DateWords.TryParse(text, Now, Zones.Shanghai, out var m, Future));
        Assert.Equal(words, text.Substring(m.Index, m.Length));
        Assert.Equal(deadline, m.IsDeadline);
        Assert.Equal(Zones.D(date), m.Date);
    }

    [Fact]
    public void Several_dates_in_a_sentence_and_the_longest_reading_wins()
    {
        const string text = "大前天拜访了华为，下下周一再去";
        var all = DateWords.FindAll(text, Now, Zones.Shanghai, Future);
        Assert.Equal(["大前天", "下下周一"], all.Select(m => text.Substring(m.Index, m.Length)));
        Assert.Equal([Zones.D("2026-11-15"), Zones.D("2026-11-30")], all.Select(m => m.Date));
    }

    [Theory]
    [InlineData("三", 3)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("三十一", 31)]
    [InlineData("零", 0)]
    [InlineData("十十", null)]
    [InlineData("一二", null)]
    public void Chinese_numerals(string text, int? value) => Assert.Equal(value, DateWords.ChineseNumber(text));
}
