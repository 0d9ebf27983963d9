using Microsoft.Graph;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class DownloadAndDeleteTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_SDK_downloads_through_the_302_to_the_pre_authenticated_URL(bool withSdkHandlers)
    {
        await using var bed = await GraphTestBed.StartAsync(withSdkHandlers: withSdkHandlers);
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(200_000);
        var file = await bed.PutAsync(library.DriveId, "scan.pdf", bytes);

        await using var stream = await bed.Graph.Drives[library.DriveId].Items[file.Id].Content.GetAsync();
        var downloaded = await stream!.ReadAllAsync();

        Assert.Equal(bytes, downloaded);
        Assert.Equal(302, bed.Server.Requests.Single(r => r.Kind == RouteKind.DownloadRedirect).Status);
        Assert.Equal(200, bed.Server.Requests.Single(r => r.Kind == RouteKind.Download).Status);
    }

    [Fact]
    public async Task The_download_URL_needs_no_token_serves_ranges_and_expires_after_a_few_minutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { Clock = clock });
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(10_000);
        var file = await bed.PutAsync(library.DriveId, "合同.pdf", bytes);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(bed.Server.BaseUrl + "/") };

        using var redirect = await noRedirects.GetAsync($"drives/{library.DriveId}/items/{file.Id}/content");
        var url = redirect.Headers.Location!;
        using var whole = await noRedirects.GetAsync(url);
        using var ranged = await noRedirects.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 199) } });
        using var tail = await noRedirects.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(null, 10) } });
        using var past = await noRedirects.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(20_000, null) } });
        clock.Advance(TimeSpan.FromMinutes(6));
        using var expired = await noRedirects.GetAsync(url);

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.StartsWith(bed.Server.BaseUrl[..^5], url.AbsoluteUri);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal(bytes[100..200], await ranged.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 100-199/10000", ranged.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[^10..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, past.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_Range_request_through_the_SDK_keeps_its_header_across_the_redirect()
    {
        await using var bed = await GraphTestBed.StartAsync(withSdkHandlers: true);
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(5_000);
        var file = await bed.PutAsync(library.DriveId, "a.bin", bytes);

        await using var stream = await bed.Graph.Drives[library.DriveId].Items[file.Id].Content.GetAsync(c => c.Headers.Add("Range", "bytes=0-99"));

        Assert.Equal(bytes[..100], await stream!.ReadAllAsync());
        Assert.Equal(206, bed.Server.Requests.Single(r => r.Kind == RouteKind.Download).Status);
    }

    [Fact]
    public async Task If_None_Match_with_the_current_cTag_is_304_and_a_folder_has_no_content()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var file = await bed.PutAsync(library.DriveId, "a.bin", [1, 2]);
        var folder = await bed.FolderAsync(library.DriveId, "F");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"drives/{library.DriveId}/items/{file.Id}/content");
        request.Headers.TryAddWithoutValidation("If-None-Match", file.CTag);

        using var notModified = await bed.Http.SendAsync(request);
        using var ofFolder = await bed.Http.GetAsync($"drives/{library.DriveId}/items/{folder.Id}/content");

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ofFolder.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_file_is_204_then_404_and_its_list_item_bytes_and_download_URL_are_gone()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var file = await bed.PutAsync(library.DriveId, "a.bin", [1, 2, 3]);
        var withUrl = await bed.Graph.Drives[library.DriveId].Items[file.Id].GetAsync();
        var url = (string)withUrl!.AdditionalData["@microsoft.graph.downloadUrl"];

        var stale = await Assert.ThrowsAsync<ODataError>(() =>
            bed.Graph.Drives[library.DriveId].Items[file.Id].DeleteAsync(c => c.Headers.Add("If-Match", file.ETag!.Replace(",1\"", ",7\""))));
        await bed.Graph.Drives[library.DriveId].Items[file.Id].DeleteAsync(c => c.Headers.Add("If-Match", file.ETag!));
        var again = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Drives[library.DriveId].Items[file.Id].DeleteAsync());
        var get = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Drives[library.DriveId].Items[file.Id].GetAsync());
        using var download = await bed.Http.GetAsync(url);

        Assert.Equal(412, stale.ResponseStatusCode);
        Assert.Equal(204, bed.Server.Requests.Single(r => r.Kind == RouteKind.DeleteDriveItem && r.Status < 300).Status);
        Assert.Equal(404, again.ResponseStatusCode);
        Assert.Equal(404, get.ResponseStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Empty(bed.Server.State.Drive("Documents").List.Snapshot());
        Assert.Empty(bed.Server.State.Content.Files());
    }

    [Fact]
    public async Task Deleting_a_folder_takes_everything_below_it_with_their_list_items_and_bytes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var folder = await bed.FolderAsync(library.DriveId, "C-1");
        await bed.FolderAsync(library.DriveId, "2 Contracts", under: "C-1");
        await bed.PutAsync(library.DriveId, "C-1/2 Contracts/a.pdf", [1]);
        await bed.PutAsync(library.DriveId, "C-1/b.pdf", [2]);
        await bed.PutAsync(library.DriveId, "keep.pdf", [3]);

        await bed.Graph.Drives[library.DriveId].Items[folder.Id].DeleteAsync();
        await bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("keep.pdf").PermanentDelete.PostAsync();
        await bed.PutAsync(library.DriveId, "keep.pdf", [3]);

        var drive = bed.Server.State.Drive("Documents");
        Assert.Equal(["keep.pdf"], drive.Entries().Select(e => e.Path));
        Assert.Single(drive.List.Snapshot());
        Assert.Single(bed.Server.State.Content.Files());
    }

    [Fact]
    public async Task Deleting_a_library_list_item_deletes_its_file()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var file = await bed.PutAsync(library.DriveId, "a.pdf", [1]);
        var listItem = await bed.Graph.Drives[library.DriveId].Items[file.Id].ListItem.GetAsync();

        await bed.Graph.Sites[GraphTestBed.Site].Lists[library.ListId].Items[listItem!.Id].DeleteAsync();
        var gone = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Drives[library.DriveId].Items[file.Id].GetAsync());

        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.Empty(bed.Server.State.Content.Files());
    }
}
