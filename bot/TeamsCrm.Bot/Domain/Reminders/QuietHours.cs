using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Reminders;

/// <summary>
/// The hours one person gets no personal reminder, read in their own zone: every night from <paramref name="Start"/> to
/// <paramref name="End"/> (Start equal to End: none), and all of Saturday and Sunday unless <paramref name="Weekends"/> is off.
/// A personal reminder falling due then waits for the end of the quiet time; channel reminders keep their schedule.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, bool Weekends = true)
{
    /// <summary>The default of issue 16: 20:00–08:00, and weekends.</summary>
    public static readonly QuietHours Default = new(new TimeOnly(20, 0), new TimeOnly(8, 0));

    /// <summary>No quiet time: everything comes when due.</summary>
    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue, Weekends: false);

    /// <summary>
    /// When the quiet time around <paramref name="at"/> ends in <paramref name="zone"/>; null when <paramref name="at"/> is not
    /// quiet. A weekend night runs into the weekend: Friday 21:00 ends on Monday at <see cref="End"/>.
    /// </summary>
    public DateTimeOffset? EndsAfter(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        if (!IsQuiet(local)) return null;
        // Each step leaves one quiet stretch (a night, a weekend); a week of them is more than any setting can chain.
        for (var i = 0; i < 8 && IsQuiet(local); i++)
        {
            var day = DateOnly.FromDateTime(local);
            var time = TimeOnly.FromDateTime(local);
            if (Weekends && IsWeekend(day)) local = day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? 2 : 1).ToDateTime(TimeOnly.MinValue);
            else local = (Start > End && time >= Start ? day.AddDays(1) : day).ToDateTime(End);
        }
        return LocalCalendar.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
    }

    bool IsQuiet(DateTime local)
    {
        if (Weekends && IsWeekend(DateOnly.FromDateTime(local))) return true;
        var time = TimeOnly.FromDateTime(local);
        return Start == End ? false : Start < End ? time >= Start && time < End : time >= Start || time < End;
    }

    static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
