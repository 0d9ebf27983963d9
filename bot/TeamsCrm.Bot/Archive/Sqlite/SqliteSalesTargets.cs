using System.Globalization;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

sealed class SqliteSalesTargets(SqliteDatabase db) : ISalesTargets
{
    /// <summary>SQLite allows 32,766 parameters; customers are asked for in slices well below that.</summary>
    const int Slice = 500;

    public async Task<TargetSheet?> GetAsync(YearMonth month, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await ReadAsync(c, month, ct);
    }

    public async Task<TargetSheet> SaveAsync(TargetSheet sheet, CancellationToken ct = default)
    {
        var month = sheet.Month.ToString();
        await using (var write = await db.BeginWriteAsync(ct))
        {
            var c = write.Connection;
            var stored = await ReadAsync(c, sheet.Month, ct);
            if ((stored?.Version ?? "") != sheet.Version) throw new TargetConflictException(stored ?? TargetSheet.Empty(sheet.Month));
            var next = stored is null ? 1 : long.Parse(stored.Version, CultureInfo.InvariantCulture) + 1;
            await Sql.ExecAsync(c, """
                INSERT INTO target_sheets (month, set_by_aad_object_id, set_at, approval_id, version) VALUES ($month, $by, $at, $approval, $version)
                ON CONFLICT(month) DO UPDATE SET set_by_aad_object_id = $by, set_at = $at, approval_id = $approval, version = $version
                """, ct, ("$month", month), ("$by", sheet.SetByAadObjectId), ("$at", Sql.Iso(sheet.SetAt)), ("$approval", sheet.ApprovalId),
                ("$version", next));
            await Sql.ExecAsync(c, "DELETE FROM sales_targets WHERE month = $month", ct, ("$month", month));
            foreach (var (rep, amount) in sheet.Amounts)
                await Sql.ExecAsync(c, "INSERT INTO sales_targets (month, rep_aad_object_id, amount) VALUES ($month, $rep, $amount)", ct,
                    ("$month", month), ("$rep", rep), ("$amount", Sql.Money(amount)));
            await write.CommitAsync(ct);
        }
        await using var read = db.Open();
        return (await ReadAsync(read, sheet.Month, ct))!;
    }

    public async Task<IReadOnlyList<ArchiveEntry>> SalesAsync(IReadOnlyCollection<string> customerNumbers, DateOnly from, DateOnly to,
        CancellationToken ct = default)
    {
        var found = new List<ArchiveEntry>();
        await using var c = db.Open();
        foreach (var slice in customerNumbers.Distinct(StringComparer.Ordinal).Chunk(Slice))
        {
            var names = slice.Select((_, i) => $"$n{i}").ToArray();
            var args = slice.Select((n, i) => (names[i], (object?)n)).Append(("$from", Sql.Iso(from))).Append(("$to", Sql.Iso(to))).ToArray();
            // Served by archive_entries_customer (customer_number, date).
            found.AddRange(await Sql.ListAsync(c, $"""
                {SqliteCustomerFiles.EntryColumns}
                WHERE customer_number IN ({string.Join(", ", names)}) AND date >= $from AND date <= $to ORDER BY date, seq
                """, SqliteCustomerFiles.ReadEntry, ct, args));
        }
        return [.. found.Where(SalesActuals.IsSale)];
    }

    static async Task<TargetSheet?> ReadAsync(SqliteConnection c, YearMonth month, CancellationToken ct)
    {
        var key = month.ToString();
        var sheets = await Sql.ListAsync(c, "SELECT set_by_aad_object_id, set_at, approval_id, version FROM target_sheets WHERE month = $month",
            r => (By: r.Text("set_by_aad_object_id"), At: r.Time("set_at"), Approval: r.TextOrNull("approval_id"), Version: r.Integer("version")),
            ct, ("$month", key));
        if (sheets is not [var s]) return null;
        var amounts = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rep, amount) in await Sql.ListAsync(c, "SELECT rep_aad_object_id, amount FROM sales_targets WHERE month = $month",
            r => (r.Text("rep_aad_object_id"), r.MoneyOrNull("amount")!.Value), ct, ("$month", key)))
            amounts[rep] = amount;
        return new TargetSheet
        {
            Month = month, Amounts = amounts, SetByAadObjectId = s.By, SetAt = s.At, ApprovalId = s.Approval,
            Version = s.Version.ToString(CultureInfo.InvariantCulture),
        };
    }
}
