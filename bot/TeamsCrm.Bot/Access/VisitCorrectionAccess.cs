using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Access;

/// <summary>Who may correct or withdraw a saved visit report, and why not.</summary>
public enum CorrectionRight
{
    /// <summary>The rep's own report, within the correction window.</summary>
    Own,
    /// <summary>A leader of the rep: at any time, the rep is told.</summary>
    Leader,
    /// <summary>The rep's own report, but the window is over: a leader of theirs can.</summary>
    TooLate,
    /// <summary>Someone else's report, and not a leader of that rep.</summary>
    NotYours,
    /// <summary>Withdrawn already: it stays in the history as it was.</summary>
    Withdrawn,
}

/// <summary>
/// Decided from the authenticated person and the stored visit — never from ids or values in card data. The leaders of a
/// rep are the ones who see the rep's files in full (<see cref="CustomerAccess.ViewOf"/>): the rep's direct leader, and
/// the sales manager, who leads every rep.
/// </summary>
public static class VisitCorrectionAccess
{
    /// <param name="repLeaderAadObjectId">The rep's direct leader, from the directory.</param>
    /// <param name="window">How long after saving a rep may correct their own report (Visits:CorrectionWindow).</param>
    public static CorrectionRight Of(Person me, Visit visit, string? repLeaderAadObjectId, DateTimeOffset now, TimeSpan window)
    {
        if (visit.IsWithdrawn) return CorrectionRight.Withdrawn;
        var own = Same(me.AadObjectId, visit.RepAadObjectId);
        if (own && now - visit.CreatedAt <= window) return CorrectionRight.Own;
        if (!own && (me.Is(Role.SalesManager) || (me.Is(Role.Supervisor) && Same(me.AadObjectId, repLeaderAadObjectId)))) return CorrectionRight.Leader;
        return own ? CorrectionRight.TooLate : CorrectionRight.NotYours;
    }

    public static bool May(CorrectionRight right) => right is CorrectionRight.Own or CorrectionRight.Leader;

    static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
