using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Approvals;

/// <summary>
/// Working time as an approver lives it, in their own zone: the working days, the hours of each, and the holidays. A
/// request's response time ("1 working day") is counted here, so that a request filed on Friday evening is not overdue on
/// Saturday. Every boundary is a local wall-clock reading turned into an instant by <see cref="LocalCalendar"/>, so a DST
/// week counts the hours people actually work.
/// </summary>
public sealed record WorkingCalendar(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, IReadOnlySet<DateOnly> Holidays)
{
    /// <summary>Monday to Friday, 09:00–17:00, no holidays: the default of Approvals:Working*.</summary>
    public static readonly WorkingCalendar Default = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0), new TimeOnly(17, 0), new HashSet<DateOnly>());

    /// <summary>One working day's hours: what "1 working day" of a response time means.</summary>
    public TimeSpan DayLength => End - Start;

    public bool IsWorkingDay(DateOnly day) => Days.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    /// <summary>The first working instant at or after <paramref name="at"/>.</summary>
    public DateTimeOffset NextWorking(DateTimeOffset at, TimeZoneInfo zone)
    {
        var day = LocalCalendar.DateOf(at, zone);
        // A year and a bit: a calendar without a single working day in it is refused by the options' validation.
        for (var i = 0; i < 400; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var start = LocalCalendar.ToInstant(day, Start, zone);
            if (at < start) return start;
            if (at < LocalCalendar.ToInstant(day, End, zone)) return at;
        }
        throw new InvalidOperationException("The working calendar has no working day in the coming year.");
    }

    /// <summary><paramref name="working"/> of working time after <paramref name="at"/>; hours outside work do not count.</summary>
    public DateTimeOffset Add(DateTimeOffset at, TimeSpan working, TimeZoneInfo zone)
    {
        var cursor = NextWorking(at, zone);
        var left = working;
        while (true)
        {
            var end = LocalCalendar.ToInstant(LocalCalendar.DateOf(cursor, zone), End, zone);
            if (left <= end - cursor) return cursor + left;
            left -= end - cursor;
            cursor = NextWorking(end, zone);
        }
    }

    /// <summary>When the working day that <paramref name="at"/> falls in began (its local start time).</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset at, TimeZoneInfo zone) => LocalCalendar.ToInstant(LocalCalendar.DateOf(at, zone), Start, zone);

    /// <summary>
    /// When the one reminder before <paramref name="due"/> goes: the morning of the working day it is due (the working day
    /// before, when it is due first thing), or — due the same working day it was filed — halfway between.
    /// </summary>
    public DateTimeOffset ReminderFor(DateTimeOffset filed, DateTimeOffset due, TimeZoneInfo zone)
    {
        var morning = StartOfDay(due, zone);
        if (morning >= due)
        {
            var day = LocalCalendar.DateOf(due, zone).AddDays(-1);
            for (var i = 0; i < 400 && !IsWorkingDay(day); i++) day = day.AddDays(-1);
            morning = LocalCalendar.ToInstant(day, Start, zone);
        }
        var reached = NextWorking(filed, zone);
        return morning > filed && morning < due ? morning : reached + (due - reached) / 2;
    }
}
