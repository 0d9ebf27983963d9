using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>Corrections and withdrawals of saved visits: the report, its history, its follow-up and the customer's last contact.</summary>
public abstract partial class VisitLogContract
{
    VisitCorrection CorrectionOf(Visit before, Visit after, string? submission = null, string by = "", string reason = "Wrong result") => new()
    {
        VisitId = before.Id, SubmissionId = submission ?? Guid.NewGuid().ToString("D"), ByAadObjectId = by.Length > 0 ? by : before.RepAadObjectId,
        At = Clock.GetUtcNow(), Reason = reason, Revision = before.Revision,
        Kind = after.IsWithdrawn ? CorrectionKind.Withdrawn : CorrectionKind.Corrected,
        Changes = after.IsWithdrawn ? [] : VisitCorrections.Changes(before, after),
    };

    [Fact]
    public async Task A_correction_changes_the_report_keeps_the_before_and_after_and_moves_the_follow_up()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var logged = (await Log.AddOnceAsync(VisitTo(huadong, "2026-11-17T10:00:00+08:00") with
        {
            Result = VisitResult.NotYet, Reason = UnsuccessfulReason.Price, NextAction = "Send the quote", NextActionDate = D("2026-11-20"),
        })).Visit;
        var typed = logged with { Result = VisitResult.Successful, Reason = null, NextAction = "Send the contract", NextActionDate = D("2026-11-23") };
        var after = VisitCorrections.Corrected(logged, typed);
        var correction = CorrectionOf(logged, after, by: Tom, reason: "Signed after all");

        var done = await Log.CorrectOnceAsync(correction, after);

