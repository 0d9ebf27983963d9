namespace TeamsCrm.Bot.Domain.Approvals;

/// <summary>
/// How a request travels while it waits: its deadline and the one reminder before it, and every time it moved to someone
/// else (escalated at the deadline, passed to a delegate, reassigned by the sales manager). Stored with the request and
/// saved under its version, so a move and a decision never both count: whichever is saved first wins, the other sees it.
/// </summary>
public sealed record ApprovalRouting(DateTimeOffset? DueAt = null, DateTimeOffset? RemindAt = null, DateTimeOffset? RemindedAt = null,
    IReadOnlyList<ApprovalMove>? Steps = null)
{
    public IReadOnlyList<ApprovalMove> Moves => Steps ?? [];

    public bool IsEscalated => Moves.Any(s => s.Kind == MoveKind.Escalated);

    /// <summary>Whether <paramref name="aadObjectId"/> was brought in by a move (not by the rules at filing).</summary>
    public bool BroughtIn(string aadObjectId) => Moves.Any(s => s.To.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase));

    /// <summary>For whom <paramref name="aadObjectId"/> decides, when they are someone's delegate on this request.</summary>
    public string? OnBehalfOf(string aadObjectId) => Moves.LastOrDefault(s => s.Kind == MoveKind.Delegated
        && s.To.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase))?.From.FirstOrDefault();

    public ApprovalRouting With(ApprovalMove step) => this with { Steps = [.. Moves, step] };
}

/// <summary>
/// One move: from whom (the approvers it left, empty when they stay on it) to whom, by whom (null: the app itself, at a
/// deadline or an away message), when, and why in a word.
/// </summary>
public sealed record ApprovalMove(MoveKind Kind, IReadOnlyList<string> From, IReadOnlyList<string> To, string? By, DateTimeOffset At);

public enum MoveKind
{
    /// <summary>The deadline passed (or the approver is away): the escalation target joins; the first decision still wins.</summary>
    Escalated,
    /// <summary>The approver is away and named a delegate, who decides on their behalf instead of them.</summary>
    Delegated,
    /// <summary>The sales manager gave the request to another approver instead of those it had.</summary>
    Reassigned,
    /// <summary>The approver's mailbox says they are away: escalated at once rather than at the deadline.</summary>
    Away,
}
