using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// The rollups read straight from the records: the reps' customers' contracts and orders (customers_owner, then
/// archive_entries_customer) and their unsuccessful visits (visits_rep_date), each one indexed query in one file. A
/// write's transaction is the rollup's: whatever committed is counted, so there is nothing to keep and nothing to rebuild.
/// </summary>
sealed class SqliteMonthlyRollups(SqliteDatabase db) : IMonthlyRollups
{
    public async Task<IReadOnlyList<MonthRollup>> ForRepsAsync(IReadOnlyCollection<string> repAadObjectIds, YearMonth? from, YearMonth? to,
        CancellationToken ct = default)
    {
        if (repAadObjectIds.Count == 0) return [];
        var reps = repAadObjectIds.Distinct(StringComparer.OrdinalIgnoreCase).Select((rep, i) => ($"$rep{i}", (object?)rep)).ToArray();
        var inReps = string.Join(", ", reps.Select(r => r.Item1));
        (string, object?)[] args = [.. reps, ("$from", Sql.Iso(from?.First ?? DateOnly.MinValue)), ("$to", Sql.Iso(to?.Last ?? DateOnly.MaxValue))];
        await using var c = db.Open();
        var sales = await Sql.ListAsync(c, $"""
            SELECT c.owner_aad_object_id AS owner, e.* FROM customers c JOIN archive_entries e ON e.customer_number = c.number
            WHERE c.owner_aad_object_id IN ({inReps}) AND e.type IN ('{nameof(EntryType.Contract)}', '{nameof(EntryType.Order)}')
              AND e.date >= $from AND e.date <= $to
            """, r => (r.Text("owner"), SqliteCustomerFiles.ReadEntry(r)), ct, args);
        var visits = await Sql.ListAsync(c, $"""
            {SqliteVisitRows.Select} WHERE rep_aad_object_id IN ({inReps}) AND withdrawn_at IS NULL AND result = '{nameof(VisitResult.NotYet)}'
              AND local_date >= $from AND local_date <= $to
            """, SqliteVisitRows.Read, ct, args);
        return MonthRollups.From(sales, visits);
    }

    public async Task<int> RebuildAsync(string repAadObjectId, CancellationToken ct = default) =>
        (await ForRepsAsync([repAadObjectId], null, null, ct)).Count;
}
