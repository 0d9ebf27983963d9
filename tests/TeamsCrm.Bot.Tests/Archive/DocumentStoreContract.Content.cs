using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>Content: limits, streams that fail, a file large enough for an upload session, names, and the same file twice.</summary>
public abstract partial class DocumentStoreContract
{
    const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_file_over_the_limit_stops_early_and_nothing_is_kept()
    {
        var source = new SourceStream(10 * MiB);

        var refused = await Assert.ThrowsAsync<DocumentTooLargeException>(() => Store.ReceiveAsync(Arrived(), source, maxBytes: MiB));

        Assert.Equal(MiB, refused.MaxBytes);
        Assert.InRange(source.BytesRead, MiB + 1, MiB + 128 * 1024);   // read just past the limit, not to the end
        Assert.Empty(StoredFiles());
        Assert.Empty(Leftovers());
        Assert.Empty(await Store.InboxAsync(LiNa));
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_kept()
    {
        var kept = await Store.ReceiveAsync(Arrived(), new SourceStream(MiB), maxBytes: MiB);

        Assert.Equal(MiB, kept.Size);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task A_stream_that_fails_half_way_keeps_nothing()
    {
        var source = new SourceStream(6 * MiB, failAfter: 3 * MiB);

        await Assert.ThrowsAsync<IOException>(() => Store.ReceiveAsync(Arrived("photo.heic", contentType: "image/heic"), source, Limit));

        Assert.Equal(3 * MiB, source.BytesRead);
        Assert.Empty(StoredFiles());
        Assert.Empty(Leftovers());
        Assert.Empty(await Store.InboxAsync(LiNa));
    }

    [Fact]
    public async Task A_large_file_goes_in_and_comes_back_byte_for_byte()
    {
        const int size = 6 * MiB + 123;

        var received = await Store.ReceiveAsync(Arrived("survey.pdf"), new SourceStream(size, seed: 5), Limit);
        var filed = await Store.FileAsync(received, new DocumentPlacement(Acme, ArchiveCategory.Trade, "Inspection report"), Clock.GetUtcNow());

        var bytes = SourceStream.Bytes(size, seed: 5);
        Assert.Equal((size, SourceStream.Sha256(bytes)), (filed.Size, filed.ContentHash));
        Assert.Equal(bytes, await ContentAsync(filed));
        Assert.Equal([$"{Acme}/4 Trade/survey.pdf"], StoredFiles());
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task An_empty_file_is_kept_too()
    {
        var empty = await Store.ReceiveAsync(Arrived("empty.txt", contentType: "text/plain"), new SourceStream(0), Limit);

        Assert.Equal((0L, SourceStream.Sha256([])), (empty.Size, empty.ContentHash));
        Assert.Empty(await ContentAsync(empty));
    }

    [Fact]
    public async Task Odd_and_Chinese_names_are_sanitised_and_a_name_taken_in_a_folder_keeps_both_files()
    {
        var first = await ReceiveAsync("../../合同 2026:签字?.pdf", seed: 1);
        var second = await ReceiveAsync("合同 2026_签字_.PDF", seed: 2);      // the same name but for case
        var reserved = await ReceiveAsync("CON.pdf", seed: 3);
        var inInbox = StoredFiles();
        var placement = new DocumentPlacement(Acme, ArchiveCategory.Contracts, "合同");

        var filedFirst = await Store.FileAsync(first, placement, Clock.GetUtcNow());
        var filedSecond = await Store.FileAsync(second, placement, Clock.GetUtcNow());

        Assert.Equal(("合同 2026_签字_.pdf", "合同 2026_签字_.PDF", "file.pdf"), (first.OriginalName, second.OriginalName, reserved.OriginalName));
        Assert.Equal([$"{Inbox(LiNa)}/file.pdf", $"{Inbox(LiNa)}/合同 2026_签字_ 1.PDF", $"{Inbox(LiNa)}/合同 2026_签字_.pdf"], inInbox);
        Assert.Equal([$"{Acme}/2 Contracts & orders/合同 2026_签字_ 1.PDF", $"{Acme}/2 Contracts & orders/合同 2026_签字_.pdf", $"{Inbox(LiNa)}/file.pdf"],
            StoredFiles());
        Assert.Equal(SourceStream.Bytes(1000, seed: 1), await ContentAsync(filedFirst));
        Assert.Equal(SourceStream.Bytes(1000, seed: 2), await ContentAsync(filedSecond));
    }

    [Fact]
    public async Task A_document_received_again_under_its_id_keeps_the_first_and_nothing_more()
    {
        var arrived = Arrived("scan.pdf");
        var first = await Store.ReceiveAsync(arrived, new SourceStream(1000, seed: 1), Limit);

        var again = await Store.ReceiveAsync(arrived, new SourceStream(2000, seed: 2), Limit);

        Assert.Equal(first, again);
        Assert.Equal(SourceStream.Bytes(1000, seed: 1), await ContentAsync(again));
        Assert.Equal([$"{Inbox(LiNa)}/scan.pdf"], StoredFiles());
        Assert.Empty(Leftovers());
    }
}
