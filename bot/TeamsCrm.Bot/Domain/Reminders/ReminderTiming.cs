using System.Globalization;

namespace TeamsCrm.Bot.Domain.Reminders;

/// <summary>
/// When one reminder comes: on or off, the day (its meaning depends on the kind's <see cref="Cadence"/>) and the local
/// time, in the zone of whoever it is for. Stored as these three values, not as a cron text, so that a card can show
/// and edit them; <see cref="Cron"/> derives the expression the scheduler runs.
/// </summary>
public sealed record ReminderTiming(ReminderKind Kind, bool Enabled, int Day, TimeOnly Time)
{
    public Cadence Cadence => ReminderKinds.CadenceOf(Kind);

    /// <summary>Whether <see cref="Day"/> is one the cadence allows (1–7 for a weekday, 1–28 for a day of the month).</summary>
    public bool IsValid => Cadence switch
    {
        Cadence.Weekly => Day is >= 1 and <= 7,
        Cadence.Monthly or Cadence.EveryTwoMonths => Day is >= 1 and <= 28,
        _ => true,
    };

    /// <summary>Five-field cron (minute hour day-of-month month day-of-week; Sunday is 0), read by Cronos in the reminder's zone.</summary>
    public string Cron => Cadence switch
    {
        Cadence.Weekly => Format("{0} {1} * * {2}", Time.Minute, Time.Hour, Day % 7),
        Cadence.Monthly => Format("{0} {1} {2} * *", Time.Minute, Time.Hour, Day),
        Cadence.EveryTwoMonths => Format("{0} {1} {2} 1/2 *", Time.Minute, Time.Hour, Day),
        _ => Format("{0} {1} * * *", Time.Minute, Time.Hour),
    };

    static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
