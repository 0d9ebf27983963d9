using System.Globalization;

namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// The rules of correcting a saved visit report: what a correction may change (not whose visit it was, not the customer,
/// not the zone its day is read in), and the before → after of each field it changed.
/// </summary>
public static class VisitCorrections
{
    /// <summary>
    /// The report as corrected: the typed values on the stored identity. The customer stays: a visit filed under the wrong
    /// customer is withdrawn and logged again, so that two files' last contacts and histories stay each their own.
    /// </summary>
    public static Visit Corrected(Visit stored, Visit typed) => typed with
    {
        Id = stored.Id, SubmissionId = stored.SubmissionId, CustomerNumber = stored.CustomerNumber, CustomerName = stored.CustomerName,
        RepAadObjectId = stored.RepAadObjectId, TimeZoneId = stored.TimeZoneId, CreatedAt = stored.CreatedAt,
        Revision = stored.Revision + 1, WithdrawnAt = null,
    };

    public static Visit Withdrawn(Visit stored, DateTimeOffset at) => stored with { WithdrawnAt = at, Revision = stored.Revision + 1 };

    /// <summary>Every field whose stored form differs, in the order of the form.</summary>
    public static IReadOnlyList<VisitFieldChange> Changes(Visit before, Visit after) =>
        [.. Fields.Select(f => new VisitFieldChange(f.Name, f.Value(before), f.Value(after))).Where(c => c.Before != c.After)];

    static readonly (string Name, Func<Visit, string?> Value)[] Fields =
    [
        (VisitFields.CustomerType, v => v.CustomerType.ToString()),
        (VisitFields.Purpose, v => v.Purpose.ToString()),
        (VisitFields.Method, v => v.Method.ToString()),
        (VisitFields.Time, Time),
        (VisitFields.ContactPerson, v => v.ContactPerson),
        (VisitFields.ContactInfo, v => v.ContactInfo),
        (VisitFields.Notes, v => v.Notes),
        (VisitFields.Problems, v => v.ProblemsAndMeasures),
        (VisitFields.Receivable, v => Money(v.Collection?.Receivable)),
        (VisitFields.Received, v => Money(v.Collection?.Received)),
        (VisitFields.Result, v => v.Result.ToString()),
        (VisitFields.Reason, v => v.Reason?.ToString()),
        (VisitFields.ReasonNote, v => v.ReasonNote),
        (VisitFields.NextAction, v => v.NextAction),
        (VisitFields.NextActionDate, v => v.NextActionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The visit's time as the rep saw it, with that zone's offset: readable in the history and still an exact instant.</summary>
    static string Time(Visit v) =>
        TimeZoneInfo.ConvertTime(v.Time, TimeZoneInfo.FindSystemTimeZoneById(v.TimeZoneId)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    static string? Money(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);
}
