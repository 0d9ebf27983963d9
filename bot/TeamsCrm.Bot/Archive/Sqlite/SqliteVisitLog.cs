using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// Visits, follow-ups and plans in SQLite. Writes run in BEGIN IMMEDIATE transactions taken in turn
/// (<see cref="SqliteDatabase.BeginWriteAsync"/>): writers queue at the start instead of failing at commit or
/// sleeping in SQLite's busy handler; plans are in the .Plans file, corrections in .Corrections.
/// </summary>
sealed partial class SqliteVisitLog(SqliteDatabase db) : IVisitLog
{
    /// <summary>
    /// The submission id is looked up inside the write transaction, so two presses arriving together take
    /// turns and the second finds the first. The customer's last contact moves in the same UPDATE that proves
    /// the customer exists, conditionally, so the caller's read of the file is not needed; its version column is
    /// left alone.
    /// </summary>
    public async Task<VisitSaved> AddOnceAsync(Visit visit, Domain.Customer? asRead = null, CancellationToken ct = default)
    {
        if (asRead is not null && asRead.Number != visit.CustomerNumber)
            throw new ArgumentException($"The file read is {asRead.Number}, the visit is to {visit.CustomerNumber}.", nameof(asRead));
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var earlier = await Sql.ListAsync(c, $"{SqliteVisitRows.Select} WHERE submission_id = $id", SqliteVisitRows.Read, ct, ("$id", visit.SubmissionId));
        if (earlier is [var first, ..]) return new VisitSaved(first, Created: false);

        var touched = await Sql.ExecAsync(c, """
            UPDATE customers SET last_contact_at = $time
            WHERE number = $number AND (last_contact_at IS NULL OR last_contact_at < $time)
            """, ct, ("$number", visit.CustomerNumber), ("$time", Sql.Iso(visit.Time)));
        if (touched == 0 && await Sql.ScalarAsync(c, "SELECT 1 FROM customers WHERE number = $number", ct, ("$number", visit.CustomerNumber)) is null)
            throw new KeyNotFoundException($"There is no customer {visit.CustomerNumber}.");

        await Sql.ExecAsync(c, SqliteVisitRows.Insert, ct, SqliteVisitRows.Parameters(visit));
        if (FollowUp.Of(visit) is { } followUp)
            await Sql.ExecAsync(c, SqliteVisitRows.InsertFollowUp, ct, SqliteVisitRows.Parameters(followUp));
        await write.CommitAsync(ct);
        return new VisitSaved(visit, Created: true);
    }

    public Task<IReadOnlyList<Visit>> ForRepAsync(string repAadObjectId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        VisitsAsync("rep_aad_object_id = $rep AND withdrawn_at IS NULL AND local_date >= $from AND local_date <= $to ORDER BY time, id", ct,
            ("$rep", repAadObjectId), ("$from", Sql.Iso(from)), ("$to", Sql.Iso(to)));

    public async Task<IReadOnlyList<Visit>> ForRepsAsync(IReadOnlyCollection<string> repAadObjectIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (repAadObjectIds.Count == 0) return [];
        var reps = repAadObjectIds.Distinct(StringComparer.OrdinalIgnoreCase).Select((rep, i) => ($"$rep{i}", (object?)rep)).ToArray();
        return await VisitsAsync(
            $"rep_aad_object_id IN ({string.Join(", ", reps.Select(r => r.Item1))}) AND withdrawn_at IS NULL AND local_date >= $from AND local_date <= $to ORDER BY time, id", ct,
            [.. reps, ("$from", Sql.Iso(from)), ("$to", Sql.Iso(to))]);
    }

    public async Task<IReadOnlyList<Visit>> ForCustomerAsync(string customerNumber, int latest, CancellationToken ct = default) =>
        latest <= 0 ? [] : await VisitsAsync("customer_number = $number AND withdrawn_at IS NULL ORDER BY time DESC, id DESC LIMIT $latest", ct,
            ("$number", customerNumber), ("$latest", latest));

    public async Task<IReadOnlyList<FollowUp>> FollowUpsDueAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, $"{SqliteVisitRows.SelectFollowUps} WHERE due = $due ORDER BY rep_aad_object_id, created_at, visit_id",
            SqliteVisitRows.ReadFollowUp, ct, ("$due", Sql.Iso(day)));
    }

    async Task<IReadOnlyList<Visit>> VisitsAsync(string whereAndOrder, CancellationToken ct, params (string, object?)[] args)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, $"{SqliteVisitRows.Select} WHERE {whereAndOrder}", SqliteVisitRows.Read, ct, args);
    }
}
