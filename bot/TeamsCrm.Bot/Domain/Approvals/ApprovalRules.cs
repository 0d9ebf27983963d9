using TeamsCrm.Bot.Directory;

namespace TeamsCrm.Bot.Domain.Approvals;

/// <summary>
/// Who approves what (DOMAIN.md, "Roles" and "Archive rules"), and who may decide or cancel a request. Every
/// answer comes from the directory and the authenticated person — never from ids a card carried.
/// </summary>
public static class ApprovalRules
{
    /// <summary>Days an access grant lasts unless the requester asks otherwise.</summary>
    public const int DefaultGrantDays = 7;
    public const int MaxGrantDays = 90;

    /// <summary>
    /// The people who may decide a request of <paramref name="kind"/> filed by <paramref name="requesterAadObjectId"/>,
    /// never the requester (nobody approves their own request). Empty: nobody can, and the requester and the
    /// admins must hear so.
    /// </summary>
    public static async Task<IReadOnlyList<Person>> ApproversAsync(ApprovalKind kind, string requesterAadObjectId, IDirectory directory,
        CancellationToken ct = default)
    {
        var found = new List<Person>();
        switch (kind)
        {
            case ApprovalKind.NewFile or ApprovalKind.VisitPlan:   // the direct leader / supervisor
                if (await directory.ManagerOfAsync(requesterAadObjectId, ct) is { } leader) found.Add(leader);
                break;
            case ApprovalKind.Modification or ApprovalKind.Deletion:
                found.AddRange(await directory.WithRoleAsync(Role.SalesManager, ct));
                break;
            case ApprovalKind.Access:   // either may answer; the first answer wins
                found.AddRange(await directory.WithRoleAsync(Role.SalesManager, ct));
                found.AddRange(await directory.WithRoleAsync(Role.GeneralManager, ct));
                break;
            case ApprovalKind.TargetChange or ApprovalKind.VisitEscalation:
                found.AddRange(await directory.WithRoleAsync(Role.KeyAccountDirector, ct));
                // The director's own target change: nobody approves their own request, so it goes up to the general manager.
                if (kind == ApprovalKind.TargetChange && found.All(p => Same(p.AadObjectId, requesterAadObjectId)))
                    found.AddRange(await directory.WithRoleAsync(Role.GeneralManager, ct));
                break;
        }
        return found.Where(p => !Same(p.AadObjectId, requesterAadObjectId))
            .DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static bool IsApprover(Approval a, string aadObjectId) =>
        !Same(aadObjectId, a.RequesterAadObjectId) && a.ApproverAadObjectIds.Any(id => Same(id, aadObjectId));

    /// <summary>Why <paramref name="aadObjectId"/> may not decide <paramref name="a"/> now, or null when they may.</summary>
    public static DecisionRefusal? CheckDecide(Approval a, string aadObjectId, Decision decision, string? comment)
    {
        if (Same(aadObjectId, a.RequesterAadObjectId)) return DecisionRefusal.OwnRequest;
        if (!IsApprover(a, aadObjectId)) return DecisionRefusal.NotAnApprover;
        if (!a.IsPending) return DecisionRefusal.AlreadyDecided;
        if (decision == Decision.Reject && string.IsNullOrWhiteSpace(comment)) return DecisionRefusal.CommentRequired;
        return null;
    }

    /// <summary>
    /// Whether <paramref name="aadObjectId"/>, named an approver when the request was filed, still is one by the directory as
    /// it is now: someone who lost the role (no longer a sales manager, no longer the requester's direct leader…) or who
    /// left the directory can no longer decide. Null when they still may.
    /// </summary>
    public static async Task<DecisionRefusal?> CheckStillApproverAsync(Approval a, string aadObjectId, IDirectory directory, CancellationToken ct = default)
    {
        if (await directory.FindAsync(aadObjectId, ct) is null) return DecisionRefusal.LeftDirectory;
        // Brought in by a move (the escalation target, a delegate, a reassignment): the move decided it, not the rules.
        if (a.Routing.BroughtIn(aadObjectId)) return null;
        var approvers = await ApproversAsync(a.Kind, a.RequesterAadObjectId, directory, ct);
        return approvers.Any(p => Same(p.AadObjectId, aadObjectId)) ? null : DecisionRefusal.NoLongerApprover;
    }

    /// <summary>The request's details are for its requester and the approvers who still are; everyone else sees its summary.</summary>
    public static async Task<bool> MaySeeDetailsAsync(Approval a, string aadObjectId, IDirectory directory, CancellationToken ct = default) =>
        Same(aadObjectId, a.RequesterAadObjectId)
        || (IsApprover(a, aadObjectId) && await CheckStillApproverAsync(a, aadObjectId, directory, ct) is null);

    /// <summary>The request decided; the caller stores it guarded by its version, so that only the first answer wins.</summary>
    public static Approval Decide(Approval a, string byAadObjectId, Decision decision, string? comment, DateTimeOffset now) => a with
    {
        Status = decision == Decision.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected,
        DecidedByAadObjectId = byAadObjectId,
        DecidedAt = now,
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
    };

    /// <summary>Only the requester cancels, and only while the request is pending.</summary>
    public static bool MayCancel(Approval a, string aadObjectId) => a.IsPending && Same(aadObjectId, a.RequesterAadObjectId);

    public static Approval Cancel(Approval a, DateTimeOffset now) =>
        a with { Status = ApprovalStatus.Cancelled, DecidedByAadObjectId = a.RequesterAadObjectId, DecidedAt = now };

    /// <summary>
    /// The roles whose holders may be given a request of <paramref name="kind"/> by a move (a delegation, a reassignment): the
    /// role that decides it by the rules, and the one above it.
    /// </summary>
    public static IReadOnlyList<Role> EligibleRoles(ApprovalKind kind) => kind switch
    {
        ApprovalKind.NewFile or ApprovalKind.VisitPlan => [Role.Supervisor, Role.SalesManager],
        ApprovalKind.Modification or ApprovalKind.Deletion or ApprovalKind.Access => [Role.SalesManager, Role.GeneralManager],
        _ => [Role.KeyAccountDirector, Role.GeneralManager],
    };

    /// <summary>The kinds of request a person decides by their roles (what a delegate of theirs must be able to decide).</summary>
    public static IReadOnlyList<ApprovalKind> KindsDecidedBy(Person p) => [.. Enum.GetValues<ApprovalKind>().Where(kind =>
        kind switch
        {
            ApprovalKind.NewFile or ApprovalKind.VisitPlan => p.Is(Role.Supervisor),
            ApprovalKind.Modification or ApprovalKind.Deletion => p.Is(Role.SalesManager),
            ApprovalKind.Access => p.Is(Role.SalesManager) || p.Is(Role.GeneralManager),
            _ => p.Is(Role.KeyAccountDirector),
        })];

    /// <summary>Whether <paramref name="p"/> may be given a request of <paramref name="kind"/> by a move.</summary>
    public static bool MayBeGiven(Person p, ApprovalKind kind) => EligibleRoles(kind).Any(p.Is);

    /// <summary>Pending for longer than a day: listed for the daily digest.</summary>
    public static bool IsOverdue(Approval a, DateTimeOffset now) => a.IsPending && now - a.CreatedAt > TimeSpan.FromHours(24);

    static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

public enum Decision { Approve, Reject }

public enum DecisionRefusal
{
    OwnRequest, NotAnApprover, AlreadyDecided, CommentRequired,
    /// <summary>Named an approver when the request was filed, but no longer holds the role that decides it.</summary>
    NoLongerApprover,
    /// <summary>Named an approver when the request was filed, but no longer in the directory at all.</summary>
    LeftDirectory,
}
