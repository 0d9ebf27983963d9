namespace TeamsCrm.Bot.Domain.Approvals;

/// <summary>
/// A request that waits for someone's decision (档案审批 and the other approvals of DOMAIN.md): what is asked,
/// by whom, who may decide, and — once decided — who decided, when and why. The approvers are fixed when the
/// request is filed (from the directory); a decision counts only from one of them.
/// </summary>
public sealed record Approval
{
    public required string Id { get; init; }
    public required ApprovalKind Kind { get; init; }
    /// <summary>What it is about: a customer number (C-2026-00042), or a plan's or target's id.</summary>
    public required string Subject { get; init; }
    /// <summary>A name for people to read (the customer's name), so lists need not look the subject up.</summary>
    public required string SubjectName { get; init; }
    public required string RequesterAadObjectId { get; init; }
    public required IReadOnlyList<string> ApproverAadObjectIds { get; init; }
    public ApprovalPayload Payload { get; init; } = new();
    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;
    public string? DecidedByAadObjectId { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? Comment { get; init; }
    /// <summary>Set once the decision's effect (file activated, change applied…) is in the archive.</summary>
    public DateTimeOffset? EffectAppliedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// What makes two filings the same request (e.g. "new:C-2026-00042"): filing it again returns the first
    /// one, so a redelivered or double-clicked request is filed once.
    /// </summary>
    public required string RequestKey { get; init; }
    /// <summary>Every message the request's card was posted as, to update them all when it is decided.</summary>
    public IReadOnlyList<CardCopy> Copies { get; init; } = [];
    /// <summary>
    /// What is still to be done after the decision or cancellation (its effect, the copies, the requester), stored with
    /// it in the same save; null once everything is done (and while the request is pending).
    /// </summary>
    public FinishWork? Finish { get; init; }
    /// <summary>Its deadline, reminder and moves (escalation, delegation, reassignment) while it waits.</summary>
    public ApprovalRouting Routing { get; init; } = new();
    /// <summary>Optimistic concurrency token (SQLite row version, SharePoint eTag); opaque to the domain.</summary>
    public string Version { get; init; } = "";

    public bool IsPending => Status == ApprovalStatus.Pending;
}

public enum ApprovalKind
{
    /// <summary>档案审批: a new customer file, to the rep's direct leader.</summary>
    NewFile,
    /// <summary>档案的修改: to the sales manager, with before → after per field and the reason.</summary>
    Modification,
    /// <summary>档案的删除: to the sales manager, with the reason; then 30 days' retention.</summary>
    Deletion,
    /// <summary>档案的查阅: reading another rep's file, to the sales manager or the GM, for some days.</summary>
    Access,
    /// <summary>Weekly visit plan, to the rep's supervisor.</summary>
    VisitPlan,
    /// <summary>Sales-target change, to the key-account director.</summary>
    TargetChange,
    /// <summary>Raising a visit's level or inviting the customer, to the key-account director.</summary>
    VisitEscalation,
}

public enum ApprovalStatus { Pending, Approved, Rejected, Cancelled }

/// <summary>
/// What the decision would change: field changes (before → after), the reason, the days of an access grant, the
/// escalation asked for. <paramref name="Token"/> says which version of the subject the request covers (a plan's
/// submission): an approval covers what was submitted, not later edits. <paramref name="ChangedMeanwhile"/> is set
/// with the effect of an approval that could not apply because the subject changed while the request waited
/// (a modified field no longer at its "before" value, a plan edited since): the decision stands, nothing changes.
/// </summary>
public sealed record ApprovalPayload(string? Reason = null, IReadOnlyList<FieldChange>? Changes = null, int? GrantDays = null,
    bool ChangedMeanwhile = false, string? Token = null, Escalation? Escalation = null);

/// <summary>A visit escalation (DOMAIN.md, "Visits"): raise the visit's level, or invite the customer to the company, on a day.</summary>
public sealed record Escalation(EscalationKind Kind, DateOnly Day);

public enum EscalationKind
{
    /// <summary>Someone more senior joins the visit (提高拜访级别).</summary>
    RaiseLevel,
    /// <summary>The customer is invited to visit the company (邀请客户来访).</summary>
    InviteCustomer,
}

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// One posted copy of a request's card: where it is, to update it in place. <paramref name="Shared"/>: posted where more
/// than its one reader sees it (an approvals channel), so it carries the request's summary and status only; null for a
/// copy stored before copies were marked (see <c>ApprovalDesk.IsSharedAsync</c>).
/// </summary>
public sealed record CardCopy(string ConversationId, string ActivityId, string ServiceUrl, bool? Shared = null);
