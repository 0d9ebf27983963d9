using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class DriveFaultTests
{
    [Fact]
    public async Task Drive_routes_are_throttled_like_the_rest_with_Retry_After_and_counted()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        bed.Server.ResetCounters();
        bed.Server.ThrottleNext(1, retryAfterSeconds: 9, only: RouteKind.CreateFolder);
        bed.Server.FailNext(503, retryAfterSeconds: 4, only: RouteKind.UploadContent);

        var throttled = await Assert.ThrowsAsync<ODataError>(() => bed.FolderAsync(library.DriveId, "A"));
        var unavailable = await Assert.ThrowsAsync<ODataError>(() => bed.PutAsync(library.DriveId, "a.bin", [1]));
        await bed.FolderAsync(library.DriveId, "A");
        await bed.PutAsync(library.DriveId, "a.bin", [1]);

        Assert.Equal(429, throttled.ResponseStatusCode);
        Assert.Equal(["9"], throttled.ResponseHeaders["Retry-After"]);
        Assert.Equal(503, unavailable.ResponseStatusCode);
        Assert.Equal(["4"], unavailable.ResponseHeaders["Retry-After"]);
        Assert.Equal(2, bed.Server.Counters[RouteKind.CreateFolder]);
        Assert.Equal(2, bed.Server.Counters[RouteKind.UploadContent]);
        Assert.Equal(1, bed.Server.Counters.Throttled);
        Assert.Equal(1, bed.Server.Counters.Failed);
        Assert.Single(bed.Server.State.Content.Files());   // the refused upload left nothing behind
    }

    [Fact]
    public async Task The_download_host_is_throttled_too_and_the_SDK_retry_handler_gets_through()
    {
        await using var bed = await GraphTestBed.StartAsync(withSdkHandlers: true);
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(1000);
        var file = await bed.PutAsync(library.DriveId, "a.bin", bytes);
        bed.Server.ThrottleNext(1, retryAfterSeconds: 1, only: RouteKind.Download);

        await using var stream = await bed.Graph.Drives[library.DriveId].Items[file.Id].Content.GetAsync();

        Assert.Equal(bytes, await stream!.ReadAllAsync());
        Assert.Equal([429, 200], bed.Server.Requests.Where(r => r.Kind == RouteKind.Download).Select(r => r.Status));
    }

    [Fact]
    public async Task Under_a_storm_a_whole_document_round_trip_succeeds_through_the_SDK_retries()
    {
        await using var bed = await GraphTestBed.StartAsync(withSdkHandlers: true);
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(5 * 320 * 1024 + 123);
        bed.Server.StartStorm(every: 3, retryAfterSeconds: 0);

        await bed.FolderAsync(library.DriveId, "C-1");
        var session = await bed.CreateSessionAsync(library, "C-1/big.bin");
        var result = await new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), 320 * 1024).UploadAsync();
        await using var stream = await bed.Graph.Drives[library.DriveId].Items[result.ItemResponse.Id].Content.GetAsync();
        var downloaded = await stream!.ReadAllAsync();
        bed.Server.StopStorm();

        Assert.True(result.UploadSucceeded);
        Assert.Equal(bytes, downloaded);
        Assert.True(bed.Server.Counters.Throttled >= 3);
        Assert.Contains(bed.Server.Requests, r => r.Kind == RouteKind.UploadFragment && r.Status == 429);
    }

    [Fact]
    public async Task Latency_holds_upload_URL_round_trips_on_the_fake_clock_too()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { Clock = clock });
        var library = await bed.CreateLibraryAsync();
        var session = await bed.CreateSessionAsync(library, "a.bin");
        bed.Server.Latency = TimeSpan.FromSeconds(20);
        var calls = bed.Server.Counters.HttpCalls;

        var pending = bed.Http.GetAsync(session!.UploadUrl);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (bed.Server.Counters.HttpCalls == calls && DateTime.UtcNow < deadline) await Task.Delay(10);   // arrived, now waiting on the clock
        var heldByTheClock = !pending.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(20));
        using var response = await pending;

        Assert.True(heldByTheClock);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bed.Server.Counters[RouteKind.UploadStatus]);
    }

    [Fact]
    public async Task A_separately_running_fake_aims_faults_at_the_upload_URL_through_its_control_endpoint()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var session = await bed.CreateSessionAsync(library, "a.bin");
        var control = bed.Server.BaseUrl[..^5] + "/_fake";

        using var armed = await bed.Http.PostAsync($"{control}/fail?status=503&retryAfter=2&only=UploadStatus", null);
        using var wrong = await bed.Http.PostAsync($"{control}/fail?only=NoSuchRoute", null);
        await bed.FolderAsync(library.DriveId, "A");                      // not the upload URL: untouched
        using var status = await bed.Http.GetAsync(session!.UploadUrl);

        Assert.Equal(HttpStatusCode.NoContent, armed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
        Assert.Equal("2", status.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
