using Cronos;

namespace TeamsCrm.Bot.Domain.Reminders;

/// <summary>
/// When a reminder falls due, in its IANA zone, across DST (Cronos: a time skipped by spring-forward fires at the
/// jump, a time repeated by fall-back fires once), and what happens to the ones the bot missed while it was down:
/// an occurrence less than <see cref="CatchUp"/> old is still sent (late); older ones are skipped.
/// </summary>
public static class Occurrences
{
    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a personal reminder may wait for someone's quiet time to end (<see cref="QuietHours"/>): a weekend and its
    /// nights are under three days.
    /// </summary>
    public static readonly TimeSpan HoldLimit = TimeSpan.FromDays(4);

    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="until"/>], earliest first.</summary>
    public static IEnumerable<DateTimeOffset> Between(ReminderTiming timing, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset until) =>
        after >= until ? [] : CronExpression.Parse(timing.Cron).GetOccurrences(after, until, zone, fromInclusive: false, toInclusive: true);

    /// <summary>Still worth sending at <paramref name="now"/>: not in the future and less than 12 hours old.</summary>
    public static bool IsDue(DateTimeOffset occurrence, DateTimeOffset now) => occurrence <= now && now - occurrence < CatchUp;

    /// <summary>The key that claims an occurrence once across every instance: "{reminder}|{UTC minute}".</summary>
    public static string Key(string reminderId, DateTimeOffset occurrence) =>
        reminderId + "|" + occurrence.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
