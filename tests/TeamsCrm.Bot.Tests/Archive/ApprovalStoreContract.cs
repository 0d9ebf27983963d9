using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>What every <see cref="IApprovalStore"/> must do: idempotent filing, exactly one winner, the three lists.</summary>
public abstract class ApprovalStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    protected ICrmArchive Archive { get; private set; } = null!;
    IApprovalStore Store => Archive.Approvals;

    static readonly string Rep = Demo.LiNa.AadObjectId, Leader = Demo.ZhangWei.AadObjectId, Manager = Demo.WangFang.AadObjectId, Gm = Demo.ChenJie.AadObjectId;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    Approval Request(string key, ApprovalKind kind = ApprovalKind.Access, string subject = "C-2026-00001", params string[] approvers) => new()
    {
        Id = Guid.NewGuid().ToString("N"), RequestKey = key, Kind = kind, Subject = subject, SubjectName = "Huadong Precision",
        RequesterAadObjectId = Rep, ApproverAadObjectIds = approvers.Length == 0 ? [Manager, Gm] : approvers,
        Payload = new ApprovalPayload("Covering for Tom", [new FieldChange("phone", "1", "2")], 7), CreatedAt = Clock.GetUtcNow(),
    };

    [Fact]
    public async Task A_request_round_trips_and_filing_it_again_returns_the_first()
    {
        var first = await Store.CreateAsync(Request("access:1"));
        var again = await Store.CreateAsync(Request("access:1") with { SubjectName = "Other" });

        Assert.Equal(first.Id, again.Id);
        var stored = (await Store.GetAsync(first.Id))!;
        Assert.Equal((ApprovalKind.Access, "C-2026-00001", "Huadong Precision", Rep, ApprovalStatus.Pending), (stored.Kind, stored.Subject, stored.SubjectName, stored.RequesterAadObjectId, stored.Status));
        Assert.Equal([Manager, Gm], stored.ApproverAadObjectIds);
        Assert.Equal(("Covering for Tom", 7), (stored.Payload.Reason, stored.Payload.GrantDays));
        Assert.Equal(new FieldChange("phone", "1", "2"), Assert.Single(stored.Payload.Changes!));
        Assert.Equal(Clock.GetUtcNow(), stored.CreatedAt);
        Assert.NotEmpty(stored.Version);
        Assert.Null(await Store.GetAsync("nope"));
    }

    [Fact]
    public async Task A_decision_saves_once_and_a_second_on_the_old_version_conflicts_and_changes_nothing()
    {
        var pending = await Store.CreateAsync(Request("access:2"));
        var approved = await Store.SaveAsync(ApprovalRules.Decide(pending, Manager, Decision.Approve, "ok", Clock.GetUtcNow()));
        Assert.NotEqual(pending.Version, approved.Version);
        Assert.Equal((ApprovalStatus.Approved, Manager, "ok", Clock.GetUtcNow()), (approved.Status, approved.DecidedByAadObjectId, approved.Comment, approved.DecidedAt));

        var late = await Assert.ThrowsAsync<ApprovalConflictException>(() => Store.SaveAsync(ApprovalRules.Decide(pending, Gm, Decision.Reject, "no", Clock.GetUtcNow())));
        Assert.Equal((ApprovalStatus.Approved, Manager), (late.Current.Status, late.Current.DecidedByAadObjectId));
        var stored = (await Store.GetAsync(pending.Id))!;
        Assert.Equal((approved.Version, ApprovalStatus.Approved, "ok"), (stored.Version, stored.Status, stored.Comment));
    }

    [Fact]
    public async Task Of_many_approvers_answering_at_the_same_moment_exactly_one_wins()
    {
        var pending = await Store.CreateAsync(Request("access:3"));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try { return await Store.SaveAsync(ApprovalRules.Decide(pending, i % 2 == 0 ? Manager : Gm, Decision.Approve, $"#{i}", Clock.GetUtcNow())); }
            catch (ApprovalConflictException) { return null; }
        })));
        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Comment, (await Store.GetAsync(pending.Id))!.Comment);
    }

    [Fact]
    public async Task Card_copies_are_kept_in_order_once_each_without_changing_the_version()
    {
        var pending = await Store.CreateAsync(Request("access:4"));
        await Store.AddCopyAsync(pending.Id, new CardCopy("a:chat-1", "act-1", "https://smba/", Shared: false));
        await Store.AddCopyAsync(pending.Id, new CardCopy("19:channel", "act-2", "https://smba/", Shared: true));
        await Store.AddCopyAsync(pending.Id, new CardCopy("a:chat-1", "act-1", "https://smba/", Shared: false));
        await Store.AddCopyAsync(pending.Id, new CardCopy("19:older", "act-3", "https://smba/"));   // stored before copies were marked
        var stored = (await Store.GetAsync(pending.Id))!;
        Assert.Equal(["act-1", "act-2", "act-3"], stored.Copies.Select(c => c.ActivityId));
        Assert.Equal(new bool?[] { false, true, null }, stored.Copies.Select(c => c.Shared));
        Assert.Equal(pending.Version, stored.Version);
    }

    [Fact]
    public async Task The_steps_a_decision_leaves_are_saved_with_it_found_once_due_and_gone_when_done()
    {
        var pending = await Store.CreateAsync(Request("access:7"));
        var untouched = await Store.CreateAsync(Request("access:8", subject: "C-2026-00002"));
        var now = Clock.GetUtcNow();
        var steps = FinishWork.Start("zh-CN", "Asia/Shanghai", tellRequester: true, now).Claim(now, TimeSpan.FromMinutes(2));
        var decided = await Store.SaveAsync(ApprovalRules.Decide(pending, Manager, Decision.Approve, "ok", now) with { Finish = steps });

        var stored = (await Store.GetAsync(pending.Id))!;
        Assert.Equal(("zh-CN", "Asia/Shanghai", true, now.AddMinutes(2), now.AddMinutes(2)),
            (stored.Finish!.Locale, stored.Finish.TimeZone, stored.Finish.TellRequester, stored.Finish.DueAt, stored.Finish.ClaimedUntil));
        Assert.Empty(await Store.FinishDueAsync(now.AddMinutes(2).AddSeconds(-1)));   // claimed: not due before the claim runs out
        Assert.Equal([pending.Id], (await Store.FinishDueAsync(now.AddMinutes(2))).Select(a => a.Id));

        var failed = decided.Finish!.With(["a:chat-1|act-1"], now).Failed(now.AddMinutes(1));
        var retried = await Store.SaveAsync(decided with { Finish = failed });
        var back = (await Store.GetAsync(pending.Id))!.Finish!;
        Assert.Equal(["a:chat-1|act-1"], back.CopiesUpdated);
        Assert.Equal((now, 1, (DateTimeOffset?)null, now.AddMinutes(2)), (back.RequesterToldAt, back.Failures, back.ClaimedUntil, back.DueAt));
        // A claim is taken under the version: of two runs claiming from one read, one wins.
        await Store.SaveAsync(retried with { Finish = retried.Finish!.Claim(now.AddMinutes(3), TimeSpan.FromMinutes(2)) });
        await Assert.ThrowsAsync<ApprovalConflictException>(() => Store.SaveAsync(retried with { Finish = retried.Finish!.Claim(now.AddMinutes(3), TimeSpan.FromMinutes(2)) }));

        var done = await Store.SaveAsync((await Store.GetAsync(pending.Id))! with { Finish = null });
        Assert.Null(done.Finish);
        Assert.Empty(await Store.FinishDueAsync(now.AddDays(1)));
        Assert.Null((await Store.GetAsync(untouched.Id))!.Finish);
    }

    [Fact]
    public async Task Pending_lists_per_approver_per_requester_and_by_age()
    {
        var old = await Store.CreateAsync(Request("new:1", ApprovalKind.NewFile, "C-2026-00001", Leader));
        Clock.Advance(TimeSpan.FromHours(25));
        var access = await Store.CreateAsync(Request("access:5", subject: "C-2026-00002"));
        var done = await Store.CreateAsync(Request("access:6", subject: "C-2026-00003"));
        await Store.SaveAsync(ApprovalRules.Decide(done, Gm, Decision.Approve, null, Clock.GetUtcNow()));

        Assert.Equal([old.Id], (await Store.PendingForApproverAsync(Leader)).Select(a => a.Id));
        Assert.Equal([access.Id], (await Store.PendingForApproverAsync(Gm.ToUpperInvariant())).Select(a => a.Id));
        Assert.Equal([old.Id, access.Id], (await Store.OpenForRequesterAsync(Rep)).Select(a => a.Id));
        Assert.Equal([old.Id], (await Store.PendingCreatedBeforeAsync(Clock.GetUtcNow().AddHours(-24))).Select(a => a.Id));
        Assert.Equal([done.Id], (await Store.ForSubjectAsync("C-2026-00003")).Select(a => a.Id));
    }
}
