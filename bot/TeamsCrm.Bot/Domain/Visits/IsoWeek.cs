using System.Globalization;

namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), the unit of a visit plan
/// (客户拜访周计划). Around New Year the ISO year differs from the calendar year: 2026-12-28 … 2027-01-03 is 2026-W53.
/// </summary>
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    public int Year { get; }
    public int Week { get; }

    public IsoWeek(int year, int week)
    {
        if (year is < 1 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            throw new ArgumentOutOfRangeException(nameof(week), $"{year}-W{week:00} is not an ISO week.");
        Year = year;
        Week = week;
    }

    public static IsoWeek Of(DateOnly date) => new(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));

    public DateOnly Monday => ISOWeek.ToDateOnly(Year, Week, DayOfWeek.Monday);
    public DateOnly Sunday => Monday.AddDays(6);
    public bool Contains(DateOnly date) => date >= Monday && date <= Sunday;
    public IsoWeek Next => Of(Monday.AddDays(7));
    public IsoWeek Previous => Of(Monday.AddDays(-7));

    public int CompareTo(IsoWeek other) => Monday.CompareTo(other.Monday);

    /// <summary>"2026-W47", the ISO form, which sorts and is what the plan list stores.</summary>
    public override string ToString() => $"{Year:0000}-W{Week:00}";

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] is not ('W' or 'w')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var w)) return false;
        if (y is < 1 or > 9998 || w < 1 || w > ISOWeek.GetWeeksInYear(y)) return false;
        week = new IsoWeek(y, w);
        return true;
    }
}

/// <summary>A calendar month, the unit of the monthly plan (客户访问月计划表) and of planned vs actual.</summary>
public readonly record struct YearMonth(int Year, int Month)
{
    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;
    public override string ToString() => $"{Year:0000}-{Month:00}";
}
