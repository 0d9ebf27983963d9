using Microsoft.Extensions.Options;
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
/// Add document (on a customer card) and Add photos (on a saved visit): a card cannot carry a file, so the answer says how
/// to send one in this chat, and the file becomes the default customer of what is sent next (a visit's photos follow it
/// by themselves: <see cref="DocumentInbox.VisitJustSaved"/>).
/// </summary>
public static class HowHandler
{
    public static async Task<Reply> Explain(Turn turn, ICrmArchive archive, IDirectory directory, RecentCustomers recent, IOptions<DocumentLimits> options,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var o = options.Value;
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me
            || CustomerNumbers.Parse(turn.DataString("number")) is not { } number
            || await archive.Customers.GetAsync(number, ct) is not { } file
            || !Enum.GetValues<ArchiveCategory>().Any(category => CustomerAccess.MayFileDocument(me, file, category)))
            return Reply.Text(T.Get(c, "documents.notYours"));
        recent.Opened(me.AadObjectId, file.Number);
        var limits = T.Get(c, "documents.limits", string.Join(", ", o.AllowedTypes), DocumentSection.Size(c, o.MaxBytes), o.MaxFilesPerMessage);
        return Reply.Text(T.Get(c, turn.DataString("about") == "visit" ? "documents.howVisit" : "documents.howFile", file.Name) + " " + limits);
    }
}
