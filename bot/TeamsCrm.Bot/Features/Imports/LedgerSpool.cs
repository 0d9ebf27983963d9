using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// The ledger a sales manager sent in the chat waits in their document inbox (in the archive, so every instance reaches it);
/// each pass of an import copies it to a temporary file of its own — the readers seek in it — removed when the pass ends.
/// </summary>
public sealed class LedgerSpool : IAsyncDisposable
{
    LedgerSpool(string path, LedgerSource source) => (_path, Source) = (path, source);

    readonly string _path;
    public LedgerSource Source { get; }

    /// <summary>The spooled ledger; null when the document is gone (discarded, imported, cleared from the inbox).</summary>
    public static async Task<LedgerSpool?> OpenAsync(IDocumentStore documents, string documentId, CancellationToken ct)
    {
        if (await documents.GetAsync(documentId, ct) is not { IsFiled: false } document) return null;
        var path = Path.Combine(Path.GetTempPath(), $"teamscrm-import-{Guid.NewGuid():N}{Path.GetExtension(document.OriginalName)}");
        try
        {
            await using (var content = await documents.OpenReadAsync(document, ct))
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                await content.CopyToAsync(file, ct);
            return new LedgerSpool(path, await LedgerSource.FromFileAsync(path, document.OriginalName, ct));
        }
        catch (KeyNotFoundException)
        {
            File.Delete(path);
            return null;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Whether a document is a ledger the importer reads (by its name; the reader checks the content).</summary>
    public static bool IsLedger(CustomerDocument document) => DocumentNames.Extension(document.OriginalName) is ".xlsx" or ".csv";

    public ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
