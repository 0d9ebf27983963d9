namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// Days as a person in a time zone sees them. Everything calendar-like (today, a visit's day, the end of a
/// planned day, month boundaries) goes through here so that no rule does DST arithmetic on its own:
/// rules work on <see cref="DateOnly"/>, where "one day" is always one calendar day.
/// </summary>
public static class LocalCalendar
{
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOf(now, zone);

    /// <summary>
    /// The first instant of the day. Usually local midnight, but some zones switch DST at midnight
    /// (America/Santiago, America/Havana), where 00:00 does not exist and the day starts at 01:00.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) => ToInstant(date, TimeOnly.MinValue, zone);

    /// <summary>The first instant after the day (exclusive end): the next day's start, however long this day was.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date, TimeZoneInfo zone) => StartOfDay(date.AddDays(1), zone);

    /// <summary>
    /// The instant a wall-clock reading names. In a spring-forward gap the reading does not exist; it is read
    /// with the offset in force before the gap, i.e. moved forward by the gap (02:30 → 03:30 in New York).
    /// In a fall-back overlap the reading happens twice; the first occurrence is taken.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddDays(-1)));
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// When a visit was, from what the rep said: the given local time on that day; without a time, now if
    /// the day is today (they are logging right after the visit), else noon — a neutral time that cannot
    /// cross into a neighbouring day when shown in a nearby zone.
    /// </summary>
    public static DateTimeOffset VisitInstant(DateOnly date, TimeOnly? time, DateTimeOffset now, TimeZoneInfo zone) =>
        time is { } t ? ToInstant(date, t, zone)
        : date == Today(now, zone) ? now
        : ToInstant(date, new TimeOnly(12, 0), zone);

    /// <summary>An IANA (or Windows) zone id to a zone; null when the machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    /// <summary>Monday of the week the date is in (ISO weeks start on Monday, as Chinese calendars do).</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>1 = Monday … 7 = Sunday.</summary>
    public static int IsoDayOfWeek(DateOnly date) => ((int)date.DayOfWeek + 6) % 7 + 1;
}
