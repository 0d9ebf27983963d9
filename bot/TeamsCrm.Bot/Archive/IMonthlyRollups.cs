using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// The figures per rep and month that the analysis and the team score read (<see cref="MonthRollup"/>): sales of the
/// customers each rep owns, unsuccessful visits by reason. Every write that changes them — an archive entry filed or
/// imported, a file purged, a visit saved or corrected — changes them with it, so a read never goes back to the records.
/// </summary>
/// <remarks>
/// SharePoint: one item per rep and month in <c>TeamsCrm Monthly Rollups</c>, Title "{rep}|2026-11" (unique, indexed),
/// written in the same $batch as the record, with If-Match; a conflict reads the item and applies the change again.
/// SQLite: the same figures read from its own indexed tables in one query each (a visit or an entry written in a
/// transaction is in them when it commits), so there is nothing to keep and nothing to rebuild.
/// </remarks>
public interface IMonthlyRollups
{
    /// <summary>
    /// The rollups of these reps for the months from <paramref name="from"/> to <paramref name="to"/>, both included
    /// (<c>null</c>: from the first, to the last on record); a month with nothing in it is left out.
    /// </summary>
    Task<IReadOnlyList<MonthRollup>> ForRepsAsync(IReadOnlyCollection<string> repAadObjectIds, YearMonth? from, YearMonth? to,
        CancellationToken ct = default);

    /// <summary>
    /// Computes the rep's rollups again from the records (the rep's customers' contracts and orders, the rep's visits) and
    /// stores them whole, for data written before rollups were kept or by a write cut short. Idempotent, and safe beside
    /// live writes (a rollup written meanwhile is computed again). Returns the months stored.
    /// </summary>
    Task<int> RebuildAsync(string repAadObjectId, CancellationToken ct = default);
}
