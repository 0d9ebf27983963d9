using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// The customers' documents, beside the lists: SharePoint (a document library through Graph's drive API, a folder per
/// customer and a sub-folder per category) or, with SQLite, a local folder next to the database. One contract suite runs
/// on both. Content is always streamed, never held whole in memory.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Receives a file into its uploader's inbox (not yet filed). Reads <paramref name="content"/> to its end, computing size
    /// and hash on the way. More than <paramref name="maxBytes"/> → <see cref="DocumentTooLargeException"/>, and nothing is
    /// kept; any failure part-way keeps nothing either (an upload session is cancelled, a temporary file removed).
    /// The store measures: <paramref name="received"/>'s Size and ContentHash are ignored, its OriginalName is sanitised
    /// (<see cref="DocumentNames"/>) and names the file, an empty Title becomes that name, and it is returned unfiled
    /// (<see cref="DocumentFiling.Received"/>). A document whose Id is on file already is not stored again: the one on file
    /// is returned (so an id derived from the activity makes a redelivered message harmless). A name taken in the inbox
    /// keeps both files, the later one numbered ("scan 1.pdf").
    /// </summary>
    Task<CustomerDocument> ReceiveAsync(CustomerDocument received, Stream content, long maxBytes, CancellationToken ct = default);

    /// <summary>
    /// Files a received document in the customer's folder under its category (moved out of the inbox, its metadata set).
    /// Filing it again with the same placement changes nothing; with another placement it moves (another category, entry,
    /// title or customer; <see cref="DocumentFiling.Filed"/> says what changes). A name taken in the folder keeps both files,
    /// the later one numbered ("contract 1.pdf"). The document gone (deleted, purged) → <see cref="KeyNotFoundException"/>.
    /// </summary>
    Task<CustomerDocument> FileAsync(CustomerDocument document, DocumentPlacement placement, DateTimeOffset at, CancellationToken ct = default);

    Task<CustomerDocument?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The customer's filed documents, newest first (one query on the indexed customer number).</summary>
    Task<IReadOnlyList<CustomerDocument>> ForCustomerAsync(string customerNumber, CancellationToken ct = default);

    /// <summary>What waits in the uploader's inbox, oldest first.</summary>
    Task<IReadOnlyList<CustomerDocument>> InboxAsync(string uploaderAadObjectId, CancellationToken ct = default);

    /// <summary>The content, streamed from the store; the caller disposes it. The document gone → <see cref="KeyNotFoundException"/>.</summary>
    Task<Stream> OpenReadAsync(CustomerDocument document, CancellationToken ct = default);

    /// <summary>
    /// Removes one document (filed or not). Removing one that is gone already is fine. On SharePoint the file goes to the
    /// site's recycle bin (an administrator can bring it back); the purge bypasses it.
    /// </summary>
    Task DeleteAsync(CustomerDocument document, CancellationToken ct = default);

    /// <summary>Removes every document of the customer and its folder, for good (the purge after retention).</summary>
    Task PurgeCustomerAsync(string customerNumber, CancellationToken ct = default);

    /// <summary>Inbox documents received before <paramref name="before"/> (strictly) that nobody filed, oldest first: removed by the purge job.</summary>
    Task<IReadOnlyList<CustomerDocument>> UnfiledBeforeAsync(DateTimeOffset before, CancellationToken ct = default);
}

/// <summary>The content was longer than the limit; nothing was kept.</summary>
public sealed class DocumentTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
