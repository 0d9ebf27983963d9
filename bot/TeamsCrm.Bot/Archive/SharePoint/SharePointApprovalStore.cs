using System.Globalization;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.BotFramework.Caching;
using static TeamsCrm.Bot.Archive.SharePoint.ApprovalFields;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Approval requests in one list, one item each (<see cref="SharePointLists.Approvals"/>), with the semantics of the
/// SQLite store (the contract tests run on both). Filing is made idempotent by the unique RequestKey (409 → the first
/// request); every write carries If-Match with the item's eTag, and a 412 is answered by reading the item again: if
/// its version moved, someone else saved first (<see cref="ApprovalConflictException"/>); if only the eTag moved (a
/// card copy was added), the write is made again. Every query filters on one indexed column.
/// </summary>
sealed class SharePointApprovalStore(SharePointSite site, TimeProvider clock) : IApprovalStore
{
    const int MaxAttempts = 8;
    /// <summary>The memory only saves a read, it is never needed: past this many items the oldest go, and each is kept an hour.</summary>
    public const int MaxRemembered = 10_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    static readonly ListDef Approvals = SharePointLists.Approvals;
    static readonly string Pending = nameof(ApprovalStatus.Pending);

    sealed record Seen(string ItemId, string ETag, Approval Approval);

    /// <summary>
    /// The last item read or written per approval id. A decision usually follows a read of the request (the card
    /// action), so its write can go out at once with that eTag: one round trip. A stale entry costs a 412 and a read.
    /// </summary>
    readonly BoundedCache<string, Seen> _seen = new(MaxRemembered, MaxAge, clock, StringComparer.Ordinal);

    /// <summary>One round trip; a request already on file (409) costs a second, the query on RequestKey.</summary>
    public async Task<Approval> CreateAsync(Approval request, CancellationToken ct = default)
    {
        try
        {
            return Remember(await site.CreateAsync(Approvals, ForCreate(request), ct)).Approval;
        }
        catch (Exception e) when (SharePointSite.Is(e, 409))
        {
            // SharePoint's unique check and its eq both ignore case: prefer the exact key, but whatever refused this one is the one on file.
            var found = await site.QueryAsync(Approvals, ODataFilter.Eq(RequestKey, request.RequestKey), ct, top: 2);
            var first = found.FirstOrDefault(i => i.Text(RequestKey) == request.RequestKey) ?? found.FirstOrDefault()
                ?? throw new InvalidOperationException($"Approval {request.Id} was refused as a duplicate but no request {request.RequestKey} is on file.", e);
            return Remember(first).Approval;
        }
    }

    /// <summary>One round trip: the query on the unique, indexed Title.</summary>
    public async Task<Approval?> GetAsync(string id, CancellationToken ct = default) => (await ReadAsync(id, ct))?.Approval;

