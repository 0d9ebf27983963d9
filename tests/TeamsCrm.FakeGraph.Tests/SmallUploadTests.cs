using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class SmallUploadTests
{
    [Fact]
    public async Task A_new_file_answers_201_with_size_type_hash_tags_dates_and_its_folder()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.Zero));
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { Clock = clock });
        var library = await bed.CreateLibraryAsync();
        var folder = await bed.FolderAsync(library.DriveId, "C-17");
        var bytes = LibraryTestBed.Bytes(70_000);

        var file = await bed.PutAsync(library.DriveId, "C-17/offer.pdf", bytes);

        var attempt = bed.Server.Requests.Last(q => q.Kind == RouteKind.UploadContent);
        Assert.Equal(201, attempt.Status);
        Assert.Equal("offer.pdf", file.Name);
        Assert.Equal(70_000, file.Size);
        Assert.Equal("application/pdf", file.File?.MimeType);
        Assert.Equal(QuickXorHash.Of(bytes), file.File?.Hashes?.QuickXorHash);
        Assert.Matches("^\"\\{[0-9A-F-]{36}\\},1\"$", file.ETag);
        Assert.Matches("^\"c:\\{[0-9A-F-]{36}\\},1\"$", file.CTag);
        Assert.Equal(clock.GetUtcNow(), file.CreatedDateTime);
        Assert.Equal(folder.Id, file.ParentReference?.Id);
        Assert.Equal(library.DriveId, file.ParentReference?.DriveId);
        Assert.Equal("documentLibrary", file.ParentReference?.DriveType);
        var entry = bed.Server.State.Drive("Documents").Entry("C-17/offer.pdf")!;
        Assert.Equal(bytes, await File.ReadAllBytesAsync(entry.Content!.ContentFile));
    }

    [Fact]
    public async Task The_same_name_is_replaced_by_default_renamed_on_request_and_refused_with_fail()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var first = await bed.PutAsync(library.DriveId, "offer.pdf", [1, 2, 3]);

        var replaced = await bed.PutAsync(library.DriveId, "offer.pdf", [4, 5]);
        var renamed = await bed.PutAsync(library.DriveId, "OFFER.pdf", [6], conflict: "rename");
        var renamedAgain = await bed.PutAsync(library.DriveId, "offer.pdf", [7], conflict: "rename");
        var refused = await Assert.ThrowsAsync<ODataError>(() => bed.PutAsync(library.DriveId, "offer.pdf", [8], conflict: "fail"));

        Assert.Equal([201, 200, 201, 201, 409], bed.Server.Requests.Where(q => q.Kind == RouteKind.UploadContent).Select(q => q.Status));
        Assert.Equal(first.Id, replaced.Id);
        Assert.Equal(2, replaced.Size);
        Assert.EndsWith(",2\"", replaced.ETag);
        Assert.EndsWith(",2\"", replaced.CTag);
        Assert.Equal("OFFER 1.pdf", renamed.Name);
        Assert.Equal("offer 2.pdf", renamedAgain.Name);
        Assert.Equal("nameAlreadyExists", refused.Error?.Code);
        var drive = bed.Server.State.Drive("Documents");
        Assert.Equal(["OFFER 1.pdf", "offer 2.pdf", "offer.pdf"], drive.Entries().Select(e => e.Path));
        Assert.Equal([4, 5], await File.ReadAllBytesAsync(drive.Entry("offer.pdf")!.Content!.ContentFile));
        // The replaced version's bytes are gone; no upload is left half-way in the store.
        Assert.Equal(3, bed.Server.State.Content.Files().Count);
    }

    [Fact]
    public async Task If_Match_with_a_stale_eTag_or_cTag_is_412_and_the_file_keeps_its_content()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var first = await bed.PutAsync(library.DriveId, "offer.pdf", [1]);
        var second = await bed.PutAsync(library.DriveId, "offer.pdf", [2], ifMatch: first.ETag);

        var staleETag = await Assert.ThrowsAsync<ODataError>(() => bed.PutAsync(library.DriveId, "offer.pdf", [3], ifMatch: first.ETag));
        var staleCTag = await Assert.ThrowsAsync<ODataError>(() => bed.PutAsync(library.DriveId, "offer.pdf", [3], ifMatch: first.CTag));
        var byCTag = await bed.Graph.Drives[library.DriveId].Items[first.Id].Content.PutAsync(new MemoryStream([4]),
            c => c.Headers.Add("If-Match", second.CTag!));

        Assert.Equal(412, staleETag.ResponseStatusCode);
        Assert.Equal(412, staleCTag.ResponseStatusCode);
        Assert.Equal(first.Id, byCTag!.Id);
        Assert.EndsWith(",3\"", byCTag.ETag);
        Assert.Equal([4], await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("offer.pdf")!.Content!.ContentFile));
    }

    [Fact]
    public async Task An_upload_into_a_folder_that_does_not_exist_is_404_and_stores_nothing()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => bed.PutAsync(library.DriveId, "C-1/1 Basic/licence.pdf", [1]));

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Empty(bed.Server.State.Drive("Documents").Entries());
        Assert.Empty(bed.Server.State.Content.Files());
    }

    [Fact]
    public async Task Metadata_is_written_through_either_list_path_and_files_are_found_by_an_indexed_column_with_their_drive_items()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        await bed.FolderAsync(library.DriveId, "C-17");
        var offer = await bed.PutAsync(library.DriveId, "C-17/offer.pdf", [1, 2]);
        var licence = await bed.PutAsync(library.DriveId, "C-17/licence.pdf", [3]);
        await bed.PutAsync(library.DriveId, "C-17/other.pdf", [4]);
        var offerItem = await bed.Graph.Drives[library.DriveId].Items[offer.Id].ListItem.GetAsync();
        var licenceItem = await bed.Graph.Drives[library.DriveId].Items[licence.Id].ListItem.GetAsync();

        var viaDrive = await bed.Graph.Drives[library.DriveId].List.Items[offerItem!.Id].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { ["CustomerNumber"] = "C-17", ["Category"] = "Contracts" },
        }, c => c.Headers.Add("If-Match", offerItem.ETag!));
        await bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].Items[licenceItem!.Id].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { ["CustomerNumber"] = "C-17", ["Category"] = "Basic" },
        });
        var found = await bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].Items.GetAsync(c =>
        {
            c.QueryParameters.Expand = ["fields", "driveItem"];
            c.QueryParameters.Filter = "fields/CustomerNumber eq 'C-17'";
        });
        var unindexed = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].Items.GetAsync(c =>
            c.QueryParameters.Filter = "fields/Category eq 'Basic'"));
        var after = await bed.Graph.Drives[library.DriveId].Items[offer.Id].GetAsync();

        Assert.Equal("C-17", viaDrive?.AdditionalData["CustomerNumber"]?.ToString());
        Assert.Equal([offer.Id, licence.Id], found!.Value!.Select(i => i.DriveItem?.Id));
        Assert.Equal(["offer.pdf", "licence.pdf"], found.Value!.Select(i => i.Fields?.AdditionalData["FileLeafRef"]?.ToString()));
        Assert.Equal(2, found.Value![0].DriveItem?.Size);
        Assert.Equal(400, unindexed.ResponseStatusCode);
        Assert.Contains("not indexed", unindexed.Error?.Message);
        Assert.EndsWith(",2\"", after!.ETag);   // metadata moves the eTag…
        Assert.EndsWith(",1\"", after.CTag);    // …not the cTag
    }
}
