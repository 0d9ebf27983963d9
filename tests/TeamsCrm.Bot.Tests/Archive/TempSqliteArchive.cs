using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>A SQLite archive in a file of the test's own under the temp folder, removed with its WAL files and documents afterwards.</summary>
public sealed class TempSqliteArchive
{
    readonly string _path = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db");

    public string FilePath => _path;

    /// <summary>The documents' folder: the test's own (the default, "documents" beside the database, would be shared by every test).</summary>
    public string DocumentsPath => _path + "-documents";

    public Task<ICrmArchive> CreateAsync(FakeTimeProvider clock) =>
        Task.FromResult<ICrmArchive>(new SqliteArchive(new SqliteDatabase(_path), clock, DocumentsPath));

    public Task DeleteAsync()
    {
        SqliteConnection.ClearAllPools();   // pooled connections keep the file open
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { }
        if (System.IO.Directory.Exists(DocumentsPath)) System.IO.Directory.Delete(DocumentsPath, recursive: true);
        return Task.CompletedTask;
    }
}
