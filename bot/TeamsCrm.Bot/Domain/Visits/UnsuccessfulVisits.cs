namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>How often a rep's visits failed for one reason in a month.</summary>
public sealed record ReasonCount(string RepAadObjectId, UnsuccessfulReason Reason, int Count);

/// <summary>
/// The summary the business asked for: unsuccessful visits analysed and classified by reason, per rep and
/// month, so a manager sees "no budget" piling up rather than a list of visits.
/// </summary>
public static class UnsuccessfulVisits
{
    /// <summary>Per rep and reason, for visits whose day (in the rep's logged zone) is in the month; largest counts first per rep.</summary>
    public static IReadOnlyList<ReasonCount> ByRep(YearMonth month, IEnumerable<Visit> visits) =>
        InMonth(month, visits)
            .GroupBy(v => (v.RepAadObjectId, Reason: ReasonOf(v)))
            .Select(g => new ReasonCount(g.Key.RepAadObjectId, g.Key.Reason, g.Count()))
            .OrderBy(r => r.RepAadObjectId, StringComparer.Ordinal).ThenByDescending(r => r.Count).ThenBy(r => r.Reason)
            .ToList();

    /// <summary>The team's counts per reason (reasons that never occurred are left out).</summary>
    public static IReadOnlyDictionary<UnsuccessfulReason, int> Team(YearMonth month, IEnumerable<Visit> visits) =>
        InMonth(month, visits).GroupBy(ReasonOf).ToDictionary(g => g.Key, g => g.Count());

    static IEnumerable<Visit> InMonth(YearMonth month, IEnumerable<Visit> visits) =>
        visits.Where(v => v.Result == VisitResult.NotYet && month.Contains(v.LocalDate));

    // Validation makes the reason required; a record without one (imported, older data) still counts, as Other,
    // so that the totals match the number of unsuccessful visits.
    static UnsuccessfulReason ReasonOf(Visit v) => v.Reason ?? UnsuccessfulReason.Other;
}
