using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>The upload URL's protocol, spoken as raw HTTP where the SDK would never get it wrong.</summary>
public sealed class UploadSessionRuleTests
{
    const int Slice = LibraryTestBed.Slice;

    [Fact]
    public async Task Each_partial_fragment_answers_202_with_the_next_expected_range_and_GET_reports_the_same()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(Slice + 1000);
        var session = await bed.CreateSessionAsync(library, "a.bin");

        using var partial = await bed.PutRangeAsync(session!.UploadUrl!, bytes, 0, Slice - 1);
        var progress = JsonNode.Parse(await partial.Content.ReadAsStringAsync())!;
        var status = JsonNode.Parse(await bed.Http.GetStringAsync(session.UploadUrl))!;
        using var last = await bed.PutRangeAsync(session.UploadUrl!, bytes, Slice, bytes.Length - 1);
        var item = JsonNode.Parse(await last.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Accepted, partial.StatusCode);
        Assert.Equal($"{Slice}-", progress["nextExpectedRanges"]![0]!.GetValue<string>());
        Assert.NotNull(progress["expirationDateTime"]);
        Assert.Equal($"{Slice}-", status["nextExpectedRanges"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Null(item["nextExpectedRanges"]);
        Assert.Equal(bytes.Length, item["size"]!.GetValue<long>());
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
        var session = await bed.CreateSessionAsync(library, "a.bin");
        using var first = await bed.PutRangeAsync(session!.UploadUrl!, bytes, 0, Slice - 1);

        var other = why == "total" ? bytes[..^1] : bytes;   // the same bytes, one fewer in the declared total
        using var response = await bed.PutRangeAsync(session.UploadUrl!, other, from, to);
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
        var session = await bed.CreateSessionAsync(library, "a.bin");

        using var odd = await bed.PutRangeAsync(session!.UploadUrl!, bytes, 0, 99_999);
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
    public async Task A_session_expires_after_its_lifetime_without_fragments_each_fragment_extends_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { Clock = clock, UploadSessionLifetime = TimeSpan.FromMinutes(15) });
        var library = await bed.CreateLibraryAsync();
        var bytes = LibraryTestBed.Bytes(3 * Slice + 7);
        var session = await bed.CreateSessionAsync(library, "a.bin");

        clock.Advance(TimeSpan.FromMinutes(10));
        using var first = await bed.PutRangeAsync(session!.UploadUrl!, bytes, 0, Slice - 1);
        clock.Advance(TimeSpan.FromMinutes(10));                       // 20 minutes after creation, 10 after a fragment
        using var second = await bed.PutRangeAsync(session.UploadUrl!, bytes, Slice, 2 * Slice - 1);
        clock.Advance(TimeSpan.FromMinutes(16));
        using var late = await bed.PutRangeAsync(session.UploadUrl!, bytes, 2 * Slice, 3 * Slice - 1);
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
        var session = await bed.CreateSessionAsync(library, "a.bin", conflict: "fail");
        using var first = await bed.PutRangeAsync(session!.UploadUrl!, bytes, 0, Slice - 1);

        await bed.PutAsync(library.DriveId, "a.bin", [1]);            // someone else stores a.bin meanwhile
        using var last = await bed.PutRangeAsync(session.UploadUrl!, bytes, Slice, bytes.Length - 1);
        var status = JsonNode.Parse(await bed.Http.GetStringAsync(session.UploadUrl))!;
        await bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath("a.bin").DeleteAsync();
        using var retried = await bed.PutRangeAsync(session.UploadUrl!, bytes, Slice, bytes.Length - 1);

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

        var taken = await Assert.ThrowsAsync<ODataError>(() => bed.CreateSessionAsync(library, "a.bin", conflict: "fail"));
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
            // The SDK's body has no deferCommit property (6.10 neither): it goes in AdditionalData.
            new CreateUploadSessionPostRequestBody { AdditionalData = new Dictionary<string, object> { ["deferCommit"] = true } });

        using var all = await bed.PutRangeAsync(session!.UploadUrl!, bytes, 0, bytes.Length - 1);
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
        var session = await bed.CreateSessionAsync(library, "a.bin");
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
        using var whole = await bed.PutRangeAsync(session.UploadUrl!, bytes, 0, Slice - 1);

        Assert.Equal(400, bed.Server.Requests.First(r => r.Kind == RouteKind.UploadFragment).Status);
        Assert.Equal("0-", status["nextExpectedRanges"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, whole.StatusCode);
    }
}
