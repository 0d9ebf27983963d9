using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>A request as its cards show it: the names behind the ids, and whom Teams asks for a per-user view.</summary>
public sealed record ApprovalView(
    Approval Request,
    string RequesterName,
    IReadOnlyList<string> ApproverNames,
    string? DeciderName,
    IReadOnlyList<string> RefreshTeamsIds,
    TimeZoneInfo Zone);
