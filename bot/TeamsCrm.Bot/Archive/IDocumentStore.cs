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
    /// </summary>
    Task<CustomerDocument> ReceiveAsync(CustomerDocument received, Stream content, long maxBytes, CancellationToken ct = default);

    /// <summary>
    /// Files a received document in the customer's folder under its category (moved out of the inbox, its metadata set).
    /// Filing it again with the same placement changes nothing.
    /// </summary>
    Task<CustomerDocument> FileAsync(CustomerDocument document, DocumentPlacement placement, DateTimeOffset at, CancellationToken ct = default);

    Task<CustomerDocument?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The customer's filed documents, newest first (one query on the indexed customer number).</summary>
    Task<IReadOnlyList<CustomerDocument>> ForCustomerAsync(string customerNumber, CancellationToken ct = default);

    /// <summary>What waits in the uploader's inbox, oldest first.</summary>
    Task<IReadOnlyList<CustomerDocument>> InboxAsync(string uploaderAadObjectId, CancellationToken ct = default);

    /// <summary>The content, streamed from the store; the caller disposes it.</summary>
    Task<Stream> OpenReadAsync(CustomerDocument document, CancellationToken ct = default);

    /// <summary>Removes one document (filed or not). Removing one that is gone already is fine.</summary>
    Task DeleteAsync(CustomerDocument document, CancellationToken ct = default);

    /// <summary>Removes every document of the customer and its folder, for good (the purge after retention).</summary>
    Task PurgeCustomerAsync(string customerNumber, CancellationToken ct = default);

    /// <summary>Inbox documents received before <paramref name="before"/> that nobody filed: removed by the purge job.</summary>
    Task<IReadOnlyList<CustomerDocument>> UnfiledBeforeAsync(DateTimeOffset before, CancellationToken ct = default);
}

/// <summary>The content was longer than the limit; nothing was kept.</summary>
public sealed class DocumentTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
