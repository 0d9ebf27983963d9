using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// Corrections of saved visits: the visit row, its history row, its follow-up and the customer's last contact in one
/// write transaction, so a correction is all there or not at all.
/// </summary>
sealed partial class SqliteVisitLog
{
    static readonly JsonSerializerOptions ChangeJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<Visit?> GetAsync(string customerNumber, string submissionId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return (await Sql.ListAsync(c, $"{SqliteVisitRows.Select} WHERE submission_id = $s AND customer_number = $number", SqliteVisitRows.Read, ct,
            ("$s", submissionId), ("$number", customerNumber))).FirstOrDefault();
    }

    public async Task<IReadOnlyList<VisitCorrection>> HistoryAsync(string customerNumber, string visitId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, """
            SELECT k.* FROM visit_corrections k JOIN visits v ON v.id = k.visit_id
            WHERE k.visit_id = $id AND v.customer_number = $number ORDER BY k.revision
            """, ReadCorrection, ct, ("$id", visitId), ("$number", customerNumber));
    }

    /// <summary>The submission is looked up inside the write transaction: of two presses, the second finds the first.</summary>
    public async Task<VisitCorrected> CorrectOnceAsync(VisitCorrection correction, Visit after, CancellationToken ct = default)
    {
        if (correction.VisitId != after.Id) throw new ArgumentException($"The correction is of {correction.VisitId}, the visit is {after.Id}.", nameof(after));
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var stored = (await Sql.ListAsync(c, $"{SqliteVisitRows.Select} WHERE id = $id", SqliteVisitRows.Read, ct, ("$id", after.Id))).FirstOrDefault()
            ?? throw new KeyNotFoundException($"There is no visit {after.Id}.");
        if (await Sql.ScalarAsync(c, "SELECT 1 FROM visit_corrections WHERE submission_id = $s", ct, ("$s", correction.SubmissionId)) is not null)
            return new VisitCorrected(stored, Created: false);
        if (stored.Revision != correction.Revision || after.Revision != correction.Revision + 1 || stored.CustomerNumber != after.CustomerNumber
            || !string.Equals(stored.RepAadObjectId, after.RepAadObjectId, StringComparison.OrdinalIgnoreCase))
            throw new VisitConflictException(stored);

        await Sql.ExecAsync(c, SqliteVisitRows.Update, ct, [.. SqliteVisitRows.Parameters(after), ("$was", correction.Revision)]);
        await Sql.ExecAsync(c, """
            INSERT INTO visit_corrections (submission_id, visit_id, revision, kind, by_aad_object_id, at, reason, changes)
            VALUES ($s, $visit, $revision, $kind, $by, $at, $reason, $changes)
            """, ct, ("$s", correction.SubmissionId), ("$visit", correction.VisitId), ("$revision", correction.Revision),
            ("$kind", correction.Kind.ToString()), ("$by", correction.ByAadObjectId), ("$at", Sql.Iso(correction.At)), ("$reason", correction.Reason),
            ("$changes", JsonSerializer.Serialize(correction.Changes, ChangeJson)));

        await Sql.ExecAsync(c, "DELETE FROM follow_ups WHERE visit_id = $visit", ct, ("$visit", after.Id));
        if (!after.IsWithdrawn && FollowUp.Of(after) is { } followUp)
            await Sql.ExecAsync(c, SqliteVisitRows.InsertFollowUp, ct, SqliteVisitRows.Parameters(followUp));
        await LastContactAsync(c, after.CustomerNumber, correction.LeftTime(after), ct);
        await write.CommitAsync(ct);
        return new VisitCorrected(after, Created: true);
    }

    /// <summary>
    /// The latest visit that still counts becomes the last contact when it is later, or when the stored last contact was
    /// the time this visit left (then possibly earlier, or none). A last contact from elsewhere that is later stays.
    /// </summary>
    static async Task LastContactAsync(SqliteConnection c, string number, DateTimeOffset? left, CancellationToken ct)
    {
        var latest = await Sql.ScalarAsync(c, "SELECT MAX(time) FROM visits WHERE customer_number = $number AND withdrawn_at IS NULL", ct, ("$number", number));
        await Sql.ExecAsync(c, """
            UPDATE customers SET last_contact_at = $latest
            WHERE number = $number AND (last_contact_at IS NULL OR last_contact_at < $latest OR ($left IS NOT NULL AND last_contact_at = $left))
            """, ct, ("$number", number), ("$latest", latest is string s ? s : null), ("$left", Sql.Iso(left)));
    }

    static VisitCorrection ReadCorrection(SqliteDataReader r) => new()
    {
        SubmissionId = r.Text("submission_id"),
        VisitId = r.Text("visit_id"),
        Revision = r.GetInt32(r.GetOrdinal("revision")),
        Kind = r.EnumOf<CorrectionKind>("kind"),
        ByAadObjectId = r.Text("by_aad_object_id"),
        At = r.Time("at"),
        Reason = r.Text("reason"),
        Changes = JsonSerializer.Deserialize<List<VisitFieldChange>>(r.Text("changes"), ChangeJson) ?? [],
    };
}
