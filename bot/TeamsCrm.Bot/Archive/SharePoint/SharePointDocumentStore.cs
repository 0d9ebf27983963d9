using System.Collections.Concurrent;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using TeamsCrm.Bot.Archive.Documents;
using TeamsCrm.Bot.Domain.Documents;
using static TeamsCrm.Bot.Archive.SharePoint.DocumentFields;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Documents in one SharePoint document library (<see cref="SharePointLists.Documents"/>) through Graph's drive API, laid out
/// as <see cref="DocumentLayout"/> says, their metadata in the library's columns (<see cref="DocumentFields"/>). A file is
/// spooled to a temporary file first (size limit, SHA-256), then sent from there (<see cref="DriveUpload"/>); its metadata
/// follows in one PATCH, and if that fails the file is deleted again. Round trips, with the folders known (each folder
/// costs 1–3 the first time a process uses it): receive 3 (4 MiB or less) or 3 + ⌈size / 5 MiB⌉; file 3; list, inbox,
/// get and the cleanup's query 1; open 2 (the content's 302 and the download) and delete 1 once this process has seen the
/// document, 1 more otherwise; purge 2.
/// </summary>
sealed partial class SharePointDocumentStore(SharePointSite site, string spoolFolder, ILogger logger) : IDocumentStore
{
    const int MaxRemembered = 10_000;
    static readonly ListDef Library = SharePointLists.Documents;

    readonly LibraryDrive _drive = new(site);
    readonly DriveUpload _upload = new(site.Graph, logger);
    /// <summary>Document id → its list item and drive item ids, which never change (a move keeps them): a read of the document saved.</summary>
    readonly ConcurrentDictionary<string, StoredDocument> _seen = new(StringComparer.Ordinal);

    public async Task<CustomerDocument> ReceiveAsync(CustomerDocument received, Stream content, long maxBytes, CancellationToken ct = default)
    {
        var folder = DocumentLayout.InboxOf(received.UploadedByAadObjectId);
        await using var spool = await DocumentSpool.WriteAsync(content, spoolFolder, maxBytes, ct);
        var document = DocumentFiling.Received(received, spool.Size, spool.Sha256);
        var driveId = await _drive.IdAsync(ct);
        var item = await _drive.InFolderAsync(folder, id => _upload.UploadAsync(driveId, id, DocumentLayout.FileName(document), spool, ct), ct);
        try
        {
            var listItem = await SharePointSite.Unwrapped(() => site.Graph.Drives[driveId].Items[item.Id].ListItem.GetAsync(c => c.QueryParameters.Select = ["id"], ct));
            var saved = await site.UpdateAsync(Library, listItem!.Id!, "*", ForReceived(document, item.Id!), ct);
            return Remember(Read(saved) ?? throw new InvalidOperationException($"Document {document.Id} was stored without its metadata.")).Document;
        }
        catch (Exception e) when (SharePointSite.Is(e, 409))
        {
            // DocumentId is unique: this document was received before. Keep the first; this copy goes.
            await TakeAwayAsync(driveId, item, document.Id);
            return (await FindAsync(document.Id, ct))?.Document ?? throw new InvalidOperationException($"Document {document.Id} was refused as a duplicate but is not on file.", e);
        }
        catch
        {
            await TakeAwayAsync(driveId, item, document.Id);   // no file without its metadata
            throw;
        }
    }

    /// <summary>Deletes a file just uploaded; should that fail too, the failure that caused it is the one to report.</summary>
    async Task TakeAwayAsync(string driveId, DriveItem item, string documentId)
    {
        try { await DeleteItemAsync(driveId, item.Id!); }
        catch (Exception e) when (e is Microsoft.Kiota.Abstractions.ApiException or HttpRequestException)
        {
            LogNotTakenAway(logger, documentId, item.Name ?? item.Id!, e.Message);
        }
    }

