using System.Globalization;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain.Imports;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>Import runs in SQLite: one row each, saved with the row version as the guard.</summary>
sealed class SqliteImportRuns(SqliteDatabase db, TimeProvider clock) : IImportRuns
{
    const string Select = """
        SELECT id, file_name, file_hash, importer_aad_object_id, mapping, owner_map, status, rows_done, counts, created_at, updated_at,
               lease_until, version
        FROM import_runs
        """;

    public async Task<ImportRun> CreateAsync(ImportRun run, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        await Sql.ExecAsync(c, """
            INSERT INTO import_runs (id, file_name, file_hash, importer_aad_object_id, mapping, owner_map, status, rows_done, counts, created_at,
                updated_at, lease_until, version)
            VALUES ($id, $name, $hash, $importer, $mapping, $owners, $status, $done, $counts, $now, $now, $lease, 1)
            ON CONFLICT(id) DO NOTHING
            """, ct, [.. Parameters(run), ("$name", run.FileName), ("$hash", run.FileHash), ("$importer", run.ImporterAadObjectId), ("$now", Sql.Iso(now))]);
        var stored = (await ReadAsync(c, run.Id, ct))!;
        await write.CommitAsync(ct);
        return stored;
    }

    public async Task<ImportRun?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await ReadAsync(c, id, ct);
    }

    public async Task<ImportRun> SaveAsync(ImportRun run, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var saved = long.TryParse(run.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && await Sql.ExecAsync(c, """
                UPDATE import_runs SET mapping = $mapping, owner_map = $owners, status = $status, rows_done = $done, counts = $counts,
                    updated_at = $now, lease_until = $lease, version = version + 1
                WHERE id = $id AND version = $version
                """, ct, [.. Parameters(run), ("$now", Sql.Iso(clock.GetUtcNow())), ("$version", version)]) == 1;
        var stored = await ReadAsync(c, run.Id, ct) ?? throw new KeyNotFoundException($"There is no import run {run.Id}.");
        if (!saved) throw new ImportRunConflictException(stored);
        await write.CommitAsync(ct);
        return stored;
    }

    public async Task<IReadOnlyList<ImportRun>> ForFileAsync(string fileHash, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, $"{Select} WHERE file_hash = $hash ORDER BY created_at DESC, id", Read, ct, ("$hash", fileHash));
    }

    public async Task<IReadOnlyList<ImportRun>> UnfinishedAsync(CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, $"{Select} WHERE status = $status ORDER BY created_at, id", Read, ct, ("$status", nameof(ImportStatus.Applying)));
    }

    static (string, object?)[] Parameters(ImportRun run) =>
    [
        ("$id", run.Id), ("$mapping", ImportRunJson.Mapping(run.Mapping)), ("$owners", ImportRunJson.Map(run.OwnerMap)),
        ("$status", run.Status.ToString()), ("$done", ImportRunJson.Map(run.RowsDone)), ("$counts", ImportRunJson.Counts(run.Counts)),
        ("$lease", Sql.Iso(run.LeaseUntil)),
    ];

    static async Task<ImportRun?> ReadAsync(SqliteConnection c, string id, CancellationToken ct) =>
        (await Sql.ListAsync(c, $"{Select} WHERE id = $id", Read, ct, ("$id", id))).SingleOrDefault();

    static ImportRun Read(SqliteDataReader r) => new()
    {
        Id = r.Text("id"), FileName = r.Text("file_name"), FileHash = r.Text("file_hash"), ImporterAadObjectId = r.Text("importer_aad_object_id"),
        Mapping = ImportRunJson.Mapping(r.Text("mapping")), OwnerMap = ImportRunJson.Map<string>(r.Text("owner_map")),
        Status = r.EnumOf<ImportStatus>("status"), RowsDone = ImportRunJson.Map<int>(r.Text("rows_done")),
        Counts = ImportRunJson.Counts(r.TextOrNull("counts")), CreatedAt = r.Time("created_at"), UpdatedAt = r.Time("updated_at"),
        LeaseUntil = r.TimeOrNull("lease_until"), Version = r.Integer("version").ToString(CultureInfo.InvariantCulture),
    };
}
