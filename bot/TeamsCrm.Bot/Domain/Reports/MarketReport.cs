using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Reports;

/// <summary>
/// The monthly market-analysis report (月报) of one rep for one month: this month's summary, next month's forecast,
/// problems and solutions. <see cref="SubmittedAt"/> and <see cref="Late"/> are those of the first submission; a
/// later correction changes the texts and <see cref="UpdatedAt"/> only.
/// </summary>
public sealed record MarketReport(
    string RepAadObjectId,
    YearMonth Month,
    string Summary,
    string Forecast,
    string Problems,
    string Solutions,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    bool Late);

/// <summary>DOMAIN.md: "Each rep submits a market-analysis report before the 5th of every month".</summary>
public static class MarketReportRules
{
    /// <summary>Due before this day of the following month, in the rep's own time zone.</summary>
    public const int DueDay = 5;
    /// <summary>From this day on, "report" opens the month that is ending; before it, the month that has ended.</summary>
    public const int OpensOnDay = 25;

    /// <summary>The month a report written on <paramref name="today"/> (the rep's local day) is about.</summary>
    public static YearMonth PeriodFor(DateOnly today) =>
        today.Day >= OpensOnDay ? YearMonth.Of(today) : YearMonth.Of(today.AddMonths(-1));

    /// <summary>The first instant that is late: 00:00 on the 5th of the next month where the rep is.</summary>
    public static DateTimeOffset Deadline(YearMonth month, TimeZoneInfo zone) =>
        LocalCalendar.StartOfDay(month.First.AddMonths(1).AddDays(DueDay - 1), zone);

    public static bool IsLate(YearMonth month, DateTimeOffset submittedAt, TimeZoneInfo zone) => submittedAt >= Deadline(month, zone);
}