    public async Task<CustomerDocument> FileAsync(CustomerDocument document, DocumentPlacement placement, DateTimeOffset at, CancellationToken ct = default)
    {
        var current = await FindAsync(document.Id, ct) ?? throw new KeyNotFoundException($"No document {document.Id}.");
        if (DocumentFiling.IsFiledAs(current.Document, placement)) return current.Document;
        var filed = DocumentFiling.Filed(current.Document, placement, at);
        var (from, to) = (DocumentLayout.FolderFor(current.Document), DocumentLayout.FolderFor(filed));
        var driveId = await _drive.IdAsync(ct);
        if (from != to) await _drive.InFolderAsync(to, id => MoveAsync(driveId, current.DriveItemId, id, DocumentLayout.FileName(filed), ct), ct);
        try
        {
            return Remember(Read(await site.UpdateAsync(Library, current.ListItemId, "*", ForFiled(filed), ct))!).Document;
        }
        catch when (from != to)
        {
            // Back where its metadata says it is (best effort: filing it again finds it either way, by its id).
            try { await _drive.InFolderAsync(from, id => MoveAsync(driveId, current.DriveItemId, id, DocumentLayout.FileName(current.Document), CancellationToken.None), CancellationToken.None); }
            catch (Exception e) when (e is Microsoft.Kiota.Abstractions.ApiException or HttpRequestException) { LogNotMovedBack(logger, document.Id, e.Message); }
            throw;
        }
    }

    public async Task<CustomerDocument?> GetAsync(string id, CancellationToken ct = default) => (await FindAsync(id, ct))?.Document;

    /// <summary>One query on the indexed CustomerNumber; eq ignores case, the number is matched exactly here.</summary>
    public async Task<IReadOnlyList<CustomerDocument>> ForCustomerAsync(string customerNumber, CancellationToken ct = default) =>
        OfCustomer(await site.QueryAsync(Library, ODataFilter.Eq(SharePointLists.CustomerNumber, customerNumber), ct), customerNumber);

    /// <summary>The customer's documents among the items its query answered, last filed first (each remembered).</summary>
    internal List<CustomerDocument> OfCustomer(IEnumerable<ItemFields> items, string customerNumber) =>
        [.. items.Select(Read).OfType<StoredDocument>().Select(Remember).Where(s => s.Document.CustomerNumber == customerNumber)
            .OrderByDescending(s => s.Document.FiledAt).ThenByDescending(ItemNumber).Select(s => s.Document)];

