using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Archive.SharePoint.SampleVisits;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// Graph round trips of saving a visit, counted by the fake, and what a save leaves for the edit forms open meanwhile.
/// "Another instance" is a second archive on the same site: it knows the lists, not the customers (a restart, a second
/// App Service instance).
/// </summary>
public sealed class SharePointVisitRoundTripTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
    FakeSharePoint _sp = null!;
    ICrmArchive _archive = null!;
    Customer _huadong = null!;

    FakeGraphServer Server => _sp.Server;

    public async Task InitializeAsync()
    {
        _sp = await FakeSharePoint.StartAsync();
        _archive = _sp.Archive(_clock);
        _huadong = await _archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", Demo.LiNa.AadObjectId), "create-1");
        Server.ResetCounters();
    }

    public Task DisposeAsync() => _sp.DisposeCheckingQueriesAsync();

    async Task<ICrmArchive> OtherInstanceAsync()
    {
        var other = _sp.Archive(_clock);
        await other.Visits.FollowUpsDueAsync(D("2000-01-01"));   // looks the lists up, as any first call does
        Server.ResetCounters();
        return other;
    }

    [Fact]
    public async Task A_save_visit_turn_opens_the_customer_and_saves_in_two_calls()
    {
        var opened = (await _archive.Customers.GetAsync(_huadong.Number))!;             // the save's access check
        var saved = await _archive.Visits.AddOnceAsync(To(_huadong, "2026-11-18T10:00:00+08:00", followUpOn: D("2026-11-20")));

        Assert.True(saved.Created);
        Assert.Equal(2, Server.Counters.HttpCalls);                                       // the customer's query, one $batch
        Assert.Equal((1L, 2L, 1L), (Server.Counters[RouteKind.Batch], Server.Counters[RouteKind.CreateItem], Server.Counters[RouteKind.UpdateItem]));
        var stored = (await _archive.Customers.GetAsync(_huadong.Number))!;
        Assert.Equal(opened with { LastContactAt = At("2026-11-18T02:00:00Z") }, stored);   // the edit version did not move
        Assert.Single(await _archive.Visits.FollowUpsDueAsync(D("2026-11-20")));
    }

    [Fact]
    public async Task A_save_on_an_instance_that_has_not_seen_the_customer_is_two_calls()
    {
        var other = await OtherInstanceAsync();

        var saved = await other.Visits.AddOnceAsync(To(_huadong, "2026-11-18T10:00:00+08:00", followUpOn: D("2026-11-20")));

        Assert.True(saved.Created);
        Assert.Equal(2, Server.Counters.HttpCalls);                                       // customer + submission looked up together, then the writes
        Assert.Equal(At("2026-11-18T02:00:00Z"), (await _archive.Customers.GetAsync(_huadong.Number))!.LastContactAt);
    }

    [Fact]
    public async Task A_visit_older_than_the_last_contact_is_one_call_and_leaves_the_customer_alone()
    {
        await _archive.Visits.AddOnceAsync(To(_huadong, "2026-11-18T10:00:00+08:00"));
        Server.ResetCounters();

        await _archive.Visits.AddOnceAsync(To(_huadong, "2026-11-10T10:00:00+08:00"));

        Assert.Equal(1, Server.Counters.HttpCalls);
        Assert.Equal(0, Server.Counters[RouteKind.UpdateItem]);
    }

    [Fact]
    public async Task A_redelivered_save_returns_the_first_visit_in_two_calls_cold_and_three_warm()
    {
        var first = To(_huadong, "2026-11-18T10:00:00+08:00", submission: "sub-1", followUpOn: D("2026-11-20"));
        await _archive.Visits.AddOnceAsync(first);
        var other = await OtherInstanceAsync();

        var cold = await other.Visits.AddOnceAsync(first with { Id = "another-id", Notes = "pressed twice" });
        var coldCalls = Server.Counters.HttpCalls;
        Server.ResetCounters();
        var warm = await _archive.Visits.AddOnceAsync(first with { Id = "a-third-id" });

        Assert.Equal((false, first), (cold.Created, cold.Visit));
        Assert.Equal((false, first), (warm.Created, warm.Visit));
        Assert.Equal(2, coldCalls);                                                       // lookup finds it; follow-up written again (409)
        Assert.Equal(3, Server.Counters.HttpCalls);                                       // $batch (409), read it, follow-up again (409)
        Assert.Single(_sp.List(SharePointLists.Visits).Snapshot());
        Assert.Single(_sp.List(SharePointLists.FollowUps).Snapshot());
    }

    [Fact]
    public async Task A_save_cut_short_after_its_visit_item_is_completed_by_its_redelivery()
    {
        var visit = To(_huadong, "2026-11-18T10:00:00+08:00", submission: "died-1", followUpOn: D("2026-11-20"));
        _sp.List(SharePointLists.Visits).Seed([VisitItems.Fields(visit)]);              // the process died after the visit item

        var again = await _archive.Visits.AddOnceAsync(visit with { Id = "redelivered", Notes = "again" });

        Assert.Equal((false, visit), (again.Created, again.Visit));
        Assert.Equal(visit.Id, Assert.Single(await _archive.Visits.FollowUpsDueAsync(D("2026-11-20"))).VisitId);
        Assert.Equal(At("2026-11-18T02:00:00Z"), (await _archive.Customers.GetAsync(_huadong.Number))!.LastContactAt);
    }

    [Fact]
    public async Task An_edit_opened_before_a_visit_logged_on_another_instance_still_saves_and_keeps_the_last_contact()
    {
        var opened = (await _archive.Customers.GetAsync(_huadong.Number))!;
        await (await OtherInstanceAsync()).Visits.AddOnceAsync(To(_huadong, "2026-11-18T10:00:00+08:00"));
        Server.ResetCounters();

        var edited = await _archive.Customers.UpdateAsync(opened with { Industry = "Machinery" }, []);

        Assert.Equal(("Machinery", At("2026-11-18T02:00:00Z"), "2"), (edited.Industry, edited.LastContactAt, edited.Version));
        Assert.Equal([412, 200], Server.Requests.Where(r => r.Kind == RouteKind.UpdateItem).Select(r => r.Status));   // the eTag guarded it
        Assert.Equal(3, Server.Counters.HttpCalls);                                       // 412, read (same edit version), saved
    }

    [Fact]
    public async Task An_edit_opened_before_a_visit_on_the_same_instance_saves_in_one_call()
    {
        var opened = (await _archive.Customers.GetAsync(_huadong.Number))!;
        await _archive.Visits.AddOnceAsync(To(_huadong, "2026-11-18T10:00:00+08:00"));
        Server.ResetCounters();

        var edited = await _archive.Customers.UpdateAsync(opened with { Industry = "Machinery" }, []);

        Assert.Equal(("Machinery", At("2026-11-18T02:00:00Z")), (edited.Industry, edited.LastContactAt));
        Assert.Equal(1, Server.Counters.HttpCalls);                                       // the visit's answer told the archive the new eTag
    }

    [Fact]
    public async Task A_file_written_before_the_edit_version_column_is_version_0_and_saves()
    {
        var old = CustomerFields.ForCreate(_huadong with { Number = "C-2025-00001" });
        old.Remove(CustomerFields.EditVersion);
        _sp.List(SharePointLists.Customers).Seed([old]);

        var opened = (await _archive.Customers.GetAsync("C-2025-00001"))!;
        var saved = await _archive.Customers.UpdateAsync(opened with { Region = "华东" }, []);

        Assert.Equal(("0", "1", "华东"), (opened.Version, saved.Version, saved.Region));
    }
}
