using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>
/// Moving and renaming with PATCH …/items/{id} {parentReference:{id}, name} (driveitem-move, driveitem-update), through
/// the SDK: the item keeps its ids and metadata, its list item's FileLeafRef follows the name; a taken name is 409 unless
/// the conflict behaviour in the URL says rename or replace.
/// </summary>
public sealed class MoveTests
{
    /// <summary>Only what changes: the SDK's backing store sends every property set, so a null name would go out as "name": null.</summary>
    static DriveItem To(DriveItem folder, string? name = null)
    {
        var body = new DriveItem { ParentReference = new ItemReference { Id = folder.Id } };
        if (name is not null) body.Name = name;
        return body;
    }

    /// <summary>The conflict behaviour in the query string, as the driveItem page asks ("in the URL instead of the body").</summary>
    static Task<DriveItem?> MoveAsync(GraphTestBed bed, Library library, string itemId, DriveItem body, string? conflict = null, string? ifMatch = null)
    {
        var item = bed.Graph.Drives[library.DriveId].Items[itemId];
        // The URL from a throwaway body: serialising the real one here would leave its backing store with nothing to send.
        var builder = conflict is null ? item
            : item.WithUrl(item.ToPatchRequestInformation(new DriveItem()).URI.AbsoluteUri + $"?{LibraryTestBed.ConflictBehavior}={conflict}");
        return builder.PatchAsync(body, c =>
        {
            if (ifMatch is not null) c.Headers.Add("If-Match", ifMatch);
        });
    }

