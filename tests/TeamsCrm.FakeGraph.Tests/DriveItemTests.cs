using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class DriveItemTests
{
    [Fact]
    public async Task A_folder_is_made_once_then_fail_is_409_rename_numbers_it_and_names_ignore_case()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();

        var folder = await bed.FolderAsync(library.DriveId, "C-2026-00042");
        var sub = await bed.FolderAsync(library.DriveId, "2 Contracts & orders", under: "C-2026-00042");
        var taken = await Assert.ThrowsAsync<ODataError>(() => bed.FolderAsync(library.DriveId, "c-2026-00042"));
        var renamed = await bed.FolderAsync(library.DriveId, "C-2026-00042", conflict: "rename");

        Assert.NotNull(folder.Folder);
        Assert.Equal(0, folder.Folder!.ChildCount);
        Assert.Equal($"/drives/{library.DriveId}/root:/C-2026-00042", sub.ParentReference?.Path);
        Assert.Equal(folder.Id, sub.ParentReference?.Id);
        Assert.Equal(409, taken.ResponseStatusCode);
        Assert.Equal("nameAlreadyExists", taken.Error?.Code);
        Assert.Equal("C-2026-00042 1", renamed.Name);
        Assert.NotEqual(folder.Id, renamed.Id);
        Assert.Equal(["C-2026-00042", "C-2026-00042 1", "C-2026-00042/2 Contracts & orders"],
            bed.Server.State.Drive("Documents").Entries().Select(e => e.Path));
    }

    [Fact]
    public async Task A_folder_and_a_file_are_list_items_too_whose_integer_ids_are_not_the_drive_item_ids()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var folder = await bed.FolderAsync(library.DriveId, "A");
        var file = await bed.PutAsync(library.DriveId, "A/b.txt", "hello"u8.ToArray());

        var withListItem = await bed.Graph.Drives[library.DriveId].Items[file.Id].GetAsync(c => c.QueryParameters.Expand = ["listItem($expand=fields)"]);
        var listItem = await bed.Graph.Drives[library.DriveId].Items[folder.Id].ListItem.GetAsync(c => c.QueryParameters.Expand = ["fields"]);

        Assert.StartsWith("01", file.Id);
        Assert.Equal("2", withListItem!.ListItem?.Id);
        Assert.Equal("b.txt", withListItem.ListItem?.Fields?.AdditionalData["FileLeafRef"]?.ToString());
        Assert.Equal("Document", withListItem.ListItem?.ContentType?.Name);
        Assert.Equal("1", listItem!.Id);
        Assert.Equal("Folder", listItem.Fields?.AdditionalData["ContentType"]?.ToString());
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("a*b")]
    [InlineData("a:b")]
    [InlineData("a<b")]
    [InlineData("a>b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a|b")]
    [InlineData(" lead")]
    [InlineData("trail ")]
    [InlineData("..")]
    [InlineData("CON")]
    [InlineData("~$draft.docx")]
    public async Task Names_SharePoint_refuses_are_400_for_folders_and_uploads(string name)
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var root = bed.Graph.Drives[library.DriveId].Items["root"];

        var folder = await Assert.ThrowsAsync<ODataError>(() => bed.FolderAsync(library.DriveId, name));
        // By id and name (the path segment percent-encoded), as a client that builds the URL itself sends it.
        var upload = await bed.Http.PutAsync($"drives/{library.DriveId}/items/root:/{Uri.EscapeDataString(name)}:/content", new ByteArrayContent([1]));

        Assert.Equal(400, folder.ResponseStatusCode);
        Assert.Equal("invalidRequest", folder.Error?.Code);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Empty(bed.Server.State.Drive("Documents").Entries());
    }

    [Fact]
    public async Task Items_are_found_by_path_below_the_root_or_below_an_item_with_each_segment_percent_decoded()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var folder = await bed.FolderAsync(library.DriveId, "客户 A#1");
        var file = await bed.PutAsync(library.DriveId, "客户 A#1/合同 50% 签字.pdf", "%PDF-1.7"u8.ToArray());

        var byPath = await bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("客户 A#1/合同 50% 签字.pdf").GetAsync();
        var belowFolder = await bed.Graph.Drives[library.DriveId].Items[folder.Id].ItemWithPath("合同 50% 签字.pdf").GetAsync();
        var byRoot = await bed.Graph.Drives[library.DriveId].Root.ItemWithPath("客户 A#1").GetAsync();
        var raw = await bed.Http.GetStringAsync($"drives/{library.DriveId}/root:/{Uri.EscapeDataString("客户 A#1")}/{Uri.EscapeDataString("合同 50% 签字.pdf")}");
        var missing = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("客户 A#1/none.pdf").GetAsync());

        Assert.Equal(file.Id, byPath!.Id);
        Assert.Equal(file.Id, belowFolder!.Id);
        Assert.Equal(folder.Id, byRoot!.Id);
        Assert.Contains(file.Id!, raw);
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("itemNotFound", missing.Error?.Code);
    }

    [Fact]
    public async Task Children_come_in_pages_with_a_nextLink_that_the_page_iterator_follows_to_the_end()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var drive = bed.Server.State.Drive("Documents");
        for (var i = 0; i < 25; i++) drive.SeedFile($"A/file-{i:D2}.txt", [(byte)i]);
        await bed.FolderAsync(library.DriveId, "sub", under: "A");

        var first = await bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("A").Children.GetAsync(c => c.QueryParameters.Top = 10);
        var names = new List<string>();
        var iterator = PageIterator<DriveItem, DriveItemCollectionResponse>.CreatePageIterator(bed.Graph, first!, item =>
        {
            names.Add(item.Name!);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(10, first!.Value!.Count);
        Assert.NotNull(first.OdataNextLink);
        Assert.Equal(26, names.Count);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal("sub", names[^1]);
    }

    [Fact]
    public async Task Select_keeps_the_download_url_and_the_id_only()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var file = await bed.PutAsync(library.DriveId, "a.txt", "abc"u8.ToArray());

        var selected = await bed.Graph.Drives[library.DriveId].Items[file.Id].GetAsync(c =>
            c.QueryParameters.Select = ["id", "@microsoft.graph.downloadUrl"]);

        Assert.Equal(file.Id, selected!.Id);
        Assert.Null(selected.Name);
        Assert.Null(selected.Size);
        var url = Assert.IsType<string>(selected.AdditionalData["@microsoft.graph.downloadUrl"]);
        Assert.StartsWith(bed.Server.BaseUrl[..^5], url);
    }

    [Fact]
    public async Task A_library_list_item_leads_to_its_drive_item_and_content()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var file = await bed.PutAsync(library.DriveId, "a.txt", "abc"u8.ToArray());
        var listItem = await bed.Graph.Drives[library.DriveId].Items[file.Id].ListItem.GetAsync();

        var driveItem = await bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].Items[listItem!.Id].DriveItem.GetAsync();
        await using var content = await bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].Items[listItem.Id].DriveItem.Content.GetAsync();

        Assert.Equal(file.Id, driveItem!.Id);
        Assert.Equal("abc"u8.ToArray(), await content!.ReadAllAsync());
    }

    [Fact]
    public async Task Of_concurrent_uploads_of_one_name_under_fail_exactly_one_is_stored()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await bed.PutAsync(library.DriveId, "race.pdf", LibraryTestBed.Bytes(50_000, seed: i), conflict: "fail");
                return 201;
            }
            catch (ODataError e) { return e.ResponseStatusCode; }
        }));

        Assert.Equal(1, outcomes.Count(o => o == 201));
        Assert.Equal(7, outcomes.Count(o => o == 409));
        Assert.Single(bed.Server.State.Drive("Documents").Entries());
        Assert.Single(bed.Server.State.Content.Files());
    }
}