    /// <summary>One query on the indexed InboxOf, which only documents waiting to be filed hold.</summary>
    public async Task<IReadOnlyList<CustomerDocument>> InboxAsync(string uploaderAadObjectId, CancellationToken ct = default) =>
        OldestFirst((await QueryAsync(ODataFilter.Eq(InboxOf, uploaderAadObjectId), ct))
            .Where(s => !s.Document.IsFiled && s.Document.UploadedByAadObjectId.Equals(uploaderAadObjectId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>One query on the indexed InboxSince (empty once filed); the exact time is compared here.</summary>
    public async Task<IReadOnlyList<CustomerDocument>> UnfiledBeforeAsync(DateTimeOffset before, CancellationToken ct = default) =>
        OldestFirst((await QueryAsync(ODataFilter.AtOrBefore(InboxSince, before), ct)).Where(s => !s.Document.IsFiled && s.Document.UploadedAt < before));

    /// <summary>GET …/items/{id}/content: a 302 to the download URL, which the SDK's redirect handler follows; the body is streamed.</summary>
    public async Task<Stream> OpenReadAsync(CustomerDocument document, CancellationToken ct = default)
    {
        var stored = await KnownAsync(document.Id, ct) ?? throw new KeyNotFoundException($"No document {document.Id}.");
        var driveId = await _drive.IdAsync(ct);
        try
        {
            return await SharePointSite.Unwrapped(() => site.Graph.Drives[driveId].Items[stored.DriveItemId].Content.GetAsync(cancellationToken: ct))
                ?? throw new KeyNotFoundException($"Document {document.Id} has no content.");
        }
        catch (Exception e) when (SharePointSite.Is(e, 404))
        {
            _seen.TryRemove(document.Id, out _);
            throw new KeyNotFoundException($"The file of document {document.Id} is gone.", e);
        }
    }

    /// <summary>DELETE …/items/{id}: the file and its list item (to the site's recycle bin); gone already is fine.</summary>
    public async Task DeleteAsync(CustomerDocument document, CancellationToken ct = default)
    {
        if (await KnownAsync(document.Id, ct) is not { } stored) return;
        await DeleteItemAsync(await _drive.IdAsync(ct), stored.DriveItemId, ct);
        _seen.TryRemove(document.Id, out _);
    }

    /// <summary>
    /// The customer's folder, for good (permanentDelete: no recycle bin, the purge is the end of the retention), then one query
    /// for any of its documents found elsewhere (moved by hand). Running it again finishes what a failure left.
    /// </summary>
    public async Task PurgeCustomerAsync(string customerNumber, CancellationToken ct = default)
    {
        var folder = DocumentLayout.CustomerFolder(customerNumber);
        var driveId = await _drive.IdAsync(ct);
        try { await SharePointSite.Unwrapped(() => site.Graph.Drives[driveId].Items["root"].ItemWithPath(folder).PermanentDelete.PostAsync(cancellationToken: ct)); }
        catch (Exception e) when (SharePointSite.Is(e, 404)) { }
        _drive.Forget(folder);
        foreach (var left in (await QueryAsync(ODataFilter.Eq(SharePointLists.CustomerNumber, customerNumber), ct)).Where(s => s.Document.CustomerNumber == customerNumber))
            await PermanentDeleteAsync(driveId, left.DriveItemId, ct);
        foreach (var (id, stored) in _seen)
            if (stored.Document.CustomerNumber == customerNumber) _seen.TryRemove(id, out _);
    }

    Task MoveAsync(string driveId, string itemId, string folderId, string name, CancellationToken ct)
    {
        var item = site.Graph.Drives[driveId].Items[itemId];
        // The conflict behaviour goes in the URL; the URL is built from a throwaway body (building it from the real one would
        // leave that one's backing store with nothing to send).
        var move = item.WithUrl(item.ToPatchRequestInformation(new DriveItem()).URI.AbsoluteUri + "?@microsoft.graph.conflictBehavior=rename");
        return SharePointSite.Unwrapped(() => move.PatchAsync(new DriveItem { ParentReference = new ItemReference { Id = folderId }, Name = name }, cancellationToken: ct));
    }

    async Task DeleteItemAsync(string driveId, string itemId, CancellationToken ct = default)
    {
        try { await SharePointSite.Unwrapped(() => site.Graph.Drives[driveId].Items[itemId].DeleteAsync(cancellationToken: ct)); }
        catch (Exception e) when (SharePointSite.Is(e, 404)) { }
    }

    async Task PermanentDeleteAsync(string driveId, string itemId, CancellationToken ct)
    {
        try { await SharePointSite.Unwrapped(() => site.Graph.Drives[driveId].Items[itemId].PermanentDelete.PostAsync(cancellationToken: ct)); }
        catch (Exception e) when (SharePointSite.Is(e, 404)) { }
    }

    async Task<StoredDocument?> KnownAsync(string id, CancellationToken ct) => _seen.TryGetValue(id, out var known) ? known : await FindAsync(id, ct);

    /// <summary>One query on the unique, indexed DocumentId.</summary>
    async Task<StoredDocument?> FindAsync(string id, CancellationToken ct) =>
        (await QueryAsync(ODataFilter.Eq(DocumentId, id), ct, top: 2)).FirstOrDefault(s => s.Document.Id == id);

    async Task<List<StoredDocument>> QueryAsync(string filter, CancellationToken ct, int top = SharePointSite.MaxPage) =>
        [.. (await site.QueryAsync(Library, filter, ct, top)).Select(Read).OfType<StoredDocument>().Select(Remember)];

    StoredDocument Remember(StoredDocument stored)
    {
        if (_seen.Count >= MaxRemembered) _seen.Clear();
        return _seen[stored.Document.Id] = stored;
    }

    static List<CustomerDocument> OldestFirst(IEnumerable<StoredDocument> items) =>
        [.. items.OrderBy(s => s.Document.UploadedAt).ThenBy(ItemNumber).Select(s => s.Document)];

    /// <summary>List item ids are integers that only grow: their order is the order files arrived.</summary>
    static long ItemNumber(StoredDocument s) => long.Parse(s.ListItemId, System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId}: the uploaded file '{Name}' could not be deleted after its metadata failed ({Error}); it stays in the inbox folder without metadata")]
    static partial void LogNotTakenAway(ILogger logger, string documentId, string name, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} was moved but its metadata could not be written, nor could it be moved back ({Error}); filing it again puts it right")]
    static partial void LogNotMovedBack(ILogger logger, string documentId, string error);
}
