using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>Add a contact (联系人) to one's own customer file.</summary>
public static class ContactHandler
{
    public static async Task<Reply> Form(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        var (action, refusal) = await FileAction.ReadAsync(turn, archive.Customers, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        if (!CustomerAccess.MayEdit(me, customer)) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.onlyOwnerEdits"));
        return Reply.ReplaceCard(ContactCards.Form(c, customer.Number, customer.Name, FormState.Fresh(("contactRole", nameof(ContactRole.Secondary)))));
    }

    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        var files = archive.Customers;
        var (action, refusal) = await FileAction.ReadAsync(turn, files, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        if (!CustomerAccess.MayEdit(me, customer)) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.onlyOwnerEdits"));

        var form = new FormReader(turn.Data, c);
        if (ContactForm.Read(form, required: true) is not { } contact || !form.IsValid)
            return Reply.ReplaceCard(ContactCards.Form(c, customer.Number, customer.Name, new FormState(turn.Data, form.Errors)));
        // The archive has no idempotency key for contacts: a second press of Save finds the same person with the
        // same details on file and adds nothing. (Two presses at the very same moment could still both add.)
        var onFile = (await files.GetFileAsync(customer.Number, ct))?.Contacts ?? [];
        if (!ContactForm.IsOnFile(contact, onFile)) await files.AddContactAsync(customer.Number, contact, ct);
        return Reply.ReplaceCard(ContactCards.Added(c, customer.Number, customer.Name, contact));
    }
}
