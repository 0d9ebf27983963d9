using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>eTags and 412 races, claims of submissions, and what a failed or abandoned create leaves behind.</summary>
public sealed class SharePointConcurrencyTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    FakeSharePoint _sp = null!;
    ICustomerFiles _files = null!;

    public async Task InitializeAsync()
    {
        _sp = await FakeSharePoint.StartAsync();
        _files = _sp.Archive(_clock).Customers;
    }

    public async Task DisposeAsync() => await _sp.DisposeAsync();

    ChangeRecord Change(Customer c, string field, string? old, string? @new) =>
        new(c.Number, field, old, @new, Demo.ZhangWei.AadObjectId, _clock.GetUtcNow(), null, null);

    Task<Customer> CreateAsync(string name) =>
        _files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, Demo.LiNa.AadObjectId), Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Two_editors_of_different_fields_from_the_same_version_both_keep_their_change()
    {
        var opened = await CreateAsync("Huadong Precision");
        var first = await _files.UpdateAsync(opened with { Region = "华东" }, [Change(opened, "Region", null, "华东")]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        _sp.Server.ResetCounters();

        var second = await _files.UpdateAsync(opened with { Phone = "021 5888 0000", Credit = new Credit(Limit: 500_000m) },
            [Change(opened, "Phone", null, "021 5888 0000"), Change(opened, "Credit.Limit", null, "500000")]);

        Assert.Equal("华东", second.Region);                                   // the first editor's change stays
        Assert.Equal("021 5888 0000", second.Phone);
        Assert.Equal(500_000m, second.Credit.Limit);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second, await _files.GetAsync(opened.Number));
        Assert.Equal(["Phone", "Credit.Limit", "Region"], (await _files.GetFileAsync(opened.Number))!.History.Select(h => h.Field));
        // The archive saw the file move to the next edit version: it read the file once and sent the edit again on it.
        Assert.Equal([200], _sp.Server.Requests.Where(r => r.Kind == RouteKind.UpdateItem).Select(r => r.Status));
        Assert.Equal(1, _sp.Server.Counters[RouteKind.GetItem]);
        Assert.All(_sp.Server.Requests.Where(r => r.Kind == RouteKind.UpdateItem), r => Assert.NotNull(r.IfMatch));
    }

    [Fact]
    public async Task A_stale_edit_that_names_no_fields_is_a_conflict_even_if_it_might_not_clash()
    {
        var opened = await CreateAsync("Huadong Precision");
        var first = await _files.UpdateAsync(opened with { Region = "华东" }, [Change(opened, "Region", null, "华东")]);

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => _files.UpdateAsync(opened with { Industry = "Machinery" }, []));

        Assert.Equal(first, conflict.Current);
    }

    [Fact]
    public async Task Many_editors_of_different_fields_at_once_all_keep_their_change()
    {
        var opened = await CreateAsync("Huadong Precision");
        (string Field, Func<Customer, Customer> Edit, string Value)[] edits =
        [
            ("Region", c => c with { Region = "华东" }, "华东"), ("Industry", c => c with { Industry = "Machinery" }, "Machinery"),
            ("Phone", c => c with { Phone = "021" }, "021"), ("Email", c => c with { Email = "a@b.c" }, "a@b.c"),
            ("Website", c => c with { Website = "https://x" }, "https://x"),
        ];

        await Task.WhenAll(edits.Select(e => Task.Run(() => _files.UpdateAsync(e.Edit(opened), [Change(opened, e.Field, null, e.Value)]))));

        var stored = (await _files.GetFileAsync(opened.Number))!;
        Assert.Equal(("华东", "Machinery", "021", "a@b.c", "https://x"),
            (stored.Customer.Region, stored.Customer.Industry, stored.Customer.Phone, stored.Customer.Email, stored.Customer.Website));
        Assert.Equal(5, stored.History.Count);
    }

    [Fact]
    public async Task A_create_that_fails_at_its_second_contact_leaves_no_item_behind_and_gives_the_number_back()
    {
        var broken = new NewCustomer(CustomerKind.Enterprise, "Half Way Ltd", Demo.LiNa.AadObjectId,
            Contacts: [new("Good Contact", null, null, null, ContactRole.Primary), new(null!, null, null, null, ContactRole.User)]);

        var error = await Assert.ThrowsAnyAsync<Microsoft.Kiota.Abstractions.ApiException>(() => _files.CreateAsync(broken, "half-way"));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("Title", error.Message);                                   // the contact's required name
        foreach (var list in new[] { SharePointLists.Customers, SharePointLists.Contacts, SharePointLists.Submissions })
            Assert.Equal(0, _sp.List(list).Count);
        Assert.Equal(0.0, Assert.Single(_sp.List(SharePointLists.NumberCounters).Snapshot())["LastNumber"]);
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_process_is_taken_over_and_the_file_finished_under_its_number()
    {
        var now = _clock.GetUtcNow();
        _sp.List(SharePointLists.NumberCounters).Seed([new Dictionary<string, object?> { ["Title"] = "2026", ["LastNumber"] = 1 }]);
        _sp.List(SharePointLists.Submissions).Seed([new Dictionary<string, object?>
        {
            ["Title"] = "dead-1", ["CustomerNumber"] = "C-2026-00001", ["ClaimedAt"] = now.AddMinutes(-10),
        }]);
        _sp.List(SharePointLists.Contacts).Seed([new Dictionary<string, object?>
        {
            ["Title"] = "Left Behind", ["CustomerNumber"] = "C-2026-00001", ["Role"] = "User",
        }]);

        var filed = await _files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Resumed Ltd", Demo.LiNa.AadObjectId,
            Contacts: [new("Only Contact", null, null, null, ContactRole.Primary)]), "dead-1");
        var next = await CreateAsync("Next Ltd");

        Assert.Equal("C-2026-00001", filed.Number);
        Assert.Equal(["Only Contact"], (await _files.GetFileAsync(filed.Number))!.Contacts.Select(c => c.Name));
        Assert.Equal("C-2026-00002", next.Number);
        Assert.Equal(filed, await _files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Again", Demo.LiNa.AadObjectId), "dead-1"));
    }

    [Fact]
    public async Task A_fresh_unfinished_claim_is_waited_for_not_taken_over()
    {
        _sp.List(SharePointLists.Submissions).Seed([new Dictionary<string, object?> { ["Title"] = "busy-1", ["ClaimedAt"] = _clock.GetUtcNow() }]);

        var submissions = _sp.List(SharePointLists.Submissions).Id;
        var waiting = _files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Waiting Ltd", Demo.LiNa.AadObjectId), "busy-1");
        // Refused (409), it read the claim, found it fresh, and read it again: it waits for the first delivery.
        await _sp.Server.WhenRequestedAsync(r => r.Kind == RouteKind.QueryItems && r.Path.Contains(submissions, StringComparison.OrdinalIgnoreCase), times: 2)
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(waiting.IsCompleted);
        Assert.DoesNotContain(_sp.Server.Requests, r => r.Kind == RouteKind.UpdateItem);   // not taken over
        // The first delivery finishes: its customer appears and the claim names it.
        var finished = await CreateAsync("First Delivery Ltd");
        var claim = _sp.List(SharePointLists.Submissions).Snapshot().Single(i => (string?)i["Title"] == "busy-1");
        _sp.List(SharePointLists.Submissions).UpdateItem(claim.Id, new() { ["CustomerNumber"] = finished.Number }, null);

        Assert.Equal(finished, await waiting);
    }

    [Fact]
    public async Task Numbers_of_a_new_year_come_from_one_counter_even_when_its_first_creates_race()
    {
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => CreateAsync($"New Year {i}"))));

        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"C-2027-{i:D5}"), created.Select(c => c.Number).Order(StringComparer.Ordinal));
        var counter = Assert.Single(_sp.List(SharePointLists.NumberCounters).Snapshot());
        Assert.Equal(("2027", 8.0), ((string?)counter["Title"], (double?)counter["LastNumber"]));
    }
}
