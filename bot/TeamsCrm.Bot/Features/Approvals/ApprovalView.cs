using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// A request as its cards show it: the names behind the ids, whom Teams asks for a per-user view, and for a plan the
/// plan as it stands (the approver decides on what they see); the names of everyone its moves involve, and the time it is
/// shown at (for its age and whether it is overdue).
/// </summary>
public sealed record ApprovalView(
    Approval Request,
    string RequesterName,
    IReadOnlyList<string> ApproverNames,
    string? DeciderName,
    IReadOnlyList<string> RefreshTeamsIds,
    TimeZoneInfo Zone,
    VisitPlan? Plan = null,
    IReadOnlyDictionary<string, string>? Names = null,
    DateTimeOffset? Now = null)
{
    public string NameOf(string aadObjectId) => Names?.GetValueOrDefault(aadObjectId) ?? "?";
}
