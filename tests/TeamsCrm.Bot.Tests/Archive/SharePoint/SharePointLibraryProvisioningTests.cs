using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.FakeGraph;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>The documents' library: made by the provisioner like the lists, with its metadata columns and indexes, once.</summary>
public sealed class SharePointLibraryProvisioningTests
{
    static readonly ListDef Library = SharePointLists.Documents;

    [Fact]
    public async Task The_first_run_makes_the_documents_library_with_its_metadata_columns_and_indexes()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);

        var report = await new Provisioner(sp.Site).RunAsync();

        Assert.Contains($"created document library '{Library.Name}' with {Library.Columns.Count} columns", report.Changes);
        var library = sp.List(Library);
        Assert.True(library.IsLibrary);
        Assert.NotNull(sp.Server.State.Drive(Library.Name));
        Assert.True(library.Column("DocumentId") is { Type: ColumnType.Text, Indexed: true, EnforceUniqueValues: true });
        foreach (var indexed in new[] { SharePointLists.CustomerNumber, "InboxOf", "InboxSince" })
            Assert.True(library.Column(indexed) is { Indexed: true, EnforceUniqueValues: false }, indexed);
        foreach (var plain in new[] { "UploadedBy", "EntryId", "VisitId", "OriginalName", "MediaType", "ContentHash", "DriveItemId" })
            Assert.True(library.Column(plain) is { Type: ColumnType.Text, Indexed: false }, plain);
        Assert.Equal(["Basic", "Contracts", "Credit", "Trade", "Returns"], library.Column("Category")!.Choices);
        Assert.Equal(ColumnType.Number, library.Column("SizeBytes")!.Type);
        foreach (var time in new[] { "UploadedAt", "FiledAt", "InboxSince" })
            Assert.Equal((ColumnType.DateTime, "dateTime"), (library.Column(time)!.Type, library.Column(time)!.DateFormat));
        // A required column would keep every new file checked out until it is filled: none is.
        Assert.DoesNotContain(library.Columns, c => c.Required);
    }

    [Fact]
    public async Task A_library_made_before_gets_its_missing_columns_and_indexes_once_and_a_second_run_says_nothing_changed()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);
        sp.Server.State.Site(FakeSharePoint.SiteId).CreateList(Library.Name,
            [new FakeColumn { Name = "DocumentId", Type = ColumnType.Text, MaxLength = 64 }], FakeList.DocumentLibrary);

        var report = await new Provisioner(sp.Site).RunAsync();
        sp.Server.ResetCounters();
        var output = new StringWriter();
        var exit = await ProvisionCommand.RunAsync(
            ["--Archive:SharePoint:SiteId=" + FakeSharePoint.SiteId, "--Archive:SharePoint:GraphBaseUrl=" + sp.Server.BaseUrl], output, TextWriter.Null);

        Assert.Contains($"made column 'DocumentId' of '{Library.Name}' indexed and unique", report.Changes);
        Assert.Contains($"added column 'InboxOf' (Text, indexed) to '{Library.Name}'", report.Changes);
        Assert.Contains($"added column 'InboxSince' (DateTime, indexed) to '{Library.Name}'", report.Changes);
        Assert.DoesNotContain(report.Changes, c => c.Contains($"created document library '{Library.Name}'", StringComparison.Ordinal));
        Assert.Equal(0, exit);
        Assert.Contains($"No changes: all {SharePointLists.All.Count} lists and their columns are in place.", output.ToString());
        Assert.Equal(0, sp.Server.Counters[RouteKind.CreateList] + sp.Server.Counters[RouteKind.CreateColumn] + sp.Server.Counters[RouteKind.UpdateColumn]);
    }
}
