using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// The documents contract on a SharePoint document library: a fake Graph server of each test's own, provisioned by the
/// Provisioner, reached through the real Graph SDK. The layout is read from the fake's drive; leftovers are spooled files,
/// open upload sessions and stored bytes no file refers to. After each test, every list query must have used one index.
/// </summary>
public sealed partial class SharePointDocumentStoreContract : DocumentStoreContract
{
    FakeSharePoint? _sharePoint;

    FakeSharePoint SharePoint => _sharePoint!;
    FakeDrive Drive => SharePoint.Server.State.Drive(SharePointLists.Documents.Name);

    protected override async Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => (_sharePoint = await FakeSharePoint.StartAsync()).Archive(clock);

    protected override Task DeleteArchiveAsync() => _sharePoint?.DisposeCheckingQueriesAsync() ?? Task.CompletedTask;

    protected override IReadOnlyList<string> StoredFiles() => [.. Drive.Entries().Where(e => !e.IsFolder).Select(e => e.Path)];

    protected override IReadOnlyList<string> StoredFolders() => [.. Drive.Entries().Where(e => e.IsFolder).Select(e => e.Path)];

    protected override IReadOnlyList<string> Leftovers()
    {
        var stored = Drive.Entries().Select(e => e.Content?.ContentFile).OfType<string>().ToHashSet();
        var spooled = System.IO.Directory.Exists(SharePoint.SpoolFolder) ? System.IO.Directory.GetFiles(SharePoint.SpoolFolder) : [];
        return [.. spooled, .. SharePoint.Server.State.Content.Files().Where(f => !stored.Contains(f)),
            .. Enumerable.Repeat("an open upload session", SharePoint.Server.State.OpenUploadSessions)];
    }
}
