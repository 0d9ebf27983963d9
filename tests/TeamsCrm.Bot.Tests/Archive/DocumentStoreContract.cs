using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// What every <see cref="IDocumentStore"/> must do, on SQLite (a local folder) and on SharePoint (a document library through
/// the real Graph SDK against the fake Graph). The layout is checked the same way on both: the paths of the files the store
/// holds, below its root.
/// </summary>
public abstract partial class DocumentStoreContract : IAsyncLifetime
{
    protected const string Acme = "C-2026-00042", Other = "C-2026-00043";
    protected const long Limit = 50L * 1024 * 1024;
    protected static readonly string LiNa = Demo.LiNa.AadObjectId, Tom = Demo.TomBecker.AadObjectId;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    protected ICrmArchive Archive { get; private set; } = null!;
    protected IDocumentStore Store => Archive.Documents;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();
    /// <summary>Every file the store holds, by its path below the store's root, in ordinal order.</summary>
    protected abstract IReadOnlyList<string> StoredFiles();
    /// <summary>Every folder, likewise.</summary>
    protected abstract IReadOnlyList<string> StoredFolders();
    /// <summary>What a failed receive could leave behind: temporary files, open upload sessions, bytes no file refers to.</summary>
    protected abstract IReadOnlyList<string> Leftovers();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    /// <summary>What the chat flow hands over: size and hash are left for the store to measure.</summary>
    protected CustomerDocument Arrived(string name = "scan.pdf", string? uploader = null, string contentType = "application/pdf") => new()
    {
        Id = Guid.NewGuid().ToString("N"), Title = "", OriginalName = name, ContentType = contentType, Size = 0, ContentHash = "",
        UploadedByAadObjectId = uploader ?? LiNa, UploadedAt = Clock.GetUtcNow(),
    };

    protected async Task<CustomerDocument> ReceiveAsync(string name = "scan.pdf", int size = 1000, int seed = 1, string? uploader = null) =>
        await Store.ReceiveAsync(Arrived(name, uploader), new SourceStream(size, seed), Limit);

