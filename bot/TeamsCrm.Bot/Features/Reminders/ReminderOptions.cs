using TeamsCrm.Bot.Domain.Reminders;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>The "Reminders" configuration section.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>IANA zone of the personal reminders, and of a channel's until its manager picks one.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Language of the personal reminders (a proactive message has no activity to take it from).</summary>
    public string Locale { get; set; } = "en-US";
    /// <summary>Personal reminders: kind → "HH:mm", or "off". Missing kinds keep their defaults.</summary>
    public Dictionary<string, string> Personal { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>False: no background scans (tests run <see cref="Scheduling.ReminderScheduler.ScanAsync"/> themselves).</summary>
    public bool RunScheduler { get; set; } = true;
    /// <summary>How often the scheduler looks for due reminders.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a claim keeps others off an occurrence; a crashed instance's fan-out is resumed after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>On start, occurrences this far back that nobody sent are recorded as skipped (and logged).</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);
    /// <summary>A file with no update or review in this many days is stale (the file review).</summary>
    public int StaleDays { get; set; } = 60;
    /// <summary>Sends in flight at once; the pacer keeps them within Teams' limits.</summary>
    public int Parallelism { get; set; } = 16;

    public IReadOnlyList<ReminderTiming> PersonalTimings() => [.. ReminderKinds.Personal.Select(kind =>
        !Personal.TryGetValue(kind.ToString(), out var text) ? ReminderKinds.Default(kind)
        : TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? ReminderKinds.Default(kind) with { Time = at }
            : ReminderKinds.Default(kind) with { Enabled = false })];
}
