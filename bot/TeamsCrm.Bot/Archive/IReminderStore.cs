using TeamsCrm.Bot.Domain.Reminders;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// The reminder scheduler's memory, shared by every bot instance: each channel's settings, each occurrence claimed
/// once ("{reminder}|{UTC minute}", unique), and each recipient an occurrence was sent to, so that a fan-out cut short
/// by a crash is resumed by whoever claims it next, without sending twice to anyone already recorded.
/// </summary>
public interface IReminderStore
{
    Task<ChannelReminders?> GetChannelAsync(string channelId, CancellationToken ct = default);

    /// <summary>
    /// Saves the settings if the stored ones are still at <see cref="ChannelReminders.Version"/> (0: none stored yet);
    /// otherwise throws <see cref="RemindersConflictException"/> and changes nothing. Returns them with the new version.
    /// </summary>
    Task<ChannelReminders> SaveChannelAsync(ChannelReminders settings, CancellationToken ct = default);

    /// <summary>Every channel with at least one reminder switched on.</summary>
    Task<IReadOnlyList<ChannelReminders>> ActiveChannelsAsync(CancellationToken ct = default);

    /// <summary>
    /// Claims an occurrence for <paramref name="instance"/> until <paramref name="now"/> + <paramref name="lease"/>.
    /// <see cref="ClaimResult.Claimed"/> when it was free, or claimed by an instance whose lease ran out without completing
    /// it (a crash: this one resumes the fan-out); <see cref="ClaimResult.Done"/> once completed or skipped;
    /// <see cref="ClaimResult.Held"/> while another claim's lease runs.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(string occurrenceKey, string instance, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>
    /// Extends <paramref name="instance"/>'s claim to <paramref name="until"/> while its fan-out runs; false when the claim is
    /// no longer its own (completed, or taken over after its lease ran out), and the fan-out should stop.
    /// </summary>
    Task<bool> RenewAsync(string occurrenceKey, string instance, DateTimeOffset until, CancellationToken ct = default);

    /// <summary>The fan-out is over: nobody claims the occurrence again.</summary>
    Task CompleteAsync(string occurrenceKey, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Records an occurrence too old to send as skipped; true only for the caller that recorded it (so it is logged once).</summary>
    Task<bool> TrySkipAsync(string occurrenceKey, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>The recipients the occurrence has been sent to.</summary>
    Task<IReadOnlySet<string>> SentToAsync(string occurrenceKey, CancellationToken ct = default);

    /// <summary>Records one delivery (idempotent).</summary>
    Task RecordSentAsync(string occurrenceKey, string recipient, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Keeps a snooze; one per person and kind, so a later one replaces the earlier.</summary>
    Task SnoozeAsync(ReminderSnooze snooze, CancellationToken ct = default);

    /// <summary>Snoozes whose time has come (an indexed range), earliest first.</summary>
    Task<IReadOnlyList<ReminderSnooze>> SnoozesDueAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Removes a snooze once it is sent — only when it is still this one: a newer snooze of the kind stays.</summary>
    Task EndSnoozeAsync(ReminderSnooze snooze, CancellationToken ct = default);
}

public enum ClaimResult { Claimed, Held, Done }

/// <summary>Someone saved the channel's settings first. <see cref="Current"/> is what is stored now.</summary>
public sealed class RemindersConflictException(ChannelReminders current)
    : Exception($"The reminders of {current.ChannelId} were saved meanwhile (now version {current.Version}).")
{
    public ChannelReminders Current { get; } = current;
}
