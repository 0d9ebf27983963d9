using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using QuickXorHash = TeamsCrm.FakeGraph.State.QuickXorHash;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class UploadSessionTests
{
    const int Slice = 3 * 320 * 1024;   // a multiple of 320 KiB, as the fragments must be

    static Task<UploadSession?> SessionAsync(GraphTestBed bed, Library library, string path, string conflict = "replace") =>
        bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath(path).CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
        {
            Item = new DriveItemUploadableProperties
            {
                Name = path.Split('/')[^1],
                AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = conflict },
            },
        });

    static async Task<HttpResponseMessage> PutRangeAsync(GraphTestBed bed, string uploadUrl, byte[] file, long from, long to)
    {
        var content = new ByteArrayContent(file, (int)from, (int)(to - from + 1));
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, file.Length);
        return await bed.Http.PutAsync(uploadUrl, content);
    }

    [Fact]
    public async Task LargeFileUploadTask_sends_several_slices_and_gets_the_file_with_its_hash()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        await bed.FolderAsync(library.DriveId, "C-17");
        var bytes = LibraryTestBed.Bytes(3_000_000);

        var session = await SessionAsync(bed, library, "C-17/scan.pdf");
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
    public async Task Each_partial_fragment_answers_202_with_the_next_expected_range_and_GET_reports_the_same()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(Slice + 1000);
        var session = await SessionAsync(bed, library, "a.bin");

        using var partial = await PutRangeAsync(bed, session!.UploadUrl!, bytes, 0, Slice - 1);
        var progress = JsonNode.Parse(await partial.Content.ReadAsStringAsync())!;
        var status = JsonNode.Parse(await bed.Http.GetStringAsync(session.UploadUrl))!;
        using var last = await PutRangeAsync(bed, session.UploadUrl!, bytes, Slice, bytes.Length - 1);
        var item = JsonNode.Parse(await last.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Accepted, partial.StatusCode);
        Assert.Equal($"{Slice}-", progress["nextExpectedRanges"]![0]!.GetValue<string>());
        Assert.NotNull(progress["expirationDateTime"]);
        Assert.Equal($"{Slice}-", status["nextExpectedRanges"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Null(item["nextExpectedRanges"]);
        Assert.Equal(bytes.Length, item["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_fragment_that_fails_once_is_sent_again_by_the_task_and_the_upload_completes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3_000_000, seed: 2);
        var session = await SessionAsync(bed, library, "a.bin");
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
        var session = await SessionAsync(bed, library, "a.bin");
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
        var session = await SessionAsync(bed, library, "a.bin");
        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), Slice);   // its own client: retry handler, no token

        bed.Server.ThrottleNext(1, retryAfterSeconds: 1, only: RouteKind.UploadFragment);
        var result = await task.UploadAsync();

        Assert.True(result.UploadSucceeded);
        var fragments = bed.Server.Requests.Where(r => r.Kind == RouteKind.UploadFragment).ToList();
        Assert.Equal([429, 202, 201], fragments.Select(f => f.Status));
        Assert.Equal("1", fragments[1].RetryAttempt);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("a.bin")!.Content!.ContentFile));
    }

    [Theory]
    [InlineData(0, Slice - 1, "already received")]
    [InlineData(2 * Slice, 3 * Slice - 1, "in order")]
    [InlineData(Slice, 2 * Slice - 1, "total")]
    public async Task A_fragment_not_starting_at_the_next_expected_byte_or_with_another_total_is_416(long from, long to, string why)
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3 * Slice + 5);
        var session = await SessionAsync(bed, library, "a.bin");
        using var first = await PutRangeAsync(bed, session!.UploadUrl!, bytes, 0, Slice - 1);

        var other = why == "total" ? bytes[..^1] : bytes;   // the same bytes, one fewer in the declared total
        using var response = await PutRangeAsync(bed, session.UploadUrl!, other, from, to);
        var status = JsonNode.Parse(await bed.Http.GetStringAsync(session.UploadUrl))!;

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Contains("invalidRange", await response.Content.ReadAsStringAsync());
        Assert.Equal($"{Slice}-", status["nextExpectedRanges"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Fragments_must_be_multiples_of_320_KiB_carry_Content_Range_and_no_Authorization()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(2 * Slice);
        var session = await SessionAsync(bed, library, "a.bin");

        using var odd = await PutRangeAsync(bed, session!.UploadUrl!, bytes, 0, 99_999);
        using var noRange = await bed.Http.PutAsync(session.UploadUrl, new ByteArrayContent(bytes));
        using var withToken = new HttpRequestMessage(HttpMethod.Put, session.UploadUrl)
        {
            Content = new ByteArrayContent(bytes, 0, Slice) { Headers = { ContentRange = new ContentRangeHeaderValue(0, Slice - 1, bytes.Length) } },
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "eyJ0eXAi") },
        };
        using var authorized = await bed.Http.SendAsync(withToken);

        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noRange.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, authorized.StatusCode);
        Assert.Equal(0, bed.Server.State.Uploads.Find(session.UploadUrl!.Split('/')[^1])!.Next);
    }

    [Fact]
    public async Task A_cancelled_session_answers_204_once_then_404_and_leaves_no_bytes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3_000_000);
        var session = await SessionAsync(bed, library, "a.bin");
        using var first = await PutRangeAsync(bed, session!.UploadUrl!, bytes, 0, Slice - 1);
        var task = new LargeFileUploadTask<DriveItem>(session, new MemoryStream(bytes), Slice);

        await task.DeleteSessionAsync();
        using var again = await bed.Http.DeleteAsync(session.UploadUrl);
        using var put = await PutRangeAsync(bed, session.UploadUrl!, bytes, Slice, 2 * Slice - 1);
        var resume = await Assert.ThrowsAsync<ServiceException>(() => task.ResumeAsync());

        Assert.Equal(204, bed.Server.Requests.First(r => r.Kind == RouteKind.CancelUpload).Status);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(404, resume.ResponseStatusCode);
        Assert.Empty(bed.Server.State.Content.Files());
        Assert.Empty(bed.Server.State.Drive("Documents").Entries());
    }

    [Fact]
    public async Task A_session_expires_after_its_lifetime_without_fragments_each_fragment_extends_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { Clock = clock, UploadSessionLifetime = TimeSpan.FromMinutes(15) });
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3 * Slice + 7);
        var session = await SessionAsync(bed, library, "a.bin");

        clock.Advance(TimeSpan.FromMinutes(10));
        using var first = await PutRangeAsync(bed, session!.UploadUrl!, bytes, 0, Slice - 1);
        clock.Advance(TimeSpan.FromMinutes(10));                       // 20 minutes after creation, 10 after a fragment
        using var second = await PutRangeAsync(bed, session.UploadUrl!, bytes, Slice, 2 * Slice - 1);
        clock.Advance(TimeSpan.FromMinutes(16));
        using var late = await PutRangeAsync(bed, session.UploadUrl!, bytes, 2 * Slice, 3 * Slice - 1);
        using var status = await bed.Http.GetAsync(session.UploadUrl);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Empty(bed.Server.State.Content.Files());
    }

    [Fact]
    public async Task A_name_taken_during_the_upload_is_409_at_commit_under_fail_and_the_last_fragment_can_be_sent_again()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(Slice + 50);
        var session = await SessionAsync(bed, library, "a.bin", conflict: "fail");
        using var first = await PutRangeAsync(bed, session!.UploadUrl!, bytes, 0, Slice - 1);

        await bed.PutAsync(library.DriveId, "a.bin", [1]);            // someone else stores a.bin meanwhile
        using var last = await PutRangeAsync(bed, session.UploadUrl!, bytes, Slice, bytes.Length - 1);
        var status = JsonNode.Parse(await bed.Http.GetStringAsync(session.UploadUrl))!;
        await bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("a.bin").DeleteAsync();
        using var retried = await PutRangeAsync(bed, session.UploadUrl!, bytes, Slice, bytes.Length - 1);

        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("nameAlreadyExists", await last.Content.ReadAsStringAsync());
        Assert.Equal($"{Slice}-", status["nextExpectedRanges"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("a.bin")!.Content!.ContentFile));
    }

    [Fact]
    public async Task Fail_refuses_a_taken_name_when_the_session_is_created_and_a_body_name_must_match_the_path()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        await bed.PutAsync(library.DriveId, "a.bin", [1]);

        var taken = await Assert.ThrowsAsync<ODataError>(() => SessionAsync(bed, library, "a.bin", conflict: "fail"));
        var mismatch = await Assert.ThrowsAsync<ODataError>(() =>
            bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("b.bin").CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
            {
                Item = new DriveItemUploadableProperties { Name = "c.bin" },
            }));

        Assert.Equal(409, taken.ResponseStatusCode);
        Assert.Equal(400, mismatch.ResponseStatusCode);
        Assert.Equal(0, bed.Server.State.Uploads.Count);
    }

    [Fact]
    public async Task With_deferCommit_the_file_appears_only_after_the_final_empty_POST_and_an_existing_file_gets_new_content_by_id()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var existing = await bed.PutAsync(library.DriveId, "a.bin", [1]);
        var bytes = LibraryTestBed.Bytes(1000);
        var session = await bed.Graph.Drives[library.DriveId].Items[existing.Id].CreateUploadSession.PostAsync(
            // The SDK's body has no deferCommit property in 5.92: it goes in AdditionalData.
            new CreateUploadSessionPostRequestBody { AdditionalData = new Dictionary<string, object> { ["deferCommit"] = true } });

        using var all = await PutRangeAsync(bed, session!.UploadUrl!, bytes, 0, bytes.Length - 1);
        var waiting = JsonNode.Parse(await all.Content.ReadAsStringAsync())!;
        var before = await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("a.bin")!.Content!.ContentFile);
        using var commit = await bed.Http.PostAsync(session.UploadUrl, new ByteArrayContent([]));
        var item = JsonNode.Parse(await commit.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Accepted, all.StatusCode);
        Assert.Empty(waiting["nextExpectedRanges"]!.AsArray());
        Assert.Equal([1], before);
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        Assert.Equal(existing.Id, item["id"]!.GetValue<string>());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(bed.Server.State.Drive("Documents").Entry("a.bin")!.Content!.ContentFile));
    }

    [Fact]
    public async Task A_fragment_cut_off_half_way_counts_for_nothing_and_the_session_goes_on_from_where_it_was()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(2 * Slice);
        var session = await SessionAsync(bed, library, "a.bin");
        var url = new Uri(session!.UploadUrl!);

        // Raw HTTP/1.1: the headers promise a whole fragment, half of it is sent, then the connection closes.
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(url.Host, url.Port);
            var stream = tcp.GetStream();
            var head = $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Length: {Slice}\r\n" +
                $"Content-Range: bytes 0-{Slice - 1}/{bytes.Length}\r\n\r\n";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes.AsMemory(0, Slice / 2));
            await stream.FlushAsync();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!bed.Server.Requests.Any(r => r.Kind == RouteKind.UploadFragment) && DateTime.UtcNow < deadline) await Task.Delay(20);
        var status = JsonNode.Parse(await bed.Http.GetStringAsync(session.UploadUrl))!;
        using var whole = await PutRangeAsync(bed, session.UploadUrl!, bytes, 0, Slice - 1);

        Assert.Equal(400, bed.Server.Requests.First(r => r.Kind == RouteKind.UploadFragment).Status);
        Assert.Equal("0-", status["nextExpectedRanges"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, whole.StatusCode);
    }
}
