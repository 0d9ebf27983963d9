using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Tests.Archive;

public sealed class SqliteApprovalStoreContract : ApprovalStoreContract
{
    readonly string _path = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db");

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) =>
        Task.FromResult<ICrmArchive>(new SqliteArchive(new SqliteDatabase(_path), clock));

    protected override Task DeleteArchiveAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
