using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// What the SharePoint archive remembers of items it has seen (to write without reading first) is bounded by count and
/// by age; once forgotten, a write simply reads first again.
/// </summary>
public sealed class SharePointMemoryTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    FakeSharePoint _sp = null!;

    public async Task InitializeAsync() => _sp = await FakeSharePoint.StartAsync();

    public async Task DisposeAsync() => await _sp.DisposeCheckingQueriesAsync();

    static CustomerItem Item(int i, int version = 1) => new($"{i}", $"\"{Guid.Empty},{version}\"", 0, null);

    [Fact]
    public void Customer_items_past_the_capacity_lose_the_oldest_sighting()
    {
        var items = new CustomerItems(_clock);
        for (var i = 0; i <= CustomerItems.MaxRemembered; i++) items.Saw($"C-2026-{i:D5}", Item(i));

        Assert.Null(items.Get("C-2026-00000"));
        Assert.NotNull(items.Get("C-2026-00001"));
        Assert.NotNull(items.Get($"C-2026-{CustomerItems.MaxRemembered:D5}"));
    }

    [Fact]
    public void A_customer_item_is_forgotten_an_hour_after_it_was_last_seen_and_an_older_sighting_does_not_renew_it()
    {
        var items = new CustomerItems(_clock);
        items.Saw("C-2026-00001", Item(1, version: 3));
        _clock.Advance(CustomerItems.MaxAge - TimeSpan.FromMinutes(1));
        items.Saw("C-2026-00001", Item(1, version: 2));   // a slow read answered late: the newer sighting stays, and so does its age
        Assert.Equal("\"00000000-0000-0000-0000-000000000000,3\"", items.Get("C-2026-00001")?.ETag);

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(items.Get("C-2026-00001"));
    }

    [Theory]
    [InlineData(59, new[] { RouteKind.UpdateItem })]
    [InlineData(60, new[] { RouteKind.QueryItems, RouteKind.UpdateItem })]
    public async Task An_approval_seen_an_hour_ago_or_more_is_read_again_before_its_decision_is_written(int minutes, RouteKind[] calls)
    {
        var approvals = _sp.Archive(_clock).Approvals;
        var pending = await approvals.CreateAsync(new Approval
        {
            Id = Guid.NewGuid().ToString("N"), RequestKey = "new:C-2026-00001", Kind = ApprovalKind.NewFile, Subject = "C-2026-00001",
            SubjectName = "Huadong", RequesterAadObjectId = Demo.LiNa.AadObjectId, ApproverAadObjectIds = [Demo.ZhangWei.AadObjectId],
            CreatedAt = _clock.GetUtcNow(),
        });
        Assert.Equal(TimeSpan.FromHours(1), SharePointApprovalStore.MaxAge);
        _clock.Advance(TimeSpan.FromMinutes(minutes));
        _sp.Server.ResetCounters();

        await approvals.SaveAsync(ApprovalRules.Decide(pending, Demo.ZhangWei.AadObjectId, Decision.Approve, null, _clock.GetUtcNow()));

        Assert.Equal(calls, _sp.Server.Requests.Select(r => r.Kind));
    }
}
