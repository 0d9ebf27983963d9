using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>Deleting one document, purging a customer's, and finding what nobody filed.</summary>
public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Deleting_removes_the_file_and_its_record_and_deleting_again_is_fine()
    {
        var filed = await Store.FileAsync(await ReceiveAsync("a.pdf"), new DocumentPlacement(Acme, ArchiveCategory.Contracts, "a"), Clock.GetUtcNow());
        var waiting = await ReceiveAsync("b.pdf");
        var kept = await ReceiveAsync("c.pdf");

        await Store.DeleteAsync(filed);
        await Store.DeleteAsync(waiting);
        await Store.DeleteAsync(waiting);

        Assert.Null(await Store.GetAsync(filed.Id));
        Assert.Null(await Store.GetAsync(waiting.Id));
        Assert.Empty(await Store.ForCustomerAsync(Acme));
        Assert.Equal([kept], await Store.InboxAsync(LiNa));
        Assert.Equal([$"{Inbox(LiNa)}/c.pdf"], StoredFiles());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.OpenReadAsync(filed));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.FileAsync(waiting, new DocumentPlacement(Acme, ArchiveCategory.Basic, "b"), Clock.GetUtcNow()));
    }

    [Fact]
    public async Task The_purge_removes_the_customers_folder_and_records_and_leaves_everyone_else_alone()
    {
        var contract = await Store.FileAsync(await ReceiveAsync("contract.pdf"), new DocumentPlacement(Acme, ArchiveCategory.Contracts, "c"), Clock.GetUtcNow());
        var licence = await Store.FileAsync(await ReceiveAsync("licence.pdf"), new DocumentPlacement(Acme, ArchiveCategory.Basic, "l"), Clock.GetUtcNow());
        var others = await Store.FileAsync(await ReceiveAsync("other.pdf", seed: 3), new DocumentPlacement(Other, ArchiveCategory.Contracts, "o"), Clock.GetUtcNow());
        var waiting = await ReceiveAsync("waiting.pdf");

        await Store.PurgeCustomerAsync(Acme);
        await Store.PurgeCustomerAsync(Acme);   // again: nothing left to do, no error

        Assert.Empty(await Store.ForCustomerAsync(Acme));
        Assert.Null(await Store.GetAsync(contract.Id));
        Assert.Null(await Store.GetAsync(licence.Id));
        Assert.DoesNotContain(StoredFolders(), f => f == Acme || f.StartsWith(Acme + "/", StringComparison.Ordinal));
        Assert.Equal([others], await Store.ForCustomerAsync(Other));
        Assert.Equal(SourceStream.Bytes(1000, seed: 3), await ContentAsync(others));
        Assert.Equal([waiting], await Store.InboxAsync(LiNa));
        Assert.Equal([$"{Other}/2 Contracts & orders/other.pdf", $"{Inbox(LiNa)}/waiting.pdf"], StoredFiles());
    }

    [Fact]
    public async Task A_customer_filed_again_after_its_purge_gets_a_new_folder()
    {
        await Store.FileAsync(await ReceiveAsync("a.pdf"), new DocumentPlacement(Acme, ArchiveCategory.Contracts, "a"), Clock.GetUtcNow());
        await Store.PurgeCustomerAsync(Acme);

        var again = await Store.FileAsync(await ReceiveAsync("b.pdf"), new DocumentPlacement(Acme, ArchiveCategory.Contracts, "b"), Clock.GetUtcNow());

        Assert.Equal([again], await Store.ForCustomerAsync(Acme));
        Assert.Equal([$"{Acme}/2 Contracts & orders/b.pdf"], StoredFiles());
    }

    [Fact]
    public async Task Documents_nobody_filed_are_found_for_the_cleanup_by_when_they_arrived()
    {
        var start = Clock.GetUtcNow();
        var old = await ReceiveAsync("old.jpg");
        var filed = await Store.FileAsync(await ReceiveAsync("filed.jpg"), new DocumentPlacement(Acme, ArchiveCategory.Basic, "f"), Clock.GetUtcNow());
        var oldToms = await ReceiveAsync("toms.jpg", uploader: Tom);
        Clock.Advance(TimeSpan.FromDays(2));
        var recent = await ReceiveAsync("recent.jpg");

        Assert.Equal([old, oldToms], await Store.UnfiledBeforeAsync(start.AddDays(1)));
        Assert.Empty(await Store.UnfiledBeforeAsync(start));   // received at that very time: not before it
        Assert.Equal([old, oldToms, recent], await Store.UnfiledBeforeAsync(start.AddDays(3)));
        Assert.DoesNotContain(filed, await Store.UnfiledBeforeAsync(start.AddDays(3)));
    }

    [Fact]
    public async Task Names_that_could_leave_their_folder_are_refused_and_keep_nothing()
    {
        var received = await ReceiveAsync("a.pdf");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReceiveAsync(Arrived(uploader: "../../etc"), new SourceStream(10), Limit));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FileAsync(received, new DocumentPlacement("../C-1", ArchiveCategory.Basic, "x"), Clock.GetUtcNow()));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PurgeCustomerAsync(".."));

        Assert.Equal([$"{Inbox(LiNa)}/a.pdf"], StoredFiles());
        Assert.Equal([received], await Store.InboxAsync(LiNa));
        Assert.Empty(Leftovers());
    }
}
