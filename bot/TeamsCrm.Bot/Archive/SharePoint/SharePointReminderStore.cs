using TeamsCrm.Bot.Domain.Reminders;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Reminder settings, occurrence claims and sends in three lists (<see cref="SharePointLists.ReminderChannels"/>,
/// <see cref="SharePointLists.ReminderOccurrences"/>, <see cref="SharePointLists.ReminderSends"/>). A claim is the
/// create of the occurrence's item — its unique Title lets one of two racing instances through (the other gets 409) —
/// and taking over a crashed claim is an update with If-Match, so again only one wins. Every query filters on one
/// indexed column.
/// </summary>
sealed class SharePointReminderStore(SharePointSite site) : IReminderStore
{
    static readonly ListDef Channels = SharePointLists.ReminderChannels, Occurrences = SharePointLists.ReminderOccurrences,
        Sends = SharePointLists.ReminderSends, Snoozes = SharePointLists.ReminderSnoozes;
    const string Claimed = "Claimed", Completed = "Completed", Skipped = "Skipped";

    static string Key(string text) => SharePointConversationStore.KeyOf(text);

    /// <summary>One round trip: the unique, indexed Title (eq ignores case: the stored id is compared exactly).</summary>
    public async Task<ChannelReminders?> GetChannelAsync(string channelId, CancellationToken ct = default) =>
        await FindChannelAsync(channelId, ct) is { } item ? Read(item) : null;

    /// <summary>A new channel: one create (409 → conflict); else a read and an update with If-Match (412 → conflict).</summary>
    public async Task<ChannelReminders> SaveChannelAsync(ChannelReminders s, CancellationToken ct = default)
    {
        var fields = new Dictionary<string, object?>
        {
            ["ChannelId"] = s.ChannelId, ["TeamId"] = s.TeamId, ["ZoneId"] = s.ZoneId, ["Timings"] = ReminderJson.Timings(s.Timings),
            ["Reps"] = ReminderJson.Reps(s.Reps), ["ConfiguredBy"] = s.ConfiguredBy, ["ConfiguredAt"] = ItemFields.Wire(s.ConfiguredAt),
            ["Locale"] = s.Locale, ["Active"] = s.AnyEnabled ? "yes" : "no", ["Version"] = s.Version + 1,
        };
        try
        {
            if (s.Version == 0)
            {
                fields["Title"] = Key(s.ChannelId);
                await site.CreateAsync(Channels, fields, ct);
                return s with { Version = 1 };
            }
            if (await FindChannelAsync(s.ChannelId, ct) is { } item && Read(item).Version == s.Version)
            {
                await site.UpdateAsync(Channels, item.Id, item.ETag, fields, ct);
                return s with { Version = s.Version + 1 };
            }
        }
        catch (Exception e) when (SharePointSite.Is(e, 409) || SharePointSite.Is(e, 412)) { }
        throw new RemindersConflictException(await GetChannelAsync(s.ChannelId, ct) ?? s);
    }

    public async Task<IReadOnlyList<ChannelReminders>> ActiveChannelsAsync(CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Channels, ODataFilter.Eq("Active", "yes"), ct)).Select(Read).OrderBy(c => c.ChannelId, StringComparer.Ordinal)];

    /// <summary>One create when the occurrence is free; 409 → a read, and an If-Match update when its lease ran out.</summary>
    public async Task<ClaimResult> TryClaimAsync(string key, string instance, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var claim = new Dictionary<string, object?> { ["Status"] = Claimed, ["ClaimedBy"] = instance, ["LeaseUntil"] = ItemFields.Wire(now + lease) };
        try
        {
            await site.CreateAsync(Occurrences, new Dictionary<string, object?>(claim) { ["Title"] = Key(key) }, ct);
            return ClaimResult.Claimed;
        }
        catch (Exception e) when (SharePointSite.Is(e, 409)) { }
        var item = await site.FindAsync(Occurrences, "Title", Key(key), ct);
        if (item is null || item.Text("Status") != Claimed) return ClaimResult.Done;
        if (item.Time("LeaseUntil") is { } until && until > now) return ClaimResult.Held;
        try
        {
            await site.UpdateAsync(Occurrences, item.Id, item.ETag, claim, ct);
            return ClaimResult.Claimed;
        }
        catch (Exception e) when (SharePointSite.Is(e, 412)) { return ClaimResult.Held; }   // another instance took it over first
    }

    /// <summary>With If-Match: a takeover between the read and the write makes it 412, and the claim is no longer ours.</summary>
    public async Task<bool> RenewAsync(string key, string instance, DateTimeOffset until, CancellationToken ct = default)
    {
        if (await site.FindAsync(Occurrences, "Title", Key(key), ct) is not { } item || item.Text("Status") != Claimed || item.Text("ClaimedBy") != instance)
            return false;
        try
        {
            await site.UpdateAsync(Occurrences, item.Id, item.ETag, new Dictionary<string, object?> { ["LeaseUntil"] = ItemFields.Wire(until) }, ct);
            return true;
        }
        catch (Exception e) when (SharePointSite.Is(e, 412)) { return false; }
    }

    public async Task CompleteAsync(string key, DateTimeOffset at, CancellationToken ct = default)
    {
        if (await site.FindAsync(Occurrences, "Title", Key(key), ct) is not { } item) return;
        // No If-Match: whoever completes, the occurrence is done; nothing else is written over.
        await site.UpdateAsync(Occurrences, item.Id, "*", new Dictionary<string, object?> { ["Status"] = Completed, ["FinishedAt"] = ItemFields.Wire(at) }, ct);
    }

    public async Task<bool> TrySkipAsync(string key, DateTimeOffset at, CancellationToken ct = default)
    {
        try
        {
            await site.CreateAsync(Occurrences, new Dictionary<string, object?> { ["Title"] = Key(key), ["Status"] = Skipped, ["FinishedAt"] = ItemFields.Wire(at) }, ct);
            return true;
        }
        catch (Exception e) when (SharePointSite.Is(e, 409)) { return false; }
    }

    /// <summary>One query on the indexed Occurrence (a page holds 5,000 recipients; more follow by nextLink).</summary>
    public async Task<IReadOnlySet<string>> SentToAsync(string key, CancellationToken ct = default) =>
        (await site.QueryAsync(Sends, ODataFilter.Eq("Occurrence", Key(key)), ct)).Select(i => i.Text("Recipient")!).ToHashSet(StringComparer.Ordinal);

    /// <summary>One create; a repeat answers 409 and is fine.</summary>
    public async Task RecordSentAsync(string key, string recipient, DateTimeOffset at, CancellationToken ct = default)
    {
        try
        {
            await site.CreateAsync(Sends, new Dictionary<string, object?>
            {
                ["Title"] = Key(key + "|" + recipient), ["Occurrence"] = Key(key), ["Recipient"] = recipient, ["SentAt"] = ItemFields.Wire(at),
            }, ct);
        }
        catch (Exception e) when (SharePointSite.Is(e, 409)) { }
    }

    /// <summary>One create; a snooze of the kind already kept (409) is read and overwritten (the latest press wins).</summary>
    public async Task SnoozeAsync(ReminderSnooze snooze, CancellationToken ct = default)
    {
        var title = SnoozeTitle(snooze);
        var fields = new Dictionary<string, object?>
        {
            ["Recipient"] = snooze.Recipient.ToLowerInvariant(), ["Kind"] = snooze.Kind.ToString(),
            ["Occurrence"] = ItemFields.Wire(snooze.Occurrence), ["DueAt"] = ItemFields.Wire(snooze.DueAt),
        };
        try
        {
            await site.CreateAsync(Snoozes, new Dictionary<string, object?>(fields) { ["Title"] = title }, ct);
            return;
        }
        catch (Exception e) when (SharePointSite.Is(e, 409)) { }
        if (await site.FindAsync(Snoozes, "Title", title, ct) is { } item) await site.UpdateAsync(Snoozes, item.Id, "*", fields, ct);
    }

    /// <summary>One query on the indexed DueAt.</summary>
    public async Task<IReadOnlyList<ReminderSnooze>> SnoozesDueAsync(DateTimeOffset now, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Snoozes, ODataFilter.AtOrBefore("DueAt", now), ct))
            .Select(i => Enum.TryParse<ReminderKind>(i.Text("Kind"), out var kind) && i.Time("DueAt") is { } due && i.Time("Occurrence") is { } at
                ? new ReminderSnooze(i.Text("Recipient") ?? "", kind, at, due) : null)
            .OfType<ReminderSnooze>().Where(s => s.DueAt <= now).OrderBy(s => s.DueAt)];

    /// <summary>A read, then a delete with If-Match when it is still this snooze (a newer press made it another).</summary>
    public async Task EndSnoozeAsync(ReminderSnooze snooze, CancellationToken ct = default)
    {
        if (await site.FindAsync(Snoozes, "Title", SnoozeTitle(snooze), ct) is not { } item || item.Time("DueAt") != snooze.DueAt) return;
        try { await site.DeleteAsync(Snoozes, item.Id, item.ETag, ct); }
        catch (Exception e) when (SharePointSite.Is(e, 412) || SharePointSite.Is(e, 404)) { }
    }

    static string SnoozeTitle(ReminderSnooze s) => Key(s.Recipient.ToLowerInvariant() + "|" + s.Kind);

    async Task<ItemFields?> FindChannelAsync(string channelId, CancellationToken ct) =>
        (await site.QueryAsync(Channels, ODataFilter.Eq("Title", Key(channelId)), ct, top: 2)).FirstOrDefault(i => i.Text("ChannelId") == channelId);

    static ChannelReminders Read(ItemFields i) => new(
        i.Text("ChannelId")!, i.Text("TeamId") ?? "", i.Text("ZoneId") ?? "UTC", ReminderJson.Timings(i.Text("Timings") ?? "[]"),
        ReminderJson.Reps(i.Text("Reps") ?? "[]"), i.Text("ConfiguredBy") ?? "", i.Time("ConfiguredAt") ?? DateTimeOffset.MinValue,
        i.Text("Locale") ?? "en-US", (int)(i.Integer("Version") ?? 0));
}
