using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.MessageActions;

/// <summary>
/// "Add to customer notes" / "添加到客户备注" on a message's More actions: the message's text, as a note in the history of a
/// customer's file the person chooses — one they may read in full (their own, their team's, one granted), decided from the
/// authenticated person when they save, never from the card. The same note saved twice (a double press, a redelivery) is
/// kept once.
/// </summary>
public static class CustomerNoteAction
{
    public const string CommandId = "addToNotes";

    public static async Task<Reply> Fetch(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || !CustomerAccess.MayQuery(me))
            return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var text = (turn.DataString("text") ?? "").Trim();
        if (text.Length == 0) return Reply.Text(T.Get(c, "notes.messageEmpty"));
        var state = FormState.Fresh((CustomerNoteCards.Text, text[..Math.Min(text.Length, Limits.Description)]));
        return Reply.Card(CustomerNoteCards.Form(c, await VisitCustomers.ChoicesAsync(me, archive.Customers, null, ct), SubmissionIds.New(), state));
    }

    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || !CustomerAccess.MayQuery(me))
            return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        if (SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submissionId) return Reply.Text(T.Get(c, "help.staleCard"));
        var text = (turn.DataString(CustomerNoteCards.Text) ?? "").Trim();
        var number = CustomerNumbers.Parse(turn.DataString(CustomerNoteCards.Customer) ?? "");
        var errors = new Dictionary<string, string>();
        if (text.Length == 0) errors[CustomerNoteCards.Text] = T.Get(c, "form.required");
        else if (text.Length > Limits.Description) errors[CustomerNoteCards.Text] = T.Get(c, "form.tooLong", Limits.Description, text.Length);
        var file = number is null ? null : await archive.Customers.GetAsync(number, ct);
        if (file is null || !await VisitCustomers.MayLogAsync(me, file, archive.Customers, directory, clock, ct))
            errors[CustomerNoteCards.Customer] = T.Get(c, file is null ? "notes.chooseCustomer" : "notes.notYours");
        if (errors.Count > 0)
        {
            var typed = new FormState(turn.Data, errors);
            return Reply.ReplaceCard(CustomerNoteCards.Form(c, await VisitCustomers.ChoicesAsync(me, archive.Customers, file, ct), submissionId, typed));
        }
        // The submission id is the note's: the same form saved again finds it in the history and files nothing more.
        if (await archive.Customers.GetFileAsync(file!.Number, ct) is { } stored
            && !stored.History.Any(h => h.Field == CustomerSections.NoteField && h.Reason == submissionId))
            await archive.Customers.UpdateAsync(stored.Customer,
                [new ChangeRecord(file.Number, CustomerSections.NoteField, null, text, me.AadObjectId, clock.GetUtcNow(), submissionId, null)], ct);
        return Reply.ReplaceCard(CustomerNoteCards.Added(c, file.Name, file.Number, text));
    }
}
