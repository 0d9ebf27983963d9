using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>The visit-log contract on a SQLite file of each test's own, plus what only SQLite can show: the query plans use the indexes.</summary>
public sealed class SqliteVisitLogContract : VisitLogContract
{
    readonly string _path = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db");
    SqliteDatabase? _db;

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock)
    {
        _db = new SqliteDatabase(_path);
        return Task.FromResult<ICrmArchive>(new SqliteArchive(_db, clock));
    }

    protected override Task DeleteArchiveAsync()
    {
        if (_db is not null)
            using (var c = _db.Open()) SqliteConnection.ClearPool(c);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("SELECT * FROM visits WHERE rep_aad_object_id = 'x' AND local_date >= '2026-11-01' AND local_date <= '2026-11-30' ORDER BY time", "visits_rep_date")]
    [InlineData("SELECT * FROM visits WHERE customer_number = 'x' ORDER BY time DESC LIMIT 3", "visits_customer")]
    [InlineData("SELECT * FROM visits WHERE submission_id = 'x'", "sqlite_autoindex_visits")]
    [InlineData("SELECT * FROM follow_ups WHERE due = '2026-11-20' ORDER BY rep_aad_object_id", "follow_ups_due")]
    [InlineData("SELECT * FROM visit_plans WHERE rep_aad_object_id = 'x' AND week = '2026-W47'", "visit_plans_rep_week")]
    [InlineData("SELECT * FROM visit_plans WHERE week = '2026-W47' ORDER BY rep_aad_object_id", "visit_plans_week")]
    public async Task Every_query_is_served_by_an_index(string query, string index)
    {
        await using var c = _db!.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + query;
        await using var r = await cmd.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await r.ReadAsync()) plan.Add(r.GetString(3));
        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal) && !step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
