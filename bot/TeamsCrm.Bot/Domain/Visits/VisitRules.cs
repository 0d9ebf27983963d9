namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>Field names of the visit form, as <see cref="VisitRules.Validate"/> reports them (and card inputs are named).</summary>
public static class VisitFields
{
    public const string Id = "id";
    public const string Customer = "customerNumber";
    public const string Rep = "rep";
    public const string CustomerType = "customerType";
    public const string Purpose = "purpose";
    public const string Method = "method";
    public const string Time = "time";
    public const string TimeZone = "timeZone";
    public const string ContactPerson = "contactPerson";
    public const string ContactInfo = "contactInfo";
    public const string Notes = "notes";
    public const string Problems = "problems";
    public const string Collection = "collection";
    public const string Receivable = "collection.receivable";
    public const string Received = "collection.received";
    public const string Result = "result";
    public const string Reason = "reason";
    public const string ReasonNote = "reasonNote";
    public const string NextAction = "nextAction";
    public const string NextActionDate = "nextActionDate";
    public const string SubmissionId = "submissionId";
}

/// <summary>
/// Completeness and consistency of a visit report (table 5-29: "completeness is checked").
/// </summary>
public static class VisitRules
{
    /// <summary>
    /// How far in the future a visit time may be: a phone clock a few minutes fast, or a time picker rounding
    /// up to the next quarter hour, must not block a rep logging "now". Anything later is a typo or a plan.
    /// </summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(15);

    /// <summary>SharePoint's "single line of text" holds 255 characters; longer text belongs in notes.</summary>
    public const int SingleLineMax = 255;

    public static FieldProblems Validate(Visit v, DateTimeOffset now)
    {
        var p = new FieldProblems();
        Require(p, VisitFields.Id, v.Id);
        Require(p, VisitFields.Customer, v.CustomerNumber);
        Require(p, VisitFields.Rep, v.RepAadObjectId);
        Require(p, VisitFields.SubmissionId, v.SubmissionId);
        Require(p, VisitFields.ContactPerson, v.ContactPerson);
        Require(p, VisitFields.Notes, v.Notes);
        SingleLine(p, VisitFields.ContactPerson, v.ContactPerson);
        SingleLine(p, VisitFields.ContactInfo, v.ContactInfo);
        SingleLine(p, VisitFields.NextAction, v.NextAction);

        if (!Enum.IsDefined(v.CustomerType)) p.Add(VisitFields.CustomerType, ProblemCodes.Invalid);
        if (!Enum.IsDefined(v.Purpose)) p.Add(VisitFields.Purpose, ProblemCodes.Invalid);
        if (!Enum.IsDefined(v.Method)) p.Add(VisitFields.Method, ProblemCodes.Invalid);

        var zone = LocalCalendar.FindZone(v.TimeZoneId);
        if (zone is null) p.Add(VisitFields.TimeZone, ProblemCodes.UnknownZone);
        // The instant comparison is zone-free; the zone matters for the day the visit is on (next action below).
        if (v.Time > now + FutureTolerance) p.Add(VisitFields.Time, ProblemCodes.InFuture);

        CheckResult(p, v);
        CheckCollection(p, v);
        CheckNextAction(p, v, zone);
        return p;
    }

    static void CheckResult(FieldProblems p, Visit v)
    {
        if (!Enum.IsDefined(v.Result)) { p.Add(VisitFields.Result, ProblemCodes.Invalid); return; }
        if (v.Result == VisitResult.Successful)
        {
            // A successful visit has no failure reason; accepting one would pollute the reason summary.
            if (v.Reason is not null) p.Add(VisitFields.Reason, ProblemCodes.NotAllowed);
            return;
        }
        if (v.Reason is not { } reason) p.Add(VisitFields.Reason, ProblemCodes.Required);
        else if (!Enum.IsDefined(reason)) p.Add(VisitFields.Reason, ProblemCodes.Invalid);
        else if (reason == UnsuccessfulReason.Other && IsBlank(v.ReasonNote)) p.Add(VisitFields.ReasonNote, ProblemCodes.Required);
    }

    /// <summary>
    /// Partial collection is normal (received below receivable, outstanding stays); collecting more than is
    /// receivable is an error — an overpayment or a typo has to be sorted out with finance, not filed as a visit.
    /// </summary>
    static void CheckCollection(FieldProblems p, Visit v)
    {
        if (v.Collection is not { } c)
        {
            if (v.Purpose == VisitPurpose.Collection) p.Add(VisitFields.Collection, ProblemCodes.Required);
            return;
        }
        if (c.Receivable < 0) p.Add(VisitFields.Receivable, ProblemCodes.Negative);
        if (c.Received < 0) p.Add(VisitFields.Received, ProblemCodes.Negative);
        if (c.Receivable >= 0 && c.Received > c.Receivable) p.Add(VisitFields.Received, ProblemCodes.OverCollected);
    }

    /// <summary>A next action needs a date (the follow-up reminder fires on it) and a date needs an action.</summary>
    static void CheckNextAction(FieldProblems p, Visit v, TimeZoneInfo? zone)
    {
        var hasAction = !IsBlank(v.NextAction);
        if (hasAction && v.NextActionDate is null) p.Add(VisitFields.NextActionDate, ProblemCodes.Required);
        if (!hasAction && v.NextActionDate is not null) p.Add(VisitFields.NextAction, ProblemCodes.Required);
        // Same day is fine ("call back this afternoon"); the day is the visit's day in the rep's zone.
        if (v.NextActionDate is { } due && zone is not null && due < LocalCalendar.DateOf(v.Time, zone))
            p.Add(VisitFields.NextActionDate, ProblemCodes.BeforeVisit);
    }

    static void Require(FieldProblems p, string field, string? value)
    {
        if (IsBlank(value)) p.Add(field, ProblemCodes.Required);
    }

    static void SingleLine(FieldProblems p, string field, string? value)
    {
        if (value is { Length: > SingleLineMax }) p.Add(field, ProblemCodes.TooLong);
    }

    static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);
}
