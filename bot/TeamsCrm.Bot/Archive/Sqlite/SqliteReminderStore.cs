using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain.Reminders;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// Reminder settings, claims and sends. Each claim or save is one statement whose WHERE carries the condition
/// (free, lease run out, version unchanged), so two instances on one file cannot both win.
/// </summary>
sealed class SqliteReminderStore(SqliteDatabase db) : IReminderStore
{
    const string Claimed = "Claimed", Completed = "Completed", Skipped = "Skipped";

    public async Task<ChannelReminders?> GetChannelAsync(string channelId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return (await Sql.ListAsync(c, "SELECT * FROM reminder_channels WHERE channel_id = $id", Read, ct, ("$id", channelId))).SingleOrDefault();
    }

    public async Task<ChannelReminders> SaveChannelAsync(ChannelReminders s, CancellationToken ct = default)
    {
        await using var c = db.Open();
        var args = new (string, object?)[]
        {
            ("$id", s.ChannelId), ("$team", s.TeamId), ("$zone", s.ZoneId), ("$timings", ReminderJson.Timings(s.Timings)),
            ("$reps", ReminderJson.Reps(s.Reps)), ("$by", s.ConfiguredBy), ("$at", Sql.Iso(s.ConfiguredAt)), ("$locale", s.Locale), ("$active", s.AnyEnabled ? 1 : 0),
            ("$version", s.Version),
        };
        var saved = s.Version == 0
            ? await Sql.ExecAsync(c, """
                INSERT INTO reminder_channels (channel_id, team_id, zone_id, timings, reps, configured_by, configured_at, locale, active, version)
                VALUES ($id, $team, $zone, $timings, $reps, $by, $at, $locale, $active, 1) ON CONFLICT(channel_id) DO NOTHING
                """, ct, args)
            : await Sql.ExecAsync(c, """
                UPDATE reminder_channels SET team_id = $team, zone_id = $zone, timings = $timings, reps = $reps, configured_by = $by,
                    configured_at = $at, locale = $locale, active = $active, version = version + 1
                WHERE channel_id = $id AND version = $version
                """, ct, args);
        if (saved == 1) return s with { Version = s.Version + 1 };
        throw new RemindersConflictException(await GetChannelAsync(s.ChannelId, ct) ?? s);
    }

    public async Task<IReadOnlyList<ChannelReminders>> ActiveChannelsAsync(CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, "SELECT * FROM reminder_channels WHERE active = 1 ORDER BY channel_id", Read, ct);
    }

    public async Task<ClaimResult> TryClaimAsync(string key, string instance, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        await using var c = db.Open();
        // A free key is inserted; a claim whose lease ran out without completing is taken over (the upsert's WHERE).
        var taken = await Sql.ExecAsync(c, """
            INSERT INTO reminder_occurrences (key, status, claimed_by, lease_until) VALUES ($key, 'Claimed', $me, $until)
            ON CONFLICT(key) DO UPDATE SET claimed_by = $me, lease_until = $until
            WHERE reminder_occurrences.status = 'Claimed' AND reminder_occurrences.lease_until <= $now
            """, ct, ("$key", key), ("$me", instance), ("$until", Sql.Iso(now + lease)), ("$now", Sql.Iso(now)));
        if (taken == 1) return ClaimResult.Claimed;
        var status = (string?)await Sql.ScalarAsync(c, "SELECT status FROM reminder_occurrences WHERE key = $key", ct, ("$key", key));
        return status == Claimed ? ClaimResult.Held : ClaimResult.Done;
    }

    public async Task<bool> RenewAsync(string key, string instance, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ExecAsync(c, "UPDATE reminder_occurrences SET lease_until = $until WHERE key = $key AND status = $claimed AND claimed_by = $me",
            ct, ("$key", key), ("$until", Sql.Iso(until)), ("$claimed", Claimed), ("$me", instance)) == 1;
    }

    public async Task CompleteAsync(string key, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE reminder_occurrences SET status = $done, finished_at = $at WHERE key = $key", ct,
            ("$key", key), ("$done", Completed), ("$at", Sql.Iso(at)));
    }

    public async Task<bool> TrySkipAsync(string key, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ExecAsync(c, "INSERT INTO reminder_occurrences (key, status, finished_at) VALUES ($key, $skipped, $at) ON CONFLICT(key) DO NOTHING",
            ct, ("$key", key), ("$skipped", Skipped), ("$at", Sql.Iso(at))) == 1;
    }

    public async Task<IReadOnlySet<string>> SentToAsync(string key, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return (await Sql.ListAsync(c, "SELECT recipient FROM reminder_sends WHERE occurrence_key = $key", r => r.GetString(0), ct, ("$key", key)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task RecordSentAsync(string key, string recipient, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "INSERT INTO reminder_sends (occurrence_key, recipient, sent_at) VALUES ($key, $to, $at) ON CONFLICT DO NOTHING", ct,
            ("$key", key), ("$to", recipient), ("$at", Sql.Iso(at)));
    }

    public async Task SnoozeAsync(ReminderSnooze snooze, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, """
            INSERT INTO reminder_snoozes (recipient, kind, occurrence, due_at) VALUES ($to, $kind, $occurrence, $due)
            ON CONFLICT(recipient, kind) DO UPDATE SET occurrence = $occurrence, due_at = $due
            """, ct, ("$to", snooze.Recipient.ToLowerInvariant()), ("$kind", snooze.Kind.ToString()), ("$occurrence", Sql.Iso(snooze.Occurrence)),
            ("$due", Sql.Iso(snooze.DueAt)));
    }

    public async Task<IReadOnlyList<ReminderSnooze>> SnoozesDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, "SELECT * FROM reminder_snoozes WHERE due_at <= $now ORDER BY due_at", r => new ReminderSnooze(
            r.Text("recipient"), Enum.Parse<ReminderKind>(r.Text("kind")), r.Time("occurrence"), r.Time("due_at")), ct, ("$now", Sql.Iso(now)));
    }

    public async Task EndSnoozeAsync(ReminderSnooze snooze, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "DELETE FROM reminder_snoozes WHERE recipient = $to AND kind = $kind AND due_at = $due", ct,
            ("$to", snooze.Recipient.ToLowerInvariant()), ("$kind", snooze.Kind.ToString()), ("$due", Sql.Iso(snooze.DueAt)));
    }

    static ChannelReminders Read(SqliteDataReader r) => new(
        r.Text("channel_id"), r.Text("team_id"), r.Text("zone_id"), ReminderJson.Timings(r.Text("timings")), ReminderJson.Reps(r.Text("reps")),
        r.Text("configured_by"), r.Time("configured_at"), r.Text("locale"), (int)r.Integer("version"));
}
