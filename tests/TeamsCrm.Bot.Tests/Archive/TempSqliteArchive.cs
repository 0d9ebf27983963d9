using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>A SQLite archive in a file of the test's own under the temp folder, removed with its WAL files afterwards.</summary>
public sealed class TempSqliteArchive
{
    readonly string _path = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db");

    public string FilePath => _path;

    public Task<ICrmArchive> CreateAsync(FakeTimeProvider clock) => Task.FromResult<ICrmArchive>(new SqliteArchive(new SqliteDatabase(_path), clock));

    public Task DeleteAsync()
    {
        SqliteConnection.ClearAllPools();   // pooled connections keep the file open
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
