using Microsoft.Kiota.Abstractions;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>What only the SharePoint store shows: its round trips, upload sessions resumed or cancelled, throttling, and a write half done.</summary>
public sealed partial class SharePointDocumentStoreContract
{
    const int MiB = 1024 * 1024;

    FakeGraphServer Server => SharePoint.Server;

    IEnumerable<int> Statuses(RouteKind kind) => Server.Requests.Where(r => r.Kind == kind).Select(r => r.Status);

    async Task<T> Counted<T>(Dictionary<string, long> calls, string operation, Func<Task<T>> run)
    {
        Server.ResetCounters();
        var result = await run();
        calls[operation] = Server.Counters.HttpCalls;
        return result;
    }

    [Fact]
    public async Task Round_trips_per_operation()
    {
        var calls = new Dictionary<string, long>();
        var placement = new DocumentPlacement(Acme, ArchiveCategory.Contracts, "Contract");
        var first = await Counted(calls, "first receive of a new process (lists, drive, Inbox and Inbox/{id} made)", () => ReceiveAsync("first.pdf"));
        await Counted(calls, "first filing for a new customer (both folders made)", () => Store.FileAsync(first, placement, Clock.GetUtcNow()));
        var small = await Counted(calls, "receive 1 KB", () => ReceiveAsync("small.pdf"));
        var large = await Counted(calls, "receive 6 MiB", () => Store.ReceiveAsync(Arrived("large.pdf"), new SourceStream(6 * MiB), Limit));
        var filed = await Counted(calls, "file", () => Store.FileAsync(small, placement, Clock.GetUtcNow()));
        await Counted(calls, "file again, same placement", () => Store.FileAsync(filed, placement, Clock.GetUtcNow()));
        await Counted(calls, "customer's documents", () => Store.ForCustomerAsync(Acme));
        await Counted(calls, "inbox", () => Store.InboxAsync(LiNa));
        await Counted(calls, "get", () => Store.GetAsync(small.Id));
        await Counted(calls, "unfiled before", () => Store.UnfiledBeforeAsync(Clock.GetUtcNow()));
        await Counted(calls, "open", async () => { await using var s = await Store.OpenReadAsync(filed); return await s.ReadAsync(new byte[16]); });
        await Counted(calls, "delete", async () => { await Store.DeleteAsync(large); return true; });
        var another = SharePoint.Archive(Clock).Documents;   // another instance: it has seen none of these documents
        await another.GetAsync(first.Id);                      // …once it knows its lists and drive
        await using (await another.OpenReadAsync(first)) { }
        await Counted(calls, "open on another instance", async () => { await using var s = await another.OpenReadAsync(filed); return 0; });
        await Counted(calls, "purge", async () => { await Store.PurgeCustomerAsync(Acme); return true; });

        Assert.Equal(new Dictionary<string, long>
        {
            ["first receive of a new process (lists, drive, Inbox and Inbox/{id} made)"] = 8,
            ["first filing for a new customer (both folders made)"] = 6,
            ["receive 1 KB"] = 3, ["receive 6 MiB"] = 5, ["file"] = 3, ["file again, same placement"] = 1,
            ["customer's documents"] = 1, ["inbox"] = 1, ["get"] = 1, ["unfiled before"] = 1, ["open"] = 2, ["delete"] = 1,
            ["open on another instance"] = 3, ["purge"] = 2,
        }, calls);
    }

