namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>What a correction did to a visit report: changed fields, or withdrew the whole report.</summary>
public enum CorrectionKind { Corrected, Withdrawn }

/// <summary>
/// One field of a report before and after a correction, in the stored, language-free form (enum names, ISO dates, the
/// visit time with its zone's offset, amounts as invariant text), so that the history reads the same in any language
/// and can be shown in the reader's.
/// </summary>
/// <param name="Field">A <see cref="VisitFields"/> name.</param>
public sealed record VisitFieldChange(string Field, string? Before, string? After);

/// <summary>
/// A correction or withdrawal of a saved visit report (更正 / 撤回), kept in the visit's history for good: who, why,
/// when, and every field's before → after.
/// </summary>
public sealed record VisitCorrection
{
    public required string VisitId { get; init; }
    /// <summary>The correction card's submission: the same id again (a double press, a redelivered invoke) is this one correction.</summary>
    public required string SubmissionId { get; init; }
    public CorrectionKind Kind { get; init; }
    /// <summary>The authenticated person who made it: the rep, or after the window a leader of the rep.</summary>
    public required string ByAadObjectId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Reason { get; init; }
    /// <summary>The <see cref="Visit.Revision"/> it was made on; the visit is at Revision + 1 afterwards.</summary>
    public int Revision { get; init; }
    /// <summary>Empty for a withdrawal: the kind says it all and the report stays as it was.</summary>
    public IReadOnlyList<VisitFieldChange> Changes { get; init; } = [];

    /// <summary>
    /// The time this visit no longer stands for after the correction (its old time when the time moved, its time when it
    /// was withdrawn): if the customer's last contact is that time, the stores work the last contact out again.
    /// </summary>
    public DateTimeOffset? LeftTime(Visit after) =>
        Kind == CorrectionKind.Withdrawn ? after.Time
        : Changes.FirstOrDefault(c => c.Field == VisitFields.Time)?.Before is { } before
            ? DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>A correction was made on an older revision than the stored one: <see cref="Current"/> is the visit as it is now.</summary>
public sealed class VisitConflictException(Visit current)
    : Exception($"Visit {current.Id} was corrected meanwhile (now revision {current.Revision}).")
{
    public Visit Current { get; } = current;
}