    /// <summary>
    /// One round trip when this process read the request at that version (the usual case), else two; each 412 costs a
    /// read more. The version is compared before writing, and If-Match makes sure it still holds while writing.
    /// </summary>
    public async Task<Approval> SaveAsync(Approval updated, CancellationToken ct = default)
    {
        var seen = _seen.TryGetValue(updated.Id, out var s) && s.Approval.Version == updated.Version ? s : null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            seen ??= await ReadAsync(updated.Id, ct) ?? throw new InvalidOperationException($"No approval {updated.Id}.");
            if (seen.Approval.Version != updated.Version) throw new ApprovalConflictException(seen.Approval);
            try
            {
                var next = Saves(seen) + 1;
                return Remember(await site.UpdateAsync(Approvals, seen.ItemId, seen.ETag, ForSave(updated, next), ct)).Approval;
            }
            catch (Exception e) when (SharePointSite.Is(e, 412)) { seen = null; }
        }
        throw Busy(updated.Id);
    }

    /// <summary>
    /// The copies are a JSON array on the request's item: one write (after a read unless this process has just seen the
    /// request), none when the copy is already there. The version is left alone, so a decision on the card still saves.
    /// </summary>
    public async Task AddCopyAsync(string id, CardCopy copy, CancellationToken ct = default)
    {
        _seen.TryGetValue(id, out var seen);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            seen ??= await ReadAsync(id, ct) ?? throw new KeyNotFoundException($"No approval {id}.");
            // Once each, as SQLite's unique (approval, conversation, activity).
            if (seen.Approval.Copies.Any(c => c.ConversationId == copy.ConversationId && c.ActivityId == copy.ActivityId)) return;
            try
            {
                Remember(await site.UpdateAsync(Approvals, seen.ItemId, seen.ETag, ForCopies([.. seen.Approval.Copies, copy]), ct));
                return;
            }
            catch (Exception e) when (SharePointSite.Is(e, 412)) { seen = null; }
        }
        throw Busy(id);
    }

    /// <summary>
    /// One query on the indexed status, Pending; the approvers are checked here. Approvers are a multi-line column (no
    /// index can serve "contains"), and pending requests are few — decided ones leave this query's index range.
    /// </summary>
    public async Task<IReadOnlyList<Approval>> PendingForApproverAsync(string approverAadObjectId, CancellationToken ct = default) =>
        OldestFirst((await QueryAsync(Status, Pending, ct)).Where(i => i.Approval.IsPending &&
            i.Approval.ApproverAadObjectIds.Contains(approverAadObjectId, StringComparer.OrdinalIgnoreCase)));

    /// <summary>One query on the indexed requester; the status is checked here.</summary>
    public async Task<IReadOnlyList<Approval>> OpenForRequesterAsync(string requesterAadObjectId, CancellationToken ct = default) =>
        OldestFirst((await QueryAsync(Requester, requesterAadObjectId, ct)).Where(i => i.Approval.IsPending));

    /// <summary>One query on the indexed status, Pending; the age is checked here (times are kept to the second).</summary>
    public async Task<IReadOnlyList<Approval>> PendingCreatedBeforeAsync(DateTimeOffset before, CancellationToken ct = default) =>
        OldestFirst((await QueryAsync(Status, Pending, ct)).Where(i => i.Approval.IsPending && i.Approval.CreatedAt < before));

    /// <summary>One query on the indexed DecidedAt; cancelled and withdrawn requests are left out in code.</summary>
    public async Task<IReadOnlyList<Approval>> DecidedSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Approvals, ODataFilter.AtOrAfter(ApprovalFields.DecidedAt, since), ct)).Select(Remember)
            .Where(i => i.Approval.Status is ApprovalStatus.Approved or ApprovalStatus.Rejected && i.Approval.DecidedAt >= since)
            .OrderBy(i => i.Approval.DecidedAt).ThenBy(i => ItemNumber(i)).Select(i => i.Approval)];

    /// <summary>One query on the indexed subject; SharePoint's eq ignores case, a customer number is matched exactly.</summary>
    public async Task<IReadOnlyList<Approval>> ForSubjectAsync(string subject, CancellationToken ct = default) =>
        AboutSubject(await site.QueryAsync(Approvals, SubjectFilter(subject), ct), subject);

    internal static string SubjectFilter(string subject) => ODataFilter.Eq(Subject, subject);

    /// <summary>The requests about <paramref name="subject"/> among the items its query answered, newest first (each remembered).</summary>
    internal List<Approval> AboutSubject(IEnumerable<ItemFields> items, string subject) =>
        [.. items.Select(Remember).Where(i => i.Approval.Subject == subject)
            .OrderByDescending(i => i.Approval.CreatedAt).ThenByDescending(i => ItemNumber(i))
            .Select(i => i.Approval)];

    /// <summary>
    /// One query driven by the index on FinishDueAt, which only requests with steps left hold; the exact due time (kept
    /// to the tick in the steps' JSON) is checked here.
    /// </summary>
    public async Task<IReadOnlyList<Approval>> FinishDueAsync(DateTimeOffset now, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Approvals, ODataFilter.AtOrBefore(FinishDueAt, now), ct)).Select(Remember)
            .Where(i => i.Approval.Finish is { } f && f.DueAt <= now)
            .OrderBy(i => i.Approval.Finish!.DueAt).ThenBy(i => ItemNumber(i)).Select(i => i.Approval)];

    /// <summary>By filing time; requests filed in the same second in the order they were filed (item ids only grow).</summary>
    List<Approval> OldestFirst(IEnumerable<Seen> items) =>
        [.. items.OrderBy(i => i.Approval.CreatedAt).ThenBy(i => ItemNumber(i)).Select(i => i.Approval)];

    async Task<List<Seen>> QueryAsync(string column, string value, CancellationToken ct) =>
        [.. (await site.QueryAsync(Approvals, ODataFilter.Eq(column, value), ct)).Select(Remember)];

    /// <summary>The item with this approval id (the Title, unique; eq ignores case, ids are matched exactly).</summary>
    async Task<Seen?> ReadAsync(string id, CancellationToken ct) =>
        (await site.QueryAsync(Approvals, ODataFilter.Eq(Id, id), ct, top: 2)).Where(i => i.Text(Id) == id).Select(Remember).FirstOrDefault();

    Seen Remember(ItemFields item)
    {
        var seen = new Seen(item.Id, item.ETag, Read(item));
        // Never replace what is known with something older: a query's page can be read after a write of this process.
        _seen.AddOrUpdate(seen.Approval.Id, seen, (known, _) => Saves(known) > Saves(seen) ? known : seen);
        return seen;
    }

    static long Saves(Seen s) => long.Parse(s.Approval.Version, CultureInfo.InvariantCulture);

    /// <summary>Item ids are integers that only grow: their order is the order requests were filed.</summary>
    static long ItemNumber(Seen s) => long.Parse(s.ItemId, NumberStyles.None, CultureInfo.InvariantCulture);

    static InvalidOperationException Busy(string id) => new($"Approval {id} kept changing under {MaxAttempts} attempts to write it.");
}
