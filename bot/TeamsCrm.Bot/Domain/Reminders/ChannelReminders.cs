namespace TeamsCrm.Bot.Domain.Reminders;

/// <summary>
/// A channel's reminder settings, made by a sales manager with the `reminders` card: which reminders and when, the
/// IANA zone they are read in, who the reps are (<see cref="Reps"/> empty: the team's roster), and the language of the
/// cards (that of the manager who set them: a channel has no locale of its own).
/// <see cref="Version"/> counts saves, so that two managers saving at once do not silently overwrite each other.
/// </summary>
public sealed record ChannelReminders(
    string ChannelId,
    string TeamId,
    string ZoneId,
    IReadOnlyList<ReminderTiming> Timings,
    IReadOnlyList<string> Reps,
    string ConfiguredBy,
    DateTimeOffset ConfiguredAt,
    string Locale = "en-US",
    int Version = 0)
{
    /// <summary>Every channel reminder with its default timing, in <paramref name="zoneId"/>, reps from the roster.</summary>
    public static ChannelReminders Defaults(string channelId, string teamId, string zoneId, string configuredBy, DateTimeOffset at, string locale) =>
        new(channelId, teamId, zoneId, [.. ReminderKinds.Channel.Select(ReminderKinds.Default)], [], configuredBy, at, locale);

    public ReminderTiming TimingOf(ReminderKind kind) => Timings.FirstOrDefault(t => t.Kind == kind) ?? ReminderKinds.Default(kind) with { Enabled = false };

    public bool AnyEnabled => Timings.Any(t => t.Enabled);

    /// <summary>The reminder's id inside occurrence keys: the channel and the kind.</summary>
    public static string ReminderId(string channelId, ReminderKind kind) => channelId + "|" + kind;
}
