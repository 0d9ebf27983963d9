using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Archive.SharePoint.SampleVisits;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>Visits and plans under 429 storms and races: what SharePoint does to a busy archive.</summary>
public sealed class SharePointVisitRaceTests
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));

    static Task<Customer> CustomerAsync(ICrmArchive archive, string name) =>
        archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, Demo.LiNa.AadObjectId), Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_429_storm_during_saves_and_redeliveries_stores_each_visit_and_follow_up_once()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var archive = sp.Archive(_clock);
        var huadong = await CustomerAsync(archive, "Huadong Precision");
        var visits = Enumerable.Range(1, 8).Select(i => To(huadong, $"2026-11-{10 + i}T10:00:00+08:00", followUpOn: D("2026-11-25"))).ToList();
        sp.Server.StartStorm(every: 3, retryAfterSeconds: 1);

        foreach (var v in visits) await archive.Visits.AddOnceAsync(v);
        var again = await sp.Archive(_clock).Visits.AddOnceAsync(visits[3] with { Id = "redelivered" });   // another instance, cold
        var month = await archive.Visits.ForRepAsync(Demo.LiNa.AadObjectId, D("2026-11-01"), D("2026-11-30"));
        sp.Server.StopStorm();

        Assert.True(sp.Server.Counters.Throttled >= 4, sp.Server.Counters.ToString());
        Assert.Contains(sp.Server.Requests, r => r.InBatch && r.Status == 429);
        Assert.Equal((false, visits[3]), (again.Created, again.Visit));
        Assert.Equal(visits, month);
        Assert.Equal(visits.Select(v => v.Id).Order(StringComparer.Ordinal),
            (await archive.Visits.FollowUpsDueAsync(D("2026-11-25"))).Select(f => f.VisitId).Order(StringComparer.Ordinal));
        Assert.Equal(At("2026-11-18T02:00:00Z"), (await archive.Customers.GetAsync(huadong.Number))!.LastContactAt);
        Assert.Equal("1", (await archive.Customers.GetAsync(huadong.Number))!.Version);
        sp.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task Visits_to_one_customer_from_many_reps_at_once_leave_the_latest_as_last_contact()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var archive = sp.Archive(_clock);
        var huadong = await CustomerAsync(archive, "Huadong Precision");
        var visits = Enumerable.Range(1, 8).Select(i => To(huadong, $"2026-11-{10 + i}T10:00:00+08:00", rep: $"rep-{i}")).ToList();

        // Each on its own instance: every LastContactAt write after the first meets a newer eTag (412) and reads again.
        await CustomerFilesContract.AllAtOnceAsync(visits.Count, i => sp.Archive(_clock).Visits.AddOnceAsync(visits[i]));

        Assert.Equal(At("2026-11-18T02:00:00Z"), (await archive.Customers.GetAsync(huadong.Number))!.LastContactAt);
        Assert.Equal(8, sp.List(SharePointLists.Visits).Count);
    }

    [Fact]
    public async Task Two_saves_of_a_plan_from_one_version_let_one_win_and_show_the_other_the_winner()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var log = sp.Archive(_clock).Visits;
        var week = new IsoWeek(2026, 47);
        var first = await log.SavePlanAsync(new VisitPlan
        {
            Id = "plan-1", RepAadObjectId = Demo.LiNa.AadObjectId, Week = week,
            Items = [new VisitPlanItem("i1", "C-2026-00001", CustomerCategory.Regular, VisitPurpose.Demo, D("2026-11-17"))],
        });
        sp.Server.Latency = TimeSpan.FromMilliseconds(50);   // both read the plan before either writes it

        var outcomes = await CustomerFilesContract.AllAtOnceAsync(2, async i =>
        {
            try { return (Saved: await log.SavePlanAsync(first with { Status = i == 0 ? VisitPlanStatus.Submitted : VisitPlanStatus.Draft, SubmissionId = $"s{i}" }), Conflict: (PlanConflictException?)null); }
            catch (PlanConflictException e) { return (Saved: (VisitPlan?)null, Conflict: e); }
        });

        var won = Assert.Single(outcomes, o => o.Saved is not null).Saved!;
        var lost = Assert.Single(outcomes, o => o.Conflict is not null).Conflict!;
        var stored = (await log.PlanAsync(Demo.LiNa.AadObjectId, week))!;
        Assert.Equal((won.Version, won.Status, won.SubmissionId), (lost.Current.Version, lost.Current.Status, lost.Current.SubmissionId));
        Assert.Equal(won with { Items = stored.Items }, stored);
        Assert.Equal(first.Items, stored.Items);
        // Usually both read before either writes and If-Match decides (200, 412); if one reads late, its version check does.
        Assert.All(sp.Server.Requests.Where(r => r.Kind == RouteKind.UpdateItem), r => Assert.NotNull(r.IfMatch));
    }

    [Fact]
    public async Task A_plan_write_refused_with_412_is_a_conflict_showing_the_stored_plan()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var log = sp.Archive(_clock).Visits;
        var first = await log.SavePlanAsync(new VisitPlan { Id = "plan-1", RepAadObjectId = Demo.LiNa.AadObjectId, Week = new IsoWeek(2026, 47) });
        sp.Server.FailNext(412, only: RouteKind.UpdateItem);   // someone wrote it between this save's read and its write

        var conflict = await Assert.ThrowsAsync<PlanConflictException>(() => log.SavePlanAsync(first with { Status = VisitPlanStatus.Submitted }));

        Assert.Equal((first.Version, VisitPlanStatus.Draft), (conflict.Current.Version, conflict.Current.Status));
    }
}
