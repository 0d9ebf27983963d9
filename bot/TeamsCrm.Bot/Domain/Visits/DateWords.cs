using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// Which way an open date word points. A visit is reported afterwards, so "Friday" there means the most recent
/// Friday before today; a next action is ahead, so "Friday" there is the next one after today. Never today itself.
/// </summary>
public enum DateDirection { Past, Future }

/// <summary>
/// A date found in text: the day, where the words were (in the original text, so the caller can cut them out),
/// and whether they set a deadline ("by Friday", "before 11/20", "下周五前", "3天内").
/// </summary>
public readonly record struct DateMatch(DateOnly Date, int Index, int Length, bool IsDeadline)
{
    public int End => Index + Length;
    public string CutFrom(string text) => text.Remove(Index, Length);
}

/// <summary>
/// Date words in English and Chinese (today, 昨天, last Friday, 下周三, in 3 days, 3天后, 11/20, 11月20号, 2026-11-20,
/// 月底 …) resolved against "today" in the user's time zone. Days are counted on the calendar, so a DST
/// switch never turns "yesterday" into two days ago.
/// </summary>
/// <remarks>
/// Week words follow the Chinese reading, which is exact: "this/本周 Friday" is the Friday of the current
/// Monday-to-Sunday week, "next/下周 Friday" the Friday of next week, "last/上周 Friday" of the previous one
/// (so on a Monday "next Friday" is 11 days ahead, not 4). Bare weekdays and dates without a year follow
/// <see cref="DateDirection"/>. Slash dates are month/day unless the culture writes the day first
/// (en-GB 20/11) or the first number cannot be a month.
/// </remarks>
public static partial class DateWords
{
    readonly record struct Ctx(DateOnly Today, DateDirection Direction, bool DayFirst, string Text);

    sealed record Rule(Regex Pattern, Func<Match, Ctx, DateOnly?> Resolve);

    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Built in one place: static field initialisers in partial files run in no guaranteed order.
    static readonly Rule[] Rules = [.. EnglishRules(), .. ChineseRules(), .. NumericRules()];

    /// <summary>The first date in the text.</summary>
    public static bool TryParse(string text, DateTimeOffset now, TimeZoneInfo zone, out DateMatch match,
        DateDirection direction = DateDirection.Past, CultureInfo? culture = null)
    {
        var all = FindAll(text, LocalCalendar.Today(now, zone), direction, culture);
        match = all.Count > 0 ? all[0] : default;
        return all.Count > 0;
    }

    /// <summary>Every date in the text, in text order, none overlapping.</summary>
    public static IReadOnlyList<DateMatch> FindAll(string text, DateTimeOffset now, TimeZoneInfo zone,
        DateDirection direction = DateDirection.Past, CultureInfo? culture = null) =>
        FindAll(text, LocalCalendar.Today(now, zone), direction, culture);

    /// <summary>As above, from the user's local today (for callers that already have it).</summary>
    public static IReadOnlyList<DateMatch> FindAll(string text, DateOnly today, DateDirection direction = DateDirection.Past, CultureInfo? culture = null)
    {
        var folded = TextFold.Narrow(text);
        var ctx = new Ctx(today, direction, IsDayFirst(culture), folded);
        var found = new List<DateMatch>();
        foreach (var rule in Rules)
            foreach (Match m in rule.Pattern.Matches(folded))
                if (rule.Resolve(m, ctx) is { } date)
                    found.Add(new DateMatch(date, m.Index, m.Length, m.Groups["dl"].Success));

        // The longest reading wins where readings overlap: "the day before yesterday" over "yesterday", "下周五" over "周五".
        var chosen = new List<DateMatch>();
        foreach (var m in found.OrderByDescending(m => m.Length).ThenBy(m => m.Index))
            if (!chosen.Any(c => m.Index < c.End && c.Index < m.End)) chosen.Add(m);
        return chosen.OrderBy(m => m.Index).ToList();
    }

    static bool IsDayFirst(CultureInfo? culture)
    {
        if (culture is null) return false;
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var d = pattern.IndexOf('d', StringComparison.Ordinal);
        var m = pattern.IndexOf('M', StringComparison.Ordinal);
        return d >= 0 && m >= 0 && d < m;
    }

    /// <summary>Weekday 1 (Monday) … 7 (Sunday) in the week <paramref name="weekOffset"/> from this one, or the nearest in the direction, today excluded.</summary>
    static DateOnly Weekday(in Ctx c, int isoDay, int? weekOffset)
    {
        if (weekOffset is { } k) return LocalCalendar.MondayOf(c.Today).AddDays(7 * k + isoDay - 1);
        // A bare weekday is never today: on a Wednesday "call back Wednesday" means next week's, and people who mean
        // today say "today"/"今天". So 1 to 7 days away, on the direction's side.
        var todayIso = LocalCalendar.IsoDayOfWeek(c.Today);
        return c.Direction == DateDirection.Past
            ? c.Today.AddDays(-((todayIso - isoDay + 6) % 7 + 1))
            : c.Today.AddDays((isoDay - todayIso + 6) % 7 + 1);
    }

    /// <summary>A day given without a year: the nearest such day on the direction's side of today (today included).</summary>
    static DateOnly? MonthDay(in Ctx c, int month, int day, int? year)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31) return null;
        if (year is { } y)
        {
            if (y < 100) y += 2000;
            // The years a form's date accepts (FormReader.Date): beyond them a typed year is a slip or a probe, and the
            // month of 9999-12-31 has no next month for its last day to be counted from.
            return y is >= 1900 and <= 2100 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }
        var step = c.Direction == DateDirection.Past ? -1 : 1;
        for (var candidateYear = c.Today.Year; Math.Abs(candidateYear - c.Today.Year) <= 8; candidateYear += step)
        {
            if (day > DateTime.DaysInMonth(candidateYear, month)) continue;   // 2/29 waits for a leap year
            var date = new DateOnly(candidateYear, month, day);
            if (c.Direction == DateDirection.Past ? date <= c.Today : date >= c.Today) return date;
        }
        return null;
    }

    static DateOnly EndOfMonth(DateOnly today, int monthsAhead) =>
        new DateOnly(today.Year, today.Month, 1).AddMonths(monthsAhead + 1).AddDays(-1);

    static int? Int(Group g) =>
        !g.Success ? null
        : int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : ChineseNumber(g.Value);

    /// <summary>ISO, slash and dotted forms shared by both languages: 2026-11-20, 2026/11/20, 11/20, 20/11/2026.</summary>
    static IEnumerable<Rule> NumericRules()
    {
        const string edgeStart = @"(?<![\p{L}\p{N}/.\-])";
        const string edgeEnd = @"(?![\p{N}/])";
        yield return new Rule(new Regex(edgeStart + EnLead + @"(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})" + edgeEnd + ZhDeadline, Options),
            (m, c) => MonthDay(c, Int(m.Groups["m"])!.Value, Int(m.Groups["d"])!.Value, Int(m.Groups["y"])));
        yield return new Rule(new Regex(edgeStart + EnLead + @"(?<a>\d{1,2})/(?<b>\d{1,2})(/(?<y>\d{4}|\d{2}))?" + edgeEnd + ZhDeadline, Options),
            (m, c) =>
            {
                var a = Int(m.Groups["a"])!.Value;
                var b = Int(m.Groups["b"])!.Value;
                var dayFirst = (c.DayFirst && b <= 12) || a > 12;
                return dayFirst ? MonthDay(c, b, a, Int(m.Groups["y"])) : MonthDay(c, a, b, Int(m.Groups["y"]));
            });
    }
}
