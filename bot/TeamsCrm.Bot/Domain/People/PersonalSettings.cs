namespace TeamsCrm.Bot.Domain.People;

/// <summary>
/// What one person chose for themselves and the app keeps with them: whom their requests go to while they are away, when
/// personal reminders keep quiet, which kinds of them they muted (by name), whether they take one daily digest instead of
/// separate personal reminders. Null fields keep the defaults.
/// </summary>
public sealed record PersonalSettings(Delegation? Delegation = null, Reminders.QuietHours? Quiet = null, IReadOnlyList<string>? Muted = null,
    bool Digest = false)
{
    /// <summary>The quiet hours in force: their own, else the default (20:00–08:00 and weekends). Not stored: it follows.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Reminders.QuietHours QuietHours => Quiet ?? Reminders.QuietHours.Default;

    public bool HasMuted(Reminders.ReminderKind kind) => Muted?.Contains(kind.ToString(), StringComparer.Ordinal) == true;

    public PersonalSettings Mute(Reminders.ReminderKind kind, bool on) => this with
    {
        Muted = [.. (Muted ?? []).Where(k => k != kind.ToString()).Concat(on ? [kind.ToString()] : Array.Empty<string>())],
    };

    /// <summary>The delegation in force at <paramref name="today"/> (their own local day), or null.</summary>
    public Delegation? DelegationOn(DateOnly today) => Delegation is { } d && today <= d.Until ? d : null;
}

/// <summary>While away, up to and including <paramref name="Until"/>, requests for this person go to <paramref name="ToAadObjectId"/>.</summary>
public sealed record Delegation(string ToAadObjectId, DateOnly Until, DateTimeOffset Since);
