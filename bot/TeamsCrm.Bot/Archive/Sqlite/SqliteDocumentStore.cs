using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Archive.Documents;
using TeamsCrm.Bot.Domain.Documents;
using static TeamsCrm.Bot.Archive.Sqlite.SqliteDocumentRows;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// Documents as files under a local folder laid out as the SharePoint library is (<see cref="DocumentLayout"/>), their
/// metadata in the database. A file arrives in a spool folder inside the documents folder (same disk, so that moving it
/// in is a rename), and its row is written in the transaction that moves it: a failure anywhere leaves neither a row nor
/// a file. Writers take turns (<see cref="SqliteDatabase.BeginWriteAsync"/>), so the free name a writer picks is still
/// free when it moves the file there.
/// </summary>
sealed class SqliteDocumentStore(SqliteDatabase db, string root) : IDocumentStore
{
    /// <summary>Files being received; a leading dot keeps it apart from customer numbers and the inbox.</summary>
    const string SpoolFolder = ".incoming";

    readonly string _root = Path.GetFullPath(root);

    public async Task<CustomerDocument> ReceiveAsync(CustomerDocument received, Stream content, long maxBytes, CancellationToken ct = default)
    {
        var folder = DocumentLayout.InboxOf(received.UploadedByAadObjectId);
        await using var spool = await DocumentSpool.WriteAsync(content, Full(SpoolFolder), maxBytes, ct);
        var document = DocumentFiling.Received(received, spool.Size, spool.Sha256);
        await using var write = await db.BeginWriteAsync(ct);
        if (await FindAsync(write.Connection, received.Id, ct) is { } known) return known.Document;   // received before: keep the first
        var path = await MoveInAsync(write.Connection, spool.Path, folder, document.OriginalName, ct);
        try
        {
            await InsertAsync(write.Connection, document, path, ct);
            await write.CommitAsync(ct);
            return document;
        }
        catch
        {
            TryDelete(Full(path));
            throw;
        }
    }

    public async Task<CustomerDocument> FileAsync(CustomerDocument document, DocumentPlacement placement, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var current = await FindAsync(write.Connection, document.Id, ct) ?? throw new KeyNotFoundException($"No document {document.Id}.");
        if (DocumentFiling.IsFiledAs(current.Document, placement)) return current.Document;
        var filed = DocumentFiling.Filed(current.Document, placement, at);
        var folder = DocumentLayout.FolderFor(filed);
        var moved = Parent(current.Path) != folder;
        var path = moved ? await MoveInAsync(write.Connection, Full(current.Path), folder, DocumentLayout.FileName(filed), ct) : current.Path;
        try
        {
            await UpdateAsync(write.Connection, filed, path, ct);
            await write.CommitAsync(ct);
            return filed;
        }
        catch when (moved)
        {
            // Back where the row says it is; should that fail too, the original failure is the one to report.
            try { File.Move(Full(path), Full(current.Path)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }

    public async Task<CustomerDocument?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return (await FindAsync(c, id, ct))?.Document;
    }

    /// <summary>On documents_customer; ties (the same second) in the order they arrived, newest first.</summary>
    public async Task<IReadOnlyList<CustomerDocument>> ForCustomerAsync(string customerNumber, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return [.. (await QueryAsync(c, "customer_number = $n", "ORDER BY filed_at DESC, seq DESC", ct, ("$n", customerNumber))).Select(r => r.Document)];
    }

    /// <summary>On the partial index documents_inbox, which holds only what waits.</summary>
    public async Task<IReadOnlyList<CustomerDocument>> InboxAsync(string uploaderAadObjectId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return [.. (await QueryAsync(c, "uploaded_by_aad_object_id = $by AND customer_number IS NULL", "ORDER BY uploaded_at, seq", ct,
            ("$by", uploaderAadObjectId))).Select(r => r.Document)];
    }

    /// <summary>On the partial index documents_unfiled.</summary>
    public async Task<IReadOnlyList<CustomerDocument>> UnfiledBeforeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return [.. (await QueryAsync(c, "uploaded_at < $before AND customer_number IS NULL", "ORDER BY uploaded_at, seq", ct,
            ("$before", Sql.Iso(before)))).Select(r => r.Document)];
    }

    public async Task<Stream> OpenReadAsync(CustomerDocument document, CancellationToken ct = default)
    {
        await using var c = db.Open();
        var row = await FindAsync(c, document.Id, ct) ?? throw new KeyNotFoundException($"No document {document.Id}.");
        try
        {
            return new FileStream(Full(row.Path), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KeyNotFoundException($"The file of document {document.Id} is gone.", e);
        }
    }

    /// <summary>The row first, then the file: a crash in between leaves a file nothing refers to, never a row without its file.</summary>
    public async Task DeleteAsync(CustomerDocument document, CancellationToken ct = default)
    {
        string path;
        await using (var write = await db.BeginWriteAsync(ct))
        {
            if (await FindAsync(write.Connection, document.Id, ct) is not { } row) return;
            await Sql.ExecAsync(write.Connection, "DELETE FROM documents WHERE id = $id", ct, ("$id", document.Id));
            await write.CommitAsync(ct);
            path = row.Path;
        }
        TryDelete(Full(path));
    }

    /// <summary>Rows, then the folder with whatever is in it; running it again finishes what a crash left.</summary>
    public async Task PurgeCustomerAsync(string customerNumber, CancellationToken ct = default)
    {
        var folder = Full(DocumentLayout.CustomerFolder(customerNumber));
        await using (var write = await db.BeginWriteAsync(ct))
        {
            await Sql.ExecAsync(write.Connection, "DELETE FROM documents WHERE customer_number = $n", ct, ("$n", customerNumber));
            await write.CommitAsync(ct);
        }
        if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Moves a file into <paramref name="folder"/> under <paramref name="name"/>, or the first free "name n.ext": free in
    /// the table (without case) and on disk. Returns its path below the documents folder.
    /// </summary>
    async Task<string> MoveInAsync(SqliteConnection c, string from, string folder, string name, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Full(folder));
        for (var n = 0; ; n++)
        {
            var path = $"{folder}/{(n == 0 ? name : DocumentLayout.Numbered(name, n))}";
            if (await PathTakenAsync(c, path, ct) || File.Exists(Full(path))) continue;
            try
            {
                File.Move(from, Full(path), overwrite: false);
                return path;
            }
            catch (IOException) when (File.Exists(Full(path))) { }   // taken a moment ago (another process): the next number
        }
    }

    string Full(string relative) => Path.Combine(_root, relative);

    static string Parent(string path) => path[..path.LastIndexOf('/')];

    static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // a file nothing refers to: disk space only
    }
}
