using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class LibraryTests
{
    [Fact]
    public async Task A_document_library_is_a_list_with_a_drive_named_for_it_found_from_the_list_the_site_and_back()
    {
        await using var bed = await GraphTestBed.StartAsync();
        await bed.CreateCustomersAsync();                                   // a generic list: no drive
        var library = await bed.CreateLibraryAsync("Customer documents");

        var list = await bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].GetAsync(c => c.QueryParameters.Expand = ["columns"]);
        var drives = await bed.Graph.Sites[GraphTestBed.Site].Drives.GetAsync();
        var drive = await bed.Graph.Drives[library.DriveId].GetAsync();
        var back = await bed.Graph.Drives[library.DriveId].List.GetAsync();
        var root = await bed.Graph.Drives[library.DriveId].Root.GetAsync();

        Assert.Equal("documentLibrary", list!.ListProp?.Template);
        var columns = list.Columns!.ToDictionary(c => c.Name!);
        Assert.False(columns["Title"].Required);
        Assert.True(columns["CustomerNumber"].Indexed);
        Assert.Contains("FileLeafRef", columns.Keys);
        var only = Assert.Single(drives!.Value!);
        Assert.Equal(library.DriveId, only.Id);
        Assert.Equal("Customer documents", only.Name);
        Assert.Equal("documentLibrary", drive!.DriveType);
        Assert.StartsWith("b!", drive.Id);
        Assert.Equal(library.ListId, back!.Id);
        Assert.NotNull(root!.Root);
        Assert.Equal(0, root.Folder?.ChildCount);
    }

    [Fact]
    public async Task A_generic_list_has_no_drive_and_an_unknown_drive_is_404()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var customers = await bed.CreateCustomersAsync();

        var noDrive = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Sites[GraphTestBed.Site].Lists[customers].Drive.GetAsync());
        var unknown = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Drives["b!nope"].Items["root"].GetAsync());

        Assert.Equal(404, noDrive.ResponseStatusCode);
        Assert.Equal(404, unknown.ResponseStatusCode);
        Assert.Equal("itemNotFound", unknown.Error?.Code);
    }

    [Fact]
    public async Task Columns_are_added_to_a_library_as_to_a_list_with_the_same_index_rules()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var columns = bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].Columns;

        await columns.PostAsync(new ColumnDefinition { Name = "VisitId", Text = new TextColumn(), Indexed = true });
        var unique = await Assert.ThrowsAsync<ODataError>(() => columns.PostAsync(new ColumnDefinition
        {
            Name = "ContentHash", Text = new TextColumn(), EnforceUniqueValues = true,
        }));
        var leafName = bed.Server.State.Drive("Documents").List.Column("FileLeafRef")!;
        var readOnly = await Assert.ThrowsAsync<ODataError>(() => columns[leafName.Id].PatchAsync(new ColumnDefinition { Indexed = true }));

        Assert.True(bed.Server.State.Drive("Documents").List.Column("VisitId")!.Indexed);
        Assert.Equal(400, unique.ResponseStatusCode);
        Assert.Equal(400, readOnly.ResponseStatusCode);
    }

    [Fact]
    public async Task Items_of_a_library_are_not_created_through_the_list()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => bed.CreateItemAsync(library.ListId, new() { ["Title"] = "x" }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Empty(bed.Server.State.Drive("Documents").List.Snapshot());
    }
}
