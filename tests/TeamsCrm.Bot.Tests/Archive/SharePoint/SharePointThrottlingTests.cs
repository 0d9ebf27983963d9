using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// SharePoint throttles with 429 (or 503) and Retry-After. Top-level requests are retried by the SDK's retry handler;
/// $batch steps answer on their own inside a 200 envelope and are retried by the archive.
/// </summary>
public sealed class SharePointThrottlingTests
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    static NewCustomer Draft(string name, int contacts = 0) => new(CustomerKind.Enterprise, name, Demo.LiNa.AadObjectId, Phone: "021 5888 0000",
        Contacts: [.. Enumerable.Range(1, contacts).Select(i => new NewContact($"Contact {i}", null, null, null, ContactRole.User))]);

    [Fact]
    public async Task A_429_storm_during_create_update_find_and_the_card_still_succeeds()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var files = sp.Archive(_clock).Customers;
        sp.Server.StartStorm(every: 3, retryAfterSeconds: 1);

        var created = await files.CreateAsync(Draft("Storm Trading", contacts: 3), "storm-1");
        var saved = await files.UpdateAsync(created with { Region = "华东" },
            [new ChangeRecord(created.Number, "Region", null, "华东", Demo.ZhangWei.AadObjectId, _clock.GetUtcNow(), null, null)]);
        var byName = await files.FindByNamePrefixAsync("storm", 10);
        var byPhone = await files.FindByPhoneAsync("02158880000");
        var byNumber = await files.GetAsync(created.Number);
        var file = await files.GetFileAsync(created.Number);
        sp.Server.StopStorm();

        Assert.True(sp.Server.Counters.Throttled >= 4, sp.Server.Counters.ToString());
        Assert.Contains(sp.Server.Requests, r => r.InBatch && r.Status == 429);    // steps inside a batch were throttled too…
        Assert.Equal("C-2026-00001", created.Number);
        Assert.Equal([saved], byName);
        Assert.Equal([saved], byPhone);
        Assert.Equal(saved, byNumber);
        Assert.Equal(["Contact 1", "Contact 2", "Contact 3"], file!.Contacts.Select(c => c.Name));   // …and sent again, in order
        Assert.Equal(["华东"], file.History.Select(h => h.NewValue));
        Assert.Single(sp.List(SharePointLists.Customers).Snapshot());
        Assert.Equal(3, sp.List(SharePointLists.Contacts).Count);
        sp.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task Throttled_steps_of_a_card_batch_are_sent_again_after_Retry_After_and_only_they()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var files = sp.Archive(_clock).Customers;
        var created = await files.CreateAsync(Draft("Batch Retry Ltd", contacts: 2), "batch-1");
        sp.Server.ResetCounters();
        sp.Server.ThrottleNext(2, retryAfterSeconds: 1, only: RouteKind.QueryItems);

        var started = DateTime.UtcNow;
        var file = await files.GetFileAsync(created.Number);

        Assert.Equal(2, file!.Contacts.Count);
        Assert.Equal(2, sp.Server.Counters.HttpCalls);                           // the batch, then a batch of the two throttled steps
        Assert.Equal(6, sp.Server.Counters[RouteKind.QueryItems]);               // 4 steps + 2 sent again
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "Retry-After was not honoured");
    }

    [Fact]
    public async Task A_503_outage_on_a_top_level_call_is_retried_by_the_SDK()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var files = sp.Archive(_clock).Customers;
        var created = await files.CreateAsync(Draft("Outage Ltd"), "outage-1");
        sp.Server.FailNext(503, count: 2, retryAfterSeconds: 1);

        Assert.Equal(created, await files.GetAsync(created.Number));
        Assert.Equal(2, sp.Server.Counters.Failed);
    }

    [Fact]
    public async Task Throttled_writes_of_an_update_batch_are_sent_again_in_order()
    {
        await using var sp = await FakeSharePoint.StartAsync();
        var files = sp.Archive(_clock).Customers;
        var created = await files.CreateAsync(Draft("Ordered Ltd"), "ordered-1");
        ChangeRecord[] changes = [.. Enumerable.Range(1, 25).Select(i =>
            new ChangeRecord(created.Number, $"Note {i}", null, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Demo.ZhangWei.AadObjectId, _clock.GetUtcNow(), null, null))];
        sp.Server.ThrottleNext(3, retryAfterSeconds: 1, only: RouteKind.CreateItem);

        await files.UpdateAsync(created with { Region = "华南" }, changes);

        var history = (await files.GetFileAsync(created.Number))!.History;
        Assert.Equal(changes, history);                                          // 25 records: two batches, order kept
        Assert.Equal(3, sp.Server.Requests.Count(r => r.InBatch && r.Status == 429));
    }
}
