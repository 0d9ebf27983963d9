using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Approvals are not on SharePoint lists yet. Rather than lose requests silently, every call says so; the
/// approvals flow then answers with its generic error. Replace with a list-backed store running the same
/// contract suite (tests/…/Archive/ApprovalStoreContract.cs).
/// </summary>
sealed class NoApprovalStore : IApprovalStore
{
    static NotSupportedException Missing() => new("Approvals are not yet stored on SharePoint; use Archive:Provider = Sqlite for approvals.");

    public Task<Approval> CreateAsync(Approval request, CancellationToken ct = default) => throw Missing();
    public Task<Approval?> GetAsync(string id, CancellationToken ct = default) => throw Missing();
    public Task<Approval> SaveAsync(Approval updated, CancellationToken ct = default) => throw Missing();
    public Task AddCopyAsync(string id, CardCopy copy, CancellationToken ct = default) => throw Missing();
    public Task<IReadOnlyList<Approval>> PendingForApproverAsync(string approverAadObjectId, CancellationToken ct = default) => throw Missing();
    public Task<IReadOnlyList<Approval>> OpenForRequesterAsync(string requesterAadObjectId, CancellationToken ct = default) => throw Missing();
    public Task<IReadOnlyList<Approval>> PendingCreatedBeforeAsync(DateTimeOffset before, CancellationToken ct = default) => throw Missing();
    public Task<IReadOnlyList<Approval>> ForSubjectAsync(string subject, CancellationToken ct = default) => throw Missing();
}
