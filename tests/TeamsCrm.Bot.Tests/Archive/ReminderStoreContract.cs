using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>What every <see cref="IReminderStore"/> and <see cref="IMarketReports"/> must do, SQLite and SharePoint alike.</summary>
public abstract class ReminderStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
    ICrmArchive Archive { get; set; } = null!;
    IReminderStore Store => Archive.Reminders;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();
    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    const string Key = "19:reminders@thread.tacv2|WeeklyPlan|2026-11-23T01:00Z";

    ChannelReminders Settings(string channel = "19:reminders@thread.tacv2") =>
        ChannelReminders.Defaults(channel, "19:team@thread.tacv2", "Asia/Shanghai", "wang-fang", Clock.GetUtcNow(), "zh-CN") with { Reps = ["a", "b"] };

    [Fact]
    public async Task Settings_round_trip_and_a_stale_version_changes_nothing()
    {
        Assert.Null(await Store.GetChannelAsync("19:reminders@thread.tacv2"));
        var saved = await Store.SaveChannelAsync(Settings());
        Assert.Equal(1, saved.Version);
        var read = await Store.GetChannelAsync(saved.ChannelId);
        Assert.Equal(saved with { Timings = [], Reps = [] }, read! with { Timings = [], Reps = [] });
        Assert.Equal(saved.Timings, read.Timings);
        Assert.Equal(["a", "b"], read.Reps);

        var off = saved with { Timings = [.. saved.Timings.Select(t => t with { Enabled = false })] };
        var second = await Store.SaveChannelAsync(off);
        Assert.Equal(2, second.Version);
        var stale = await Assert.ThrowsAsync<RemindersConflictException>(() => Store.SaveChannelAsync(saved with { ZoneId = "Europe/Berlin" }));
        Assert.Equal(2, stale.Current.Version);
        await Assert.ThrowsAsync<RemindersConflictException>(() => Store.SaveChannelAsync(Settings()));   // a second "first" save
        Assert.Equal("Asia/Shanghai", (await Store.GetChannelAsync(saved.ChannelId))!.ZoneId);
        Assert.Empty(await Store.ActiveChannelsAsync());   // every reminder off

        await Store.SaveChannelAsync(Settings("19:other@thread.tacv2"));
        Assert.Equal(["19:other@thread.tacv2"], (await Store.ActiveChannelsAsync()).Select(s => s.ChannelId));
    }

    [Fact]
    public async Task An_occurrence_is_claimed_once_even_when_asked_at_once()
    {
        var now = Clock.GetUtcNow();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Store.TryClaimAsync(Key, "instance-" + i, now, Lease))));
        Assert.Single(answers, a => a == ClaimResult.Claimed);
        Assert.All(answers.Where(a => a != ClaimResult.Claimed), a => Assert.Equal(ClaimResult.Held, a));

        await Store.CompleteAsync(Key, now);
        Assert.Equal(ClaimResult.Done, await Store.TryClaimAsync(Key, "late", now + TimeSpan.FromHours(1), Lease));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_once_and_its_sends_are_remembered()
    {
        var now = Clock.GetUtcNow();
        Assert.Equal(ClaimResult.Claimed, await Store.TryClaimAsync(Key, "crashed", now, Lease));
        await Store.RecordSentAsync(Key, "a", now);
        await Store.RecordSentAsync(Key, "a", now);   // recorded twice: once
        Assert.Equal(ClaimResult.Held, await Store.TryClaimAsync(Key, "other", now + Lease - TimeSpan.FromSeconds(1), Lease));

        var later = now + Lease + TimeSpan.FromSeconds(1);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Store.TryClaimAsync(Key, "resumer-" + i, later, Lease))));
        Assert.Single(answers, a => a == ClaimResult.Claimed);
        Assert.Equal(["a"], await Store.SentToAsync(Key));
        Assert.Empty(await Store.SentToAsync("another|key"));
    }

    [Fact]
    public async Task A_renewed_claim_is_kept_and_a_lost_one_cannot_be_renewed()
    {
        var now = Clock.GetUtcNow();
        Assert.Equal(ClaimResult.Claimed, await Store.TryClaimAsync(Key, "long-run", now, Lease));
        Assert.True(await Store.RenewAsync(Key, "long-run", now + Lease + Lease));
        Assert.False(await Store.RenewAsync(Key, "someone-else", now + Lease + Lease));

        Assert.Equal(ClaimResult.Held, await Store.TryClaimAsync(Key, "other", now + Lease + TimeSpan.FromSeconds(1), Lease));   // still running
        Assert.Equal(ClaimResult.Claimed, await Store.TryClaimAsync(Key, "other", now + Lease + Lease, Lease));   // renewals stopped: resumed
        Assert.False(await Store.RenewAsync(Key, "long-run", now + Lease * 3));
        await Store.CompleteAsync(Key, now + Lease * 2);
        Assert.False(await Store.RenewAsync(Key, "other", now + Lease * 3));
    }

    [Fact]
    public async Task A_skipped_occurrence_is_recorded_once_and_never_claimed()
    {
        Assert.True(await Store.TrySkipAsync(Key, Clock.GetUtcNow()));
        Assert.False(await Store.TrySkipAsync(Key, Clock.GetUtcNow()));
        Assert.Equal(ClaimResult.Done, await Store.TryClaimAsync(Key, "x", Clock.GetUtcNow(), Lease));
    }

    [Fact]
    public async Task A_report_keeps_its_first_submission_and_lateness_when_corrected()
    {
        var month = new YearMonth(2026, 10);
        var first = new MarketReport("7a1c0000-0000-4000-8000-000000000011", month, "Summary 总结", "Forecast", "Problems", "Solutions",
            Whole(Clock.GetUtcNow()), Whole(Clock.GetUtcNow()), Late: true);
        Assert.Equal(first, await Archive.Reports.SubmitAsync(first));

        var later = Whole(Clock.GetUtcNow().AddDays(1));
        var corrected = await Archive.Reports.SubmitAsync(first with { Summary = "Better", SubmittedAt = later, UpdatedAt = later, Late = false });
        Assert.Equal(first with { Summary = "Better", UpdatedAt = later }, corrected);
        Assert.Equal(corrected, await Archive.Reports.GetAsync(first.RepAadObjectId.ToUpperInvariant(), month));
        Assert.Null(await Archive.Reports.GetAsync(first.RepAadObjectId, new YearMonth(2026, 9)));

        var other = first with { RepAadObjectId = "7a1c0000-0000-4000-8000-000000000012", Late = false };
        await Archive.Reports.SubmitAsync(other);
        await Archive.Reports.SubmitAsync(first with { Month = new YearMonth(2026, 11) });
        Assert.Equal([corrected, other], await Archive.Reports.ForMonthAsync(month));
    }

    [Fact]
    public async Task A_snooze_is_one_per_person_and_kind_found_when_due_and_ended_only_as_it_was()
    {
        var now = Whole(Clock.GetUtcNow());
        var first = new ReminderSnooze("7A1C0000-0000-4000-8000-000000000021", ReminderKind.ApprovalDigest, now.AddMinutes(-5), now.AddHours(1));
        await Store.SnoozeAsync(first);
        await Store.SnoozeAsync(first with { Kind = ReminderKind.FollowUps, DueAt = now.AddHours(3) });
        Assert.Empty(await Store.SnoozesDueAsync(now.AddMinutes(59)));
        var due = Assert.Single(await Store.SnoozesDueAsync(now.AddHours(1)));
        Assert.Equal((ReminderKind.ApprovalDigest, first.Occurrence, first.DueAt), (due.Kind, due.Occurrence, due.DueAt));
        Assert.Equal(first.Recipient, due.Recipient, StringComparer.OrdinalIgnoreCase);

        // Pressed again before it came back: the later press replaces it, and ending the earlier one leaves the later.
        var again = first with { DueAt = now.AddHours(2) };
        await Store.SnoozeAsync(again);
        await Store.EndSnoozeAsync(first);
        Assert.Equal([again.DueAt, now.AddHours(3)], (await Store.SnoozesDueAsync(now.AddDays(1))).Select(s => s.DueAt));
        await Store.EndSnoozeAsync(due with { DueAt = again.DueAt });
        Assert.Equal([ReminderKind.FollowUps], (await Store.SnoozesDueAsync(now.AddDays(1))).Select(s => s.Kind));
    }

    /// <summary>SharePoint keeps times to the second.</summary>
    static DateTimeOffset Whole(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
