using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// Requests waiting for a decision. Every query filters on one indexed field; every change of a request is
/// guarded by its <see cref="Approval.Version"/>, so that of two approvers answering at once exactly one wins.
/// </summary>
public interface IApprovalStore
{
    /// <summary>
    /// Files <paramref name="request"/> (its <see cref="Approval.Id"/> chosen by the caller) with a fresh version.
    /// A request with the same <see cref="Approval.RequestKey"/> already on file is returned instead: a redelivered
    /// or repeated filing is stored once.
    /// </summary>
    Task<Approval> CreateAsync(Approval request, CancellationToken ct = default);

    /// <summary>The request with its card copies, or null.</summary>
    Task<Approval?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Saves status, decision and effect fields and the steps left (<see cref="Approval.Finish"/>) if the stored version is
    /// still that of <paramref name="updated"/>; otherwise throws <see cref="ApprovalConflictException"/> and changes
    /// nothing. Copies are not saved here.
    /// </summary>
    Task<Approval> SaveAsync(Approval updated, CancellationToken ct = default);

    /// <summary>Remembers a posted copy of the request's card (idempotent); does not change the version.</summary>
    Task AddCopyAsync(string id, CardCopy copy, CancellationToken ct = default);

    /// <summary>Pending requests <paramref name="approverAadObjectId"/> may decide, oldest first.</summary>
    Task<IReadOnlyList<Approval>> PendingForApproverAsync(string approverAadObjectId, CancellationToken ct = default);

    /// <summary>The requester's pending requests, oldest first.</summary>
    Task<IReadOnlyList<Approval>> OpenForRequesterAsync(string requesterAadObjectId, CancellationToken ct = default);

    /// <summary>Every pending request filed before <paramref name="before"/>, oldest first (the daily digest).</summary>
    Task<IReadOnlyList<Approval>> PendingCreatedBeforeAsync(DateTimeOffset before, CancellationToken ct = default);

    /// <summary>Every request about one subject (a customer number), newest first.</summary>
    Task<IReadOnlyList<Approval>> ForSubjectAsync(string subject, CancellationToken ct = default);

    /// <summary>Requests approved or rejected at or after <paramref name="since"/> (the analysis: time to decision), oldest first.</summary>
    Task<IReadOnlyList<Approval>> DecidedSinceAsync(DateTimeOffset since, CancellationToken ct = default);

    /// <summary>
    /// Decided or cancelled requests with steps left whose <see cref="FinishWork.DueAt"/> is at or before
    /// <paramref name="now"/> (a failed run's back-off over, or a claim run out), the longest overdue first. One indexed
    /// look-up: finished requests carry no due time and are not in the index's range.
    /// </summary>
    Task<IReadOnlyList<Approval>> FinishDueAsync(DateTimeOffset now, CancellationToken ct = default);
}

/// <summary>Someone else decided or changed the request first. <see cref="Current"/> is what is stored now.</summary>
public sealed class ApprovalConflictException(Approval current)
    : Exception($"Approval {current.Id} was changed by someone else (now {current.Status}, version {current.Version}).")
{
    public Approval Current { get; } = current;
}
