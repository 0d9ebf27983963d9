using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;

namespace TeamsCrm.Bot.Tests.Archive;

public sealed class SqliteApprovalStoreContract : ApprovalStoreContract
{
    readonly TempSqliteArchive _file = new();

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => _file.CreateAsync(clock);

    protected override Task DeleteArchiveAsync() => _file.DeleteAsync();
}
