using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// Visit reports (客户拜访报告), weekly visit plans (拜访周计划) and the follow-ups visits ask for.
/// </summary>
/// <remarks>
/// Written so that a SharePoint-list store can keep it: every query below is served by ONE indexed column
/// (SharePoint seeks one index per query and refuses the rest past 5,000 items), every write is idempotent
/// or version-guarded. Suggested lists and indexed columns, one per query:
/// <list type="bullet">
/// <item>Visits: SubmissionId (indexed, unique: the idempotency key), RepDate = "{rep}|{yyyy-MM-dd}" (indexed;
/// a rep's day is <c>RepDate eq 'rep|day'</c>, a month <c>startswith(RepDate, 'rep|yyyy-MM')</c>, batched — a
/// <c>ge … and le …</c> range is refused past the threshold because <c>ge 'rep|from'</c> also matches every later rep; order by Time
/// within a day in memory), CustomerNumber (indexed; a customer's visits are few: take the latest in memory, or
/// index Time as well to sort on it), LocalDate (indexed; a team day is one day for everyone, filtered to the
/// team in memory). Store Time in UTC and the rep's zone beside it: LocalDate cannot be computed by a query.</item>
/// <item>FollowUps (or indexed NextActionDate on the visit item): Due (indexed).</item>
/// <item>VisitPlans: RepWeek = "{rep}|2026-W47" (indexed, unique: at most one plan per rep and week), Week
/// (indexed); items as JSON in a multiple-lines-of-text column, so a plan is one item and one write.</item>
/// </list>
/// Withdrawn visits (<see cref="Visit.WithdrawnAt"/>) are left out of every list below; only <see cref="GetAsync"/> and the
/// history show them.
/// Dates are the visit's local date (<see cref="Visit.LocalDate"/>: the day the rep saw, in the zone the visit
/// was logged in), never a UTC date. Times are kept to the tick in SQLite; a store that keeps whole seconds
/// must say so (the contract tests use whole seconds).
/// </remarks>
public interface IVisitLog
{
    /// <summary>
    /// Stores <paramref name="visit"/> once per <see cref="Visit.SubmissionId"/>. The first call stores it and,
    /// in the same transaction: moves the customer's <c>LastContactAt</c> to the visit's time unless it is later
    /// already (an older visit logged late never moves it back), without changing <c>Customer.Version</c> — a
    /// visit is filed under the customer, it is not an edit of the file, and an edit form open meanwhile must
    /// still save; and stores <see cref="FollowUp.Of"/> the visit when it names a next action with a date.
    /// Any later call with the same submission id (a double press, a redelivered invoke, even with other
    /// values or by another user) changes nothing and returns the visit stored first with
    /// <see cref="VisitSaved.Created"/> false: the caller must check whose it is before showing it.
    /// Throws <see cref="KeyNotFoundException"/> and stores nothing when the customer does not exist.
    /// </summary>
    /// <param name="asRead">
    /// The customer file as the caller read it just before (for the access check), or null. Only a hint: it
    /// lets a store without conditional updates move the last contact in the same request as the visit instead
    /// of reading the file first. It never decides anything; a stale one must not move the last contact back.
    /// </param>
    /// <remarks>
    /// SharePoint, in two Graph requests per save with the caller's read: one $batch of (1) the visit item, whose
    /// unique SubmissionId column makes a repeat fail with 409, (2) the customer's LastContactAt, only when the
    /// visit is later than <paramref name="asRead"/>'s, with If-Match on the version read, and (3) the follow-up;
    /// on 409 read the stored visit and apply (2) and (3) again (both are idempotent), so a save cut short is
    /// completed by its redelivery; on 412 read the file and retry (2). If the store's version is the item's
    /// eTag, that write moves <c>Customer.Version</c>: document it and set the contract suite's
    /// <c>VisitKeepsCustomerVersion</c> to false (an edit form open meanwhile then comes back through the edit
    /// conflict path, values kept). A version column that only edits increment avoids that.
    /// </remarks>
    Task<VisitSaved> AddOnceAsync(Visit visit, Domain.Customer? asRead = null, CancellationToken ct = default);

    /// <summary>
    /// A visit by the submission that saved it (<see cref="Visit.SubmissionId"/>, unique like its id, and what a card that
    /// names a saved report carries), withdrawn or not, among its customer's visits (SharePoint: one query on the indexed
    /// CustomerNumber; a customer's visits are few). Null when that customer has no such visit.
    /// </summary>
    Task<Visit?> GetAsync(string customerNumber, string submissionId, CancellationToken ct = default);

