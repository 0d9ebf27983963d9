using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// Approvals on SharePoint as two bot instances see them (two archives on one site): If-Match races, a card copy added
/// meanwhile, and the Graph round trips each operation costs.
/// </summary>
public sealed class SharePointApprovalTests : IAsyncLifetime
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    FakeSharePoint _sp = null!;
    IApprovalStore _one = null!, _two = null!;

    public async Task InitializeAsync()
    {
        _sp = await FakeSharePoint.StartAsync();
        (_one, _two) = (_sp.Archive(_clock).Approvals, _sp.Archive(_clock).Approvals);
    }

    public async Task DisposeAsync() => await _sp.DisposeCheckingQueriesAsync();

    Approval Request(string key) => new()
    {
        Id = Guid.NewGuid().ToString("N"), RequestKey = key, Kind = ApprovalKind.NewFile, Subject = "C-2026-00001", SubjectName = "O'Brien & Söhne",
        RequesterAadObjectId = Demo.LiNa.AadObjectId, ApproverAadObjectIds = [Demo.ZhangWei.AadObjectId, Demo.WangFang.AadObjectId],
        CreatedAt = _clock.GetUtcNow(),
    };

    /// <summary>What a reader compares (Approval's lists compare by reference).</summary>
    static string Seen(Approval? a) => a is null ? "none"
        : $"{a.Id} {a.Status} {a.DecidedByAadObjectId} {a.Comment} v{a.Version} [{string.Join(',', a.ApproverAadObjectIds)}] [{string.Join(',', a.Copies)}]";

    IEnumerable<RecordedRequest> ItemRequests(RouteKind kind) => _sp.Server.Requests.Where(r => r.Kind == kind);

    [Fact]
    public async Task Two_instances_saving_from_one_version_give_one_decision_and_the_loser_gets_what_is_stored()
    {
        var pending = await _one.CreateAsync(Request("new:C-2026-00001"));
        var seenByTwo = (await _two.GetAsync(pending.Id))!;
        _sp.Server.ResetCounters();

        var won = await _one.SaveAsync(ApprovalRules.Decide(pending, Demo.ZhangWei.AadObjectId, Decision.Approve, "ok", _clock.GetUtcNow()));
        var lost = await Assert.ThrowsAsync<ApprovalConflictException>(() =>
            _two.SaveAsync(ApprovalRules.Decide(seenByTwo, Demo.WangFang.AadObjectId, Decision.Reject, "no", _clock.GetUtcNow())));

        Assert.Equal(Seen(won), Seen(lost.Current));
        Assert.Equal((ApprovalStatus.Approved, Demo.ZhangWei.AadObjectId, "2"), (lost.Current.Status, lost.Current.DecidedByAadObjectId, lost.Current.Version));
        // Each save went out at once with the eTag its instance had read; the stale one was refused and read again.
        Assert.Equal([200, 412], ItemRequests(RouteKind.UpdateItem).Select(r => r.Status));
        Assert.All(ItemRequests(RouteKind.UpdateItem), r => Assert.NotNull(r.IfMatch));
        Assert.Single(ItemRequests(RouteKind.QueryItems));
        Assert.Equal(Seen(won), Seen(await _two.GetAsync(pending.Id)));
    }

    [Fact]
    public async Task A_card_copy_added_by_another_instance_moves_the_eTag_but_a_decision_on_the_read_version_still_saves()
    {
        var pending = await _one.CreateAsync(Request("new:C-2026-00002"));
        await _two.AddCopyAsync(pending.Id, new CardCopy("a:leader-chat", "act-1", "https://smba/"));
        _sp.Server.ResetCounters();

        var saved = await _one.SaveAsync(ApprovalRules.Decide(pending, Demo.ZhangWei.AadObjectId, Decision.Approve, null, _clock.GetUtcNow()));

        Assert.Equal([412, 200], ItemRequests(RouteKind.UpdateItem).Select(r => r.Status));
        Assert.Equal("2", saved.Version);
        Assert.Equal(["act-1"], saved.Copies.Select(c => c.ActivityId));
        Assert.Equal(ApprovalStatus.Approved, (await _two.GetAsync(pending.Id))!.Status);
    }

    [Fact]
    public async Task Filing_again_answers_409_and_returns_the_first_with_the_user_text_stored_as_typed()
    {
        var first = await _one.CreateAsync(Request("new:C-2026-00003"));
        var again = await _two.CreateAsync(Request("new:C-2026-00003"));

        Assert.Equal(Seen(first), Seen(again));
        Assert.Equal("O'Brien & Söhne", again.SubjectName);
        Assert.Equal([201, 409], ItemRequests(RouteKind.CreateItem).Select(r => r.Status));
        var item = Assert.Single(_sp.List(SharePointLists.Approvals).Snapshot());
        Assert.Equal(($"|{Demo.ZhangWei.AadObjectId}|{Demo.WangFang.AadObjectId}|", "Pending"), ((string?)item["Approvers"], (string?)item["ApprovalStatus"]));
    }

    [Fact]
    public async Task Reading_is_one_round_trip_and_a_decision_after_it_one_more()
    {
        var pending = await _one.CreateAsync(Request("new:C-2026-00004"));
        await _two.GetAsync(pending.Id);   // the list ids are looked up once per instance
        _sp.Server.ResetCounters();

        var read = (await _two.GetAsync(pending.Id))!;
        await _two.SaveAsync(ApprovalRules.Decide(read, Demo.ZhangWei.AadObjectId, Decision.Approve, null, _clock.GetUtcNow()));
        await _two.AddCopyAsync(pending.Id, new CardCopy("a:leader-chat", "act-1", "https://smba/"));
        await _two.AddCopyAsync(pending.Id, new CardCopy("a:leader-chat", "act-1", "https://smba/"));

        Assert.Equal([RouteKind.QueryItems, RouteKind.UpdateItem, RouteKind.UpdateItem], _sp.Server.Requests.Select(r => r.Kind));
    }
}
