using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>
/// Remove on a document of the customer card: the card asks first, then the document leaves the folder (on SharePoint for
/// the site's recycle bin, where an administrator can still bring it back) and the file's history says who removed what.
/// Only whoever may file documents there may remove them, decided from the authenticated sender.
/// </summary>
public static class RemoveHandler
{
    public const string ConfirmVerb = "document.remove.confirm";

    public static async Task<Reply> Ask(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await RemovableAsync(turn, archive, directory, ct) is not var (document, customer, _))
            return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "documents.notYours"));
        return Reply.ReplaceCard(DocumentCards.ConfirmRemove(c, document, customer));
    }

    public static async Task<Reply> Confirm(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await RemovableAsync(turn, archive, directory, ct) is not var (document, customer, me))
            return Reply.ReplaceCard(DocumentCards.Closed(c, "documents.removedAlready"));
        // The record first: a removal cut short is finished by the next press, which finds the record and only removes.
        await DocumentHistory.RecordAsync(archive.Customers, customer.Number, document.Id, me.AadObjectId, clock.GetUtcNow(), ct,
            removed: $"{document.Title} ({document.OriginalName})");
        await archive.Documents.DeleteAsync(document, ct);
        return Reply.ReplaceCard(DocumentCards.Closed(c, "documents.removed"));
    }

    static async Task<(CustomerDocument, Customer, Person)?> RemovableAsync(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me
            || turn.DataString("id") is not { Length: > 0 and <= 64 } id
            || await archive.Documents.GetAsync(id, ct) is not { CustomerNumber: { } number } document
            || await archive.Customers.GetAsync(number, ct) is not { } customer
            || !CustomerAccess.MayFileDocument(me, customer, document.Category ?? ArchiveCategory.Basic))
            return null;
        return (document, customer, me);
    }
}