        Assert.True(done.Created);
        Assert.Equal(1, done.Visit.Revision);
        Assert.Equal(after, await Log.GetAsync(huadong.Number, logged.SubmissionId));
        Assert.Equal(after, Assert.Single(await Log.ForRepAsync(LiNa, D("2026-11-17"), D("2026-11-17"))));
        var history = Assert.Single(await Log.HistoryAsync(huadong.Number, logged.Id));
        Assert.Equal((correction.SubmissionId, CorrectionKind.Corrected, Tom, "Signed after all", correction.At, 0),
            (history.SubmissionId, history.Kind, history.ByAadObjectId, history.Reason, history.At, history.Revision));
        Assert.Equal(
        [
            new VisitFieldChange(VisitFields.Result, "NotYet", "Successful"), new VisitFieldChange(VisitFields.Reason, "Price", null),
            new VisitFieldChange(VisitFields.NextAction, "Send the quote", "Send the contract"),
            new VisitFieldChange(VisitFields.NextActionDate, "2026-11-20", "2026-11-23"),
        ], history.Changes);
        Assert.Empty(await Log.FollowUpsDueAsync(D("2026-11-20")));
        Assert.Equal("Send the contract", Assert.Single(await Log.FollowUpsDueAsync(D("2026-11-23"))).Action);
    }

    [Fact]
    public async Task The_same_correction_again_or_ten_times_at_once_is_one_correction()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var logged = (await Log.AddOnceAsync(VisitTo(huadong, "2026-11-17T10:00:00+08:00"))).Visit;
        var after = VisitCorrections.Corrected(logged, logged with { Notes = "Corrected notes" });
        var correction = CorrectionOf(logged, after);

        var results = await CustomerFilesContract.AllAtOnceAsync(10, _ => Log.CorrectOnceAsync(correction, after));
        var late = await Log.CorrectOnceAsync(correction, after);

        Assert.Single(results, r => r.Created);
        Assert.False(late.Created);
        Assert.Equal(after, late.Visit);
        Assert.Single(await Log.HistoryAsync(huadong.Number, logged.Id));
        Assert.Equal(1, (await Log.GetAsync(huadong.Number, logged.SubmissionId))!.Revision);
    }

    [Fact]
    public async Task A_correction_made_on_an_older_revision_is_refused_and_changes_nothing()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var logged = (await Log.AddOnceAsync(VisitTo(huadong, "2026-11-17T10:00:00+08:00"))).Visit;
        var first = VisitCorrections.Corrected(logged, logged with { Notes = "First" });
        await Log.CorrectOnceAsync(CorrectionOf(logged, first), first);

        var stale = VisitCorrections.Corrected(logged, logged with { Notes = "Second, from the same card" });
        var conflict = await Assert.ThrowsAsync<VisitConflictException>(() => Log.CorrectOnceAsync(CorrectionOf(logged, stale), stale));

        Assert.Equal(first, conflict.Current);
        Assert.Equal(first, await Log.GetAsync(huadong.Number, logged.SubmissionId));
        Assert.Single(await Log.HistoryAsync(huadong.Number, logged.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Log.CorrectOnceAsync(CorrectionOf(logged with { Id = "nope" }, stale with { Id = "nope" }),
            stale with { Id = "nope" }));
    }

    [Fact]
    public async Task A_withdrawn_visit_leaves_every_list_its_follow_up_and_the_last_contact_but_stays_in_its_history()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var earlier = (await Log.AddOnceAsync(VisitTo(huadong, "2026-11-16T10:00:00+08:00"))).Visit;
        var logged = (await Log.AddOnceAsync(VisitTo(huadong, "2026-11-17T10:00:00+08:00") with
        {
            NextAction = "Call back", NextActionDate = D("2026-11-20"),
        })).Visit;
        var withdrawn = VisitCorrections.Withdrawn(logged, Clock.GetUtcNow());

        await Log.CorrectOnceAsync(CorrectionOf(logged, withdrawn, reason: "Logged twice"), withdrawn);

        Assert.Equal([earlier], await Log.ForRepAsync(LiNa, D("2026-11-01"), D("2026-11-30")));
        Assert.Empty(await Log.ForRepsAsync([LiNa, Tom], D("2026-11-17"), D("2026-11-17")));
        Assert.Equal([earlier], await Log.ForRepsAsync([LiNa, Tom], D("2026-11-01"), D("2026-11-30")));
        Assert.Equal([earlier], await Log.ForCustomerAsync(huadong.Number, 10));
        Assert.Empty(await Log.FollowUpsDueAsync(D("2026-11-20")));
        Assert.Equal(earlier.Time, (await Archive.Customers.GetAsync(huadong.Number))!.LastContactAt);
        Assert.Equal(withdrawn, await Log.GetAsync(huadong.Number, logged.SubmissionId));
        Assert.Equal(CorrectionKind.Withdrawn, Assert.Single(await Log.HistoryAsync(huadong.Number, logged.Id)).Kind);

        // The original save redelivered late brings nothing back.
        var again = await Log.AddOnceAsync(logged);
        Assert.False(again.Created);
        Assert.Empty(await Log.FollowUpsDueAsync(D("2026-11-20")));
        Assert.Equal(earlier.Time, (await Archive.Customers.GetAsync(huadong.Number))!.LastContactAt);
    }

    [Fact]
    public async Task The_last_contact_follows_a_corrected_time_both_ways_and_is_none_when_no_visit_is_left()
    {
        var huadong = await CustomerAsync("Huadong Precision");
        var first = (await Log.AddOnceAsync(VisitTo(huadong, "2026-11-16T10:00:00+08:00"))).Visit;
        var second = (await Log.AddOnceAsync(VisitTo(huadong, "2026-11-17T10:00:00+08:00"))).Visit;
        async Task<DateTimeOffset?> LastContact() => (await Archive.Customers.GetAsync(huadong.Number))!.LastContactAt;

        var earlier = VisitCorrections.Corrected(second, second with { Time = DateTimeOffset.Parse("2026-11-15T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture) });
        await Log.CorrectOnceAsync(CorrectionOf(second, earlier), earlier);
        Assert.Equal(first.Time, await LastContact());
        Assert.Equal(new VisitFieldChange(VisitFields.Time, "2026-11-17T10:00:00+08:00", "2026-11-15T10:00:00+08:00"),
            Assert.Single(Assert.Single(await Log.HistoryAsync(huadong.Number, second.Id)).Changes));
        Assert.Equal([earlier], await Log.ForRepAsync(LiNa, D("2026-11-15"), D("2026-11-15")));

        var later = VisitCorrections.Corrected(first, first with { Time = DateTimeOffset.Parse("2026-11-18T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture) });
        await Log.CorrectOnceAsync(CorrectionOf(first, later), later);
        Assert.Equal(later.Time, await LastContact());

        var gone1 = VisitCorrections.Withdrawn(later, Clock.GetUtcNow());
        await Log.CorrectOnceAsync(CorrectionOf(later, gone1), gone1);
        Assert.Equal(earlier.Time, await LastContact());
        var gone2 = VisitCorrections.Withdrawn(earlier, Clock.GetUtcNow());
        await Log.CorrectOnceAsync(CorrectionOf(earlier, gone2), gone2);
        Assert.Null(await LastContact());
    }
}
