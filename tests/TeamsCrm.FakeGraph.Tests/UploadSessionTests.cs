using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using QuickXorHash = TeamsCrm.FakeGraph.State.QuickXorHash;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class UploadSessionTests
{
    const int Slice = LibraryTestBed.Slice;

    [Fact]
    public async Task LargeFileUploadTask_sends_several_slices_and_gets_the_file_with_its_hash()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        await bed.FolderAsync(library.DriveId, "C-17");
        var bytes = LibraryTestBed.Bytes(3_000_000);

        var session = await bed.CreateSessionAsync(library, "C-17/scan.pdf");
        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), Slice);
        var result = await task.UploadAsync();

        Assert.True(result.UploadSucceeded);
        Assert.Equal("scan.pdf", result.ItemResponse.Name);
        Assert.Equal(3_000_000, result.ItemResponse.Size);
        Assert.Equal(QuickXorHash.Of(bytes), result.ItemResponse.File?.Hashes?.QuickXorHash);
        Assert.Equal(["0-"], session!.NextExpectedRanges);
        Assert.StartsWith(bed.Server.BaseUrl[..^5], session.UploadUrl);
        var fragments = bed.Server.Requests.Where(r => r.Kind == RouteKind.UploadFragment).ToList();
        Assert.Equal([202, 202, 202, 201], fragments.Select(f => f.Status));
        var stored = bed.Server.State.Drive("Documents").Entry("C-17/scan.pdf")!;
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored.Content!.ContentFile));
        Assert.Equal(0, bed.Server.State.Uploads.Count);
        Assert.Single(bed.Server.State.Content.Files());   // the fragments became the file: nothing else on disk
    }

    [Fact]
    public async Task A_fragment_that_fails_once_is_sent_again_by_the_task_and_the_upload_completes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3_000_000, seed: 2);
        var session = await bed.CreateSessionAsync(library, "a.bin");
        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), Slice);

        bed.Server.FailNext(500, only: RouteKind.UploadFragment);
        var result = await task.UploadAsync(maxTries: 3);

        Assert.True(result.UploadSucceeded);
        Assert.Equal([500, 202, 202, 202, 201], bed.Server.Requests.Where(r => r.Kind == RouteKind.UploadFragment).Select(r => r.Status));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("a.bin")!.Content!.ContentFile));
    }

    [Fact]
    public async Task After_a_fragment_fails_for_good_ResumeAsync_asks_where_to_go_on_and_finishes_the_file()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3_000_000, seed: 3);
        var session = await bed.CreateSessionAsync(library, "a.bin");
        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), Slice);

        // The second fragment fails on both of the task's attempts: UploadAsync gives up with the 500.
        var fails = new FailingAfter(bed.Server, fragmentsFirst: 1, failures: 2);
        var error = await Assert.ThrowsAsync<ServiceException>(() => task.UploadAsync(fails));
        var resumed = await task.ResumeAsync();

        Assert.Equal(500, error.ResponseStatusCode);
        Assert.True(resumed.UploadSucceeded);
        Assert.Equal([202, 500, 500, 202, 202, 201], bed.Server.Requests.Where(r => r.Kind == RouteKind.UploadFragment).Select(r => r.Status));
        Assert.Equal(1, bed.Server.Counters[RouteKind.UploadStatus]);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("a.bin")!.Content!.ContentFile));
    }

    /// <summary>Arms the fault once the first fragments have gone through (the task reports progress after each).</summary>
    sealed class FailingAfter(FakeGraphServer server, int fragmentsFirst, int failures) : IProgress<long>
    {
        int _seen;
        public void Report(long value)
        {
            if (++_seen == fragmentsFirst) server.FailNext(500, count: failures, only: RouteKind.UploadFragment);
        }
    }

    [Fact]
    public async Task A_throttled_fragment_is_retried_by_the_SDK_retry_handler_after_Retry_After()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(Slice + 10, seed: 4);
        var session = await bed.CreateSessionAsync(library, "a.bin");
        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), Slice);   // its own client: retry handler, no token

        bed.Server.ThrottleNext(1, retryAfterSeconds: 1, only: RouteKind.UploadFragment);
        var result = await task.UploadAsync();

        Assert.True(result.UploadSucceeded);
        var fragments = bed.Server.Requests.Where(r => r.Kind == RouteKind.UploadFragment).ToList();
        Assert.Equal([429, 202, 201], fragments.Select(f => f.Status));
        Assert.Equal("1", fragments[1].RetryAttempt);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("a.bin")!.Content!.ContentFile));
    }

    [Fact]
    public async Task A_cancelled_session_answers_204_once_then_404_and_leaves_no_bytes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3_000_000);
        var session = await bed.CreateSessionAsync(library, "a.bin");
        using var first = await bed.PutRangeAsync(session!.UploadUrl!, bytes, 0, Slice - 1);
        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), Slice);

        await task.DeleteSessionAsync();
        using var again = await bed.Http.DeleteAsync(session.UploadUrl);
        using var put = await bed.PutRangeAsync(session.UploadUrl!, bytes, Slice, 2 * Slice - 1);
        var resume = await Assert.ThrowsAsync<ServiceException>(() => task.ResumeAsync());

        Assert.Equal(204, bed.Server.Requests.First(r => r.Kind == RouteKind.CancelUpload).Status);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(404, resume.ResponseStatusCode);
        Assert.Empty(bed.Server.State.Content.Files());
        Assert.Empty(bed.Server.State.Drive("Documents").Entries());
    }
}
