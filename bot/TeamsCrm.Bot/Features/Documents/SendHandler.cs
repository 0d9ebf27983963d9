using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>
/// "Send me this file": Teams asks the person whether to save the document in their OneDrive (the file consent card); once
/// they accept, the bytes go there and the file shows in their 1:1 chat. Rights are checked at the offer and again at the
/// answer, from the authenticated sender; the offer's context only says which document.
/// </summary>
public static class SendHandler
{
    public static async Task<Reply> Offer(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        // Teams shows a file consent card only in a personal chat.
        if (turn.Conversation.Kind != ConversationKind.Personal) return Reply.Text(T.Get(c, "documents.sendInChat")).ForEveryone();
        if (await DocumentAccess.ReadableAsync(turn.User.AadObjectId, turn.DataString("id"), archive, directory, clock.GetUtcNow(), ct) is not { } r)
            return Reply.Text(T.Get(c, "documents.notReadable"));
        return Reply.Offer(new FileOffer(r.Document.OriginalName, r.Document.Size, T.Get(c, "documents.offer", r.Document.Title, r.Customer.Name),
            new JsonObject { ["documentId"] = r.Document.Id }));
    }

    /// <summary>The answer to the file consent card: on accept, the file goes to the person (the read logged); on decline, nothing.</summary>
    public static async Task<Reply> Answer(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (turn.DataString("action") != "accept") return Reply.Text(T.Get(c, "documents.declined"));
        var id = turn.Data["context"] is JsonObject context && context["documentId"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var now = clock.GetUtcNow();
        if (await DocumentAccess.ReadableAsync(turn.User.AadObjectId, id, archive, directory, now, ct) is not { } r
            || turn.Data["uploadInfo"] is not JsonObject target)
            return Reply.Text(T.Get(c, "documents.notReadable"));
        await DocumentAccess.LogAsync(r, "document sent to the reader's OneDrive", archive, now, ct);
        return Reply.Deliver(new FileDelivery(r.Document.Size, token => archive.Documents.OpenReadAsync(r.Document, token), (JsonObject)target.DeepClone()));
    }
}