    [Fact]
    public async Task A_large_file_goes_through_an_upload_session_in_5_MiB_slices_and_a_slice_that_fails_is_resumed()
    {
        Server.FailNext(500, count: 2, only: RouteKind.UploadFragment);   // the SDK tries a slice twice; then the store resumes

        var received = await Store.ReceiveAsync(Arrived("survey.pdf"), new SourceStream(6 * MiB, seed: 4), Limit);

        Assert.Equal(0, Server.Counters[RouteKind.UploadContent]);
        Assert.Equal(1, Server.Counters[RouteKind.CreateUploadSession]);
        Assert.Equal([500, 500, 202, 201], Statuses(RouteKind.UploadFragment));
        Assert.Equal(1, Server.Counters[RouteKind.UploadStatus]);                          // where to go on from
        Assert.Equal(SourceStream.Bytes(6 * MiB, seed: 4), await ContentAsync(received));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task An_upload_that_fails_for_good_deletes_its_session_and_keeps_nothing()
    {
        Server.FailNext(500, count: 1000, only: RouteKind.UploadFragment);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Store.ReceiveAsync(Arrived("survey.pdf"), new SourceStream(6 * MiB), Limit));

        Assert.True(failure is ApiException { ResponseStatusCode: 500 }, failure.ToString());
        Assert.Equal(2, Server.Counters[RouteKind.UploadStatus]);   // resumed twice…
        Assert.Equal([204], Statuses(RouteKind.CancelUpload));      // …then the session deleted
        Assert.Empty(StoredFiles());
        Assert.Empty(Leftovers());
        Assert.Empty(await Store.InboxAsync(LiNa));
    }

    [Fact]
    public async Task Throttling_and_outages_during_uploads_are_waited_out()
    {
        Server.ThrottleNext(1, retryAfterSeconds: 1, only: RouteKind.UploadContent);
        var small = await ReceiveAsync("small.pdf");
        Server.ThrottleNext(1, retryAfterSeconds: 1, only: RouteKind.UploadFragment);
        var large = await Store.ReceiveAsync(Arrived("large.pdf"), new SourceStream(6 * MiB, seed: 2), Limit);
        Server.FailNext(503, retryAfterSeconds: 1, only: RouteKind.CreateUploadSession);
        var third = await Store.ReceiveAsync(Arrived("third.pdf"), new SourceStream(5 * MiB, seed: 3), Limit);

        Assert.Equal([429, 201], Statuses(RouteKind.UploadContent));
        Assert.Equal([429, 202, 201, 201], Statuses(RouteKind.UploadFragment));   // 6 MiB in two slices, 5 MiB in one
        Assert.Equal([200, 503, 200], Statuses(RouteKind.CreateUploadSession));
        Assert.Equal(SourceStream.Bytes(1000), await ContentAsync(small));
        Assert.Equal(SourceStream.Bytes(6 * MiB, seed: 2), await ContentAsync(large));
        Assert.Equal(SourceStream.Bytes(5 * MiB, seed: 3), await ContentAsync(third));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task Metadata_that_cannot_be_written_takes_the_uploaded_file_away_again()
    {
        Server.FailNext(500, only: RouteKind.UpdateItem);

        var failure = await Assert.ThrowsAnyAsync<ApiException>(() => ReceiveAsync("scan.pdf"));

        Assert.Equal(500, failure.ResponseStatusCode);
        Assert.Empty(StoredFiles());
        Assert.Empty(Leftovers());
        Assert.Empty(await Store.InboxAsync(LiNa));
        var next = await ReceiveAsync("scan.pdf");                     // the next one goes through, under the same name
        Assert.Equal([$"{Inbox(LiNa)}/scan.pdf"], StoredFiles());
        Assert.Equal([next], await Store.InboxAsync(LiNa));
    }

    [Fact]
    public async Task Filing_whose_metadata_cannot_be_written_puts_the_file_back_and_files_nothing()
    {
        var received = await ReceiveAsync("contract.pdf");
        Server.FailNext(500, only: RouteKind.UpdateItem);

        await Assert.ThrowsAnyAsync<ApiException>(() => Store.FileAsync(received, new DocumentPlacement(Acme, ArchiveCategory.Contracts, "c"), Clock.GetUtcNow()));

        Assert.Equal(received, await Store.GetAsync(received.Id));
        Assert.Empty(await Store.ForCustomerAsync(Acme));
        Assert.Equal([$"{Inbox(LiNa)}/contract.pdf"], StoredFiles());
        var filed = await Store.FileAsync(received, new DocumentPlacement(Acme, ArchiveCategory.Contracts, "c"), Clock.GetUtcNow());
        Assert.Equal([filed], await Store.ForCustomerAsync(Acme));
    }
}
