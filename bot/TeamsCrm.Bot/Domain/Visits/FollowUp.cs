namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// A next action from a visit report (下一步行动), due to the rep on its day: the personal reminder
/// "follow-ups due today" is sent from these. One per visit at most, known by the visit's id.
/// </summary>
public sealed record FollowUp(
    string VisitId,
    string RepAadObjectId,
    string CustomerNumber,
    string CustomerName,
    DateOnly Due,
    string Action,
    DateTimeOffset CreatedAt)
{
    /// <summary>The follow-up a visit asks for; null when it names no next action with a date.</summary>
    public static FollowUp? Of(Visit v) =>
        v.NextAction is { Length: > 0 } action && v.NextActionDate is { } due
            ? new FollowUp(v.Id, v.RepAadObjectId, v.CustomerNumber, v.CustomerName, due, action, v.CreatedAt)
            : null;
}
