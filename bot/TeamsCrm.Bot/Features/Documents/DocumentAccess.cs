using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>
/// Who may read a document: whoever sees its customer's file in full, now (a link or a card made earlier proves nothing).
/// Every read of a file that is not the reader's own is logged (借阅).
/// </summary>
public static class DocumentAccess
{
    public sealed record Readable(CustomerDocument Document, Customer Customer, Person Reader);

    /// <returns>Null when there is no such filed document, its file is gone, or the reader may not see it in full.</returns>
    public static async Task<Readable?> ReadableAsync(string readerAadObjectId, string? documentId, ICrmArchive archive, IDirectory directory,
        DateTimeOffset now, CancellationToken ct)
    {
        if (documentId is not { Length: > 0 and <= 64 }
            || await archive.Documents.GetAsync(documentId, ct) is not { CustomerNumber: { } number } document
            || await archive.Customers.GetAsync(number, ct) is not { Status: not CustomerStatus.Purged } customer
            || await directory.FindAsync(readerAadObjectId, ct) is not { } reader)
            return null;
        var leader = await directory.ManagerOfAsync(customer.OwnerAadObjectId, ct);
        return CustomerAccess.ViewOf(reader, customer, leader?.AadObjectId, await archive.Customers.GrantsForAsync(number, ct), now) == FileView.Full
            ? new Readable(document, customer, reader)
            : null;
    }

    /// <summary>借阅: the read is logged unless the file is the reader's own.</summary>
    public static async Task LogAsync(Readable r, string how, ICrmArchive archive, DateTimeOffset now, CancellationToken ct)
    {
        if (CustomerAccess.MustLog(r.Reader, r.Customer))
            await archive.Customers.LogAccessAsync(new AccessLogEntry(r.Customer.Number, r.Reader.AadObjectId, now,
                $"{how}: {r.Document.Title} ({r.Document.OriginalName})", true), ct);
    }
}