    /// <summary>
    /// Stores a correction of a saved visit once per <see cref="VisitCorrection.SubmissionId"/>: the visit becomes
    /// <paramref name="after"/> (same id, customer and rep; <see cref="Visit.Revision"/> one up; withdrawn when the correction
    /// is a withdrawal), the correction joins the visit's history, and what the visit drives is worked out again: its
    /// follow-up (changed, gone, or new; none for a withdrawn visit) and the customer's last contact (when this visit was
    /// it and moved earlier or was withdrawn, the latest visit that still counts — none when none is left). All or
    /// nothing: a correction cut short is completed by its redelivery. The same submission id again changes nothing
    /// and answers the visit as stored with <see cref="VisitCorrected.Created"/> false. A correction made on another
    /// revision than the stored one throws <see cref="VisitConflictException"/> and changes nothing;
    /// <see cref="KeyNotFoundException"/> when there is no such visit.
    /// </summary>
    /// <remarks>
    /// SharePoint: the history is JSON in the visit item's Corrections note, so the visit and its history are one PATCH with
    /// If-Match (the decision, atomic); the follow-up and the last contact are derived from the stored visit and written
    /// after it, idempotently, again on every redelivery.
    /// </remarks>
    Task<VisitCorrected> CorrectOnceAsync(VisitCorrection correction, Visit after, CancellationToken ct = default);

    /// <summary>The corrections of a visit, oldest first; empty for a visit never corrected or not found.</summary>
    Task<IReadOnlyList<VisitCorrection>> HistoryAsync(string customerNumber, string visitId, CancellationToken ct = default);

    /// <summary>A rep's visits whose local date is in [<paramref name="from"/>, <paramref name="to"/>], by time, earliest first.</summary>
    Task<IReadOnlyList<Visit>> ForRepAsync(string repAadObjectId, DateOnly from, DateOnly to, CancellationToken ct = default);

    /// <summary>
    /// The visits of several reps (a team) with local dates in [<paramref name="from"/>, <paramref name="to"/>],
    /// by time, earliest first. Empty when <paramref name="repAadObjectIds"/> is. (SharePoint: one query per rep,
    /// batched, or one on LocalDate for a single day.)
    /// </summary>
    Task<IReadOnlyList<Visit>> ForRepsAsync(IReadOnlyCollection<string> repAadObjectIds, DateOnly from, DateOnly to, CancellationToken ct = default);

    /// <summary>A customer's latest <paramref name="latest"/> visits, newest first (the customer card).</summary>
    Task<IReadOnlyList<Visit>> ForCustomerAsync(string customerNumber, int latest, CancellationToken ct = default);

    /// <summary>Follow-ups due on <paramref name="day"/>, for every rep, by rep and then in the order they were made.</summary>
    Task<IReadOnlyList<FollowUp>> FollowUpsDueAsync(DateOnly day, CancellationToken ct = default);

    /// <summary>The rep's plan for the week, or null.</summary>
    Task<VisitPlan?> PlanAsync(string repAadObjectId, IsoWeek week, CancellationToken ct = default);

    /// <summary>
    /// Saves a plan. A plan with an empty <see cref="VisitPlan.Version"/> is new: stored unless the rep already
    /// has a plan for that week. Otherwise it replaces the stored plan (same <see cref="VisitPlan.Id"/>) only if
    /// that is still at <see cref="VisitPlan.Version"/>. Either clash throws <see cref="PlanConflictException"/>
    /// with the stored plan, and nothing changes. Returns the plan as stored, with its new version; the rep,
    /// week and id of a stored plan never change.
    /// </summary>
    Task<VisitPlan> SavePlanAsync(VisitPlan plan, CancellationToken ct = default);

    /// <summary>Every rep's plan for the week (drafts included: the caller decides what counts), by rep.</summary>
    Task<IReadOnlyList<VisitPlan>> PlansOfWeekAsync(IsoWeek week, CancellationToken ct = default);
}

/// <summary>What <see cref="IVisitLog.CorrectOnceAsync"/> stored: the visit as it is now, and whether this call corrected it.</summary>
public sealed record VisitCorrected(Visit Visit, bool Created);

/// <summary>What <see cref="IVisitLog.AddOnceAsync"/> stored: the visit, and whether this call created it.</summary>
public sealed record VisitSaved(Visit Visit, bool Created);

/// <summary>The plan was saved by someone (or some card) else first. <see cref="Current"/> is what is stored now.</summary>
public sealed class PlanConflictException(VisitPlan current)
    : Exception($"The plan of {current.RepAadObjectId} for {current.Week} was saved meanwhile (now version {current.Version}).")
{
    public VisitPlan Current { get; } = current;
}
