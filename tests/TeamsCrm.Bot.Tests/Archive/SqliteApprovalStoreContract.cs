using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>The approvals contract on a SQLite file of each test's own, plus what only SQLite can show: the sweep's query uses its index.</summary>
public sealed class SqliteApprovalStoreContract : ApprovalStoreContract
{
    readonly TempSqliteArchive _file = new();

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => _file.CreateAsync(clock);

    protected override Task DeleteArchiveAsync() => _file.DeleteAsync();

    [Fact]
    public async Task The_sweeps_query_reads_the_partial_index_of_unfinished_decisions()
    {
        await Archive.Approvals.FinishDueAsync(Clock.GetUtcNow());   // the schema is in place
        await using var c = new SqliteDatabase(_file.FilePath).Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM approvals a WHERE a.finish_due_at IS NOT NULL AND a.finish_due_at <= '2026-03-02' ORDER BY a.finish_due_at, a.id";
        await using var r = await cmd.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await r.ReadAsync()) plan.Add(r.GetString(3));
        Assert.Contains(plan, step => step.Contains("approvals_finish_due", StringComparison.Ordinal) && !step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