    [Fact]
    public async Task A_file_moves_into_another_folder_under_a_new_name_keeping_its_ids_metadata_and_bytes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        await bed.FolderAsync(library.DriveId, "Inbox");
        var target = await bed.FolderAsync(library.DriveId, "C-1");
        var file = await bed.PutAsync(library.DriveId, "Inbox/scan.pdf", "%PDF-1.7 signed"u8.ToArray());
        var listItem = await bed.Graph.Drives[library.DriveId].Items[file.Id].ListItem.GetAsync();
        await bed.Graph.Drives[library.DriveId].List.Items[listItem!.Id].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { ["CustomerNumber"] = "C-1" },
        });
        var before = await bed.Graph.Drives[library.DriveId].Items[file.Id].GetAsync();

        var moved = await MoveAsync(bed, library, file.Id!, To(target, "contract.pdf"));
        var after = await bed.Graph.Drives[library.DriveId].Items[file.Id].GetAsync(c => c.QueryParameters.Expand = ["listItem($expand=fields)"]);
        await using var content = await bed.Graph.Drives[library.DriveId].Items[file.Id].Content.GetAsync();

        Assert.Equal((file.Id, "contract.pdf", target.Id), (moved!.Id, moved.Name, moved.ParentReference?.Id));
        Assert.Equal($"/drives/{library.DriveId}/root:/C-1", moved.ParentReference?.Path);
        Assert.Equal(["C-1", "C-1/contract.pdf", "Inbox"], bed.Server.State.Drive("Documents").Entries().Select(e => e.Path));
        Assert.Equal(listItem.Id, after!.ListItem?.Id);
        Assert.Equal("contract.pdf", after.ListItem?.Fields?.Text("FileLeafRef"));
        Assert.Equal("C-1", after.ListItem?.Fields?.Text("CustomerNumber"));
        Assert.NotEqual(before!.ETag, moved.ETag);      // the item's metadata changed…
        Assert.Equal(before.CTag, moved.CTag);          // …its content did not
        Assert.Equal("%PDF-1.7 signed"u8.ToArray(), await content!.ReadAllAsync());
        Assert.Equal(1, bed.Server.Counters[RouteKind.UpdateDriveItem]);
    }

    [Fact]
    public async Task A_taken_name_is_409_and_changes_nothing_unless_the_URL_asks_to_rename_or_replace()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var target = await bed.FolderAsync(library.DriveId, "C-1");
        await bed.FolderAsync(library.DriveId, "Inbox");
        var there = await bed.PutAsync(library.DriveId, "C-1/contract.pdf", [1]);
        var first = await bed.PutAsync(library.DriveId, "Inbox/a.pdf", [2]);
        var second = await bed.PutAsync(library.DriveId, "Inbox/b.pdf", [3]);
        var third = await bed.PutAsync(library.DriveId, "Inbox/c.pdf", [4]);
        var drive = bed.Server.State.Drive("Documents");
        var (libraryItems, thereListItem) = (drive.List.Count, drive.Entry("C-1/contract.pdf")!.ListItemId);

        var taken = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, first.Id!, To(target, "CONTRACT.pdf")));
        var unchanged = drive.Entries().Select(e => e.Path).ToList();
        var renamed = await MoveAsync(bed, library, first.Id!, To(target, "contract.pdf"), conflict: "rename");
        var renamedAgain = await MoveAsync(bed, library, second.Id!, To(target, "contract.pdf"), conflict: "rename");
        var replacing = await MoveAsync(bed, library, third.Id!, To(target, "contract.pdf"), conflict: "replace");

        Assert.Equal((409, "nameAlreadyExists"), (taken.ResponseStatusCode, taken.Error?.Code));
        Assert.Equal(["C-1", "C-1/contract.pdf", "Inbox", "Inbox/a.pdf", "Inbox/b.pdf", "Inbox/c.pdf"], unchanged);
        Assert.Equal("contract 1.pdf", renamed!.Name);
        Assert.Equal("contract 2.pdf", renamedAgain!.Name);
        Assert.Equal((third.Id, "contract.pdf"), (replacing!.Id, replacing.Name));
        Assert.Equal(["C-1", "C-1/contract 1.pdf", "C-1/contract 2.pdf", "C-1/contract.pdf", "Inbox"], drive.Entries().Select(e => e.Path));
        Assert.DoesNotContain(drive.Entries(), e => e.Id == there.Id);
        Assert.Null(drive.List.Find(thereListItem));                  // the replaced file's list item went with it
        Assert.Equal(libraryItems - 1, drive.List.Count);
    }

    [Fact]
    public async Task The_body_may_carry_the_conflict_behaviour_when_the_URL_does_not_and_a_rename_in_place_needs_no_parent()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var folder = await bed.FolderAsync(library.DriveId, "A");
        await bed.PutAsync(library.DriveId, "A/x.pdf", [1]);
        var file = await bed.PutAsync(library.DriveId, "A/y.pdf", [2]);

        var body = To(folder, "x.pdf");
        body.AdditionalData[LibraryTestBed.ConflictBehavior] = "rename";
        var renamedByBody = await MoveAsync(bed, library, file.Id!, body);
        var inPlace = await MoveAsync(bed, library, file.Id!, new DriveItem { Name = "Z.pdf" });
        var caseOnly = await MoveAsync(bed, library, file.Id!, new DriveItem { Name = "z.pdf" });

        Assert.Equal("x 1.pdf", renamedByBody!.Name);
        Assert.Equal("Z.pdf", inPlace!.Name);
        Assert.Equal("z.pdf", caseOnly!.Name);
        Assert.Equal(["A", "A/x.pdf", "A/z.pdf"], bed.Server.State.Drive("Documents").Entries().Select(e => e.Path));
    }

    [Fact]
    public async Task A_folder_moves_with_everything_below_it()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var a = await bed.FolderAsync(library.DriveId, "A");
        var b = await bed.FolderAsync(library.DriveId, "B");
        var file = await bed.PutAsync(library.DriveId, "A/deep.txt", "deep"u8.ToArray());

        var moved = await MoveAsync(bed, library, a.Id!, To(b));
        var byPath = await bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("B/A/deep.txt").GetAsync();
        await using var content = await bed.Graph.Drives[library.DriveId].Items[file.Id].Content.GetAsync();

        Assert.Equal(("A", b.Id), (moved!.Name, moved.ParentReference?.Id));
        Assert.Equal(file.Id, byPath!.Id);
        Assert.Equal($"/drives/{library.DriveId}/root:/B/A", byPath.ParentReference?.Path);
        Assert.Equal("deep"u8.ToArray(), await content!.ReadAllAsync());
        Assert.Equal(["B", "B/A", "B/A/deep.txt"], bed.Server.State.Drive("Documents").Entries().Select(e => e.Path));
    }

    [Fact]
    public async Task Moves_Graph_refuses_change_nothing()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var a = await bed.FolderAsync(library.DriveId, "A");
        var below = await bed.FolderAsync(library.DriveId, "B", under: "A");
        var file = await bed.PutAsync(library.DriveId, "A/f.txt", [1]);
        var other = await bed.CreateLibraryAsync("Other");
        var entries = bed.Server.State.Drive("Documents").Entries().Select(e => e.Path).ToList();

        var intoItself = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, a.Id!, To(below)));
        var rootSyntax = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, file.Id!, new DriveItem { ParentReference = new ItemReference { Id = "root" } }));
        var noSuchParent = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, file.Id!, new DriveItem { ParentReference = new ItemReference { Id = "01NOSUCHFOLDER" } }));
        var otherDrive = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, file.Id!,
            new DriveItem { ParentReference = new ItemReference { Id = a.Id, DriveId = other.DriveId } }));
        var stale = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, file.Id!, new DriveItem { Name = "g.txt" }, ifMatch: "\"{00000000-0000-0000-0000-000000000000},1\""));
        var badName = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, file.Id!, new DriveItem { Name = "a:b.txt" }));
        var description = new DriveItem { Description = "not a move" };
        var unsupported = await Assert.ThrowsAsync<ODataError>(() => MoveAsync(bed, library, file.Id!, description));
        var onItself = await MoveAsync(bed, library, file.Id!, To(a, "f.txt"));

        Assert.Equal([400, 400, 404, 400, 412, 400, 501], new[] { intoItself, rootSyntax, noSuchParent, otherDrive, stale, badName, unsupported }.Select(e => e.ResponseStatusCode));
        Assert.Equal(file.ETag, onItself!.ETag);   // moving an item onto itself is no change at all
        Assert.Equal(entries, bed.Server.State.Drive("Documents").Entries().Select(e => e.Path));
    }
}
