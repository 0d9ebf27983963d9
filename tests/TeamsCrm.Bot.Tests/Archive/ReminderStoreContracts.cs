using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;
using TeamsCrm.Bot.Tests.Archive.SharePoint;

namespace TeamsCrm.Bot.Tests.Archive;

public sealed class SqliteReminderStoreContract : ReminderStoreContract
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

public sealed class SharePointReminderStoreContract : ReminderStoreContract
{
    FakeSharePoint? _sharePoint;

    protected override async Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => (_sharePoint = await FakeSharePoint.StartAsync()).Archive(clock);

    protected override Task DeleteArchiveAsync() => _sharePoint?.DisposeCheckingQueriesAsync() ?? Task.CompletedTask;
}