    protected async Task<byte[]> ContentAsync(CustomerDocument document)
    {
        await using var stream = await Store.OpenReadAsync(document);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected static string Inbox(string uploader) => $"Inbox/{uploader}";

    [Fact]
    public async Task A_received_file_waits_in_its_uploaders_inbox_measured_and_hashed_by_the_store()
    {
        var arrived = Arrived("scan.pdf") with { Title = "Shop front", VisitId = "v-1" };

        var received = await Store.ReceiveAsync(arrived, new SourceStream(1000), Limit);

        var bytes = SourceStream.Bytes(1000);
        Assert.Equal((arrived.Id, "scan.pdf", "Shop front", "v-1", "application/pdf", 1000L, SourceStream.Sha256(bytes)),
            (received.Id, received.OriginalName, received.Title, received.VisitId, received.ContentType, received.Size, received.ContentHash));
        Assert.Equal((LiNa, Clock.GetUtcNow()), (received.UploadedByAadObjectId, received.UploadedAt));
        Assert.False(received.IsFiled);
        Assert.Null(received.FiledAt);
        Assert.Equal(received, await Store.GetAsync(received.Id));
        Assert.Equal([received], await Store.InboxAsync(LiNa));
        Assert.Empty(await Store.InboxAsync(Tom));
        Assert.Equal(bytes, await ContentAsync(received));
        Assert.Equal([$"{Inbox(LiNa)}/scan.pdf"], StoredFiles());
        Assert.Empty(Leftovers());
        Assert.Null(await Store.GetAsync("no-such-document"));
    }

    [Fact]
    public async Task A_received_file_without_a_title_is_titled_by_its_name()
    {
        var received = await ReceiveAsync("报价单.xlsx");

        Assert.Equal("报价单.xlsx", received.Title);
    }

    [Fact]
    public async Task Filing_moves_it_into_the_customers_category_folder_and_out_of_the_inbox()
    {
        var received = await ReceiveAsync("contract.pdf", seed: 2);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var filed = await Store.FileAsync(received, new DocumentPlacement(Acme, ArchiveCategory.Contracts, "Signed contract 2026", EntryId: "e-1"), Clock.GetUtcNow());

        Assert.Equal((Acme, ArchiveCategory.Contracts, "Signed contract 2026", "e-1", Clock.GetUtcNow()),
            (filed.CustomerNumber, filed.Category, filed.Title, filed.EntryId, filed.FiledAt));
        Assert.Equal((received.Id, received.Size, received.ContentHash, received.UploadedAt, received.OriginalName),
            (filed.Id, filed.Size, filed.ContentHash, filed.UploadedAt, filed.OriginalName));
        Assert.True(filed.IsFiled);
        Assert.Equal(filed, await Store.GetAsync(received.Id));
        Assert.Equal([filed], await Store.ForCustomerAsync(Acme));
        Assert.Empty(await Store.InboxAsync(LiNa));
        Assert.Equal([$"{Acme}/2 Contracts & orders/contract.pdf"], StoredFiles());
        Assert.Equal(SourceStream.Bytes(1000, seed: 2), await ContentAsync(filed));
    }

    [Fact]
    public async Task Filing_again_with_the_same_placement_changes_nothing_and_another_placement_moves_it()
    {
        var received = await ReceiveAsync("licence.jpg");
        var placement = new DocumentPlacement(Acme, ArchiveCategory.Basic, "Business licence");
        var filed = await Store.FileAsync(received, placement, Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromHours(1));

        var again = await Store.FileAsync(received, placement, Clock.GetUtcNow());
        var filesAfterAgain = StoredFiles();
        var moved = await Store.FileAsync(again, placement with { Category = ArchiveCategory.Credit, VisitId = "v-9" }, Clock.GetUtcNow());

        Assert.Equal(filed, again);
        Assert.Equal([$"{Acme}/1 Basic/licence.jpg"], filesAfterAgain);
        Assert.Equal((ArchiveCategory.Credit, "v-9", filed.FiledAt), (moved.Category, moved.VisitId, moved.FiledAt));   // filed at first filing
        Assert.Equal([$"{Acme}/3 Credit & repayments/licence.jpg"], StoredFiles());
        Assert.Equal([moved], await Store.ForCustomerAsync(Acme));
        Assert.Equal(SourceStream.Bytes(1000), await ContentAsync(moved));
    }

    [Fact]
    public async Task A_customers_documents_come_newest_first_and_no_one_elses()
    {
        var placed = new List<CustomerDocument>();
        foreach (var (name, category) in new[] { ("a.pdf", ArchiveCategory.Contracts), ("b.pdf", ArchiveCategory.Trade), ("c.pdf", ArchiveCategory.Contracts) })
        {
            var received = await ReceiveAsync(name);
            placed.Add(await Store.FileAsync(received, new DocumentPlacement(Acme, category, name), Clock.GetUtcNow()));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var others = await Store.FileAsync(await ReceiveAsync("d.pdf", uploader: Tom), new DocumentPlacement(Other, ArchiveCategory.Returns, "d"), Clock.GetUtcNow());

        Assert.Equal(["c.pdf", "b.pdf", "a.pdf"], (await Store.ForCustomerAsync(Acme)).Select(d => d.Title));
        Assert.Equal([others], await Store.ForCustomerAsync(Other));
        Assert.Empty(await Store.ForCustomerAsync("C-2026-99999"));
        Assert.Equal(placed.AsEnumerable().Reverse(), await Store.ForCustomerAsync(Acme));
        Assert.Contains($"{Other}/5 Returns, discounts & complaints/d.pdf", StoredFiles());
    }

    [Fact]
    public async Task Each_inbox_holds_its_uploaders_documents_oldest_first_until_they_are_filed()
    {
        var a = await ReceiveAsync("a.jpg");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await ReceiveAsync("b.jpg");
        var c = await ReceiveAsync("c.jpg", uploader: Tom);

        var before = await Store.InboxAsync(LiNa);
        await Store.FileAsync(a, new DocumentPlacement(Acme, ArchiveCategory.Basic, "a"), Clock.GetUtcNow());

        Assert.Equal([a, b], before);
        Assert.Equal([b], await Store.InboxAsync(LiNa));
        Assert.Equal([c], await Store.InboxAsync(Tom));
        Assert.Equal([b], await Store.InboxAsync(LiNa.ToUpperInvariant()));   // Entra object ids compare without case
    }
}
