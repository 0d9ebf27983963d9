using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Tests.Archive.SharePoint;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// The approvals contract on SharePoint lists: a fake Graph server of each test's own, provisioned by the Provisioner,
/// reached through the real Graph SDK. After each test, every query it made must have filtered on one indexed column.
/// </summary>
public sealed class SharePointApprovalStoreContract : ApprovalStoreContract
{
    FakeSharePoint? _sharePoint;

    protected override async Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => (_sharePoint = await FakeSharePoint.StartAsync()).Archive(clock);

    protected override Task DeleteArchiveAsync() => _sharePoint?.DisposeCheckingQueriesAsync() ?? Task.CompletedTask;
}
