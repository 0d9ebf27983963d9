namespace TeamsCrm.Bot.Domain.Reminders;

/// <summary>
/// A personal reminder its recipient snoozed: it comes to them again at <paramref name="DueAt"/>, as it was for
/// <paramref name="Occurrence"/>. One per person and kind: a later snooze of the same kind replaces it.
/// </summary>
public sealed record ReminderSnooze(string Recipient, ReminderKind Kind, DateTimeOffset Occurrence, DateTimeOffset DueAt)
{
    /// <summary>How its times are written in a claim key and in a card's data: UTC to the second.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The claim that sends it once across every instance.</summary>
    public string ClaimKey => $"snooze|{Recipient.ToLowerInvariant()}|{Kind}|" + Write(DueAt);

    public static string Write(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
}
