using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// The visit report card's actions: open it for a customer, save it (checked on the server, stored once per
/// submission), discard it, and the customer typeahead. Who acts is the authenticated user; the customer number
/// in the card only names the file, and whether they may log a visit on it is decided here.
/// </summary>
public static class VisitHandler
{
    /// <summary>"Log visit" on a customer card or a chooser's button: the card becomes the form, keeping the note's values.</summary>
    public static async Task<Reply> Form(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.ReplaceCard(VisitCards.NotAllowed(c, "customers.mayNotQuery"));
        Customer? customer = null;
        if (turn.DataString("number") is { } sent)
        {
            customer = CustomerNumbers.Parse(sent) is { } number ? await archive.Customers.GetAsync(number, ct) : null;
            if (customer is null || !await VisitCustomers.MayLogAsync(me, customer, archive.Customers, directory, clock, ct))
                return Reply.ReplaceCard(VisitCards.NotAllowed(c, "visits.mayNotLog"));
        }
        return Reply.ReplaceCard(await VisitStart.FormAsync(turn, me, customer, VisitDraft.From(turn), null, archive, directory, clock, ct));
    }

    /// <summary>
    /// Save: a refused form comes back with the messages beside the fields and every value kept; a saved one is
    /// replaced by the read-only report. Pressing Save again, or the same invoke redelivered, shows that report
    /// and stores nothing more. Two archive calls on the way: the customer, and the visit (with its follow-up).
    /// </summary>
    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.ReplaceCard(VisitCards.NotAllowed(c, "customers.mayNotQuery"));
        if (SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submissionId) return Reply.Text(T.Get(c, "help.staleCard"));

        var form = new FormReader(turn.Data, c);
        Customer? customer = null;
        if (form.Text(VisitForm.Customer, required: true) is { } sent)
        {
            customer = CustomerNumbers.Parse(sent) is { } number ? await archive.Customers.GetAsync(number, ct) : null;
            if (customer is null || customer.Status == CustomerStatus.Purged) form.Fail(VisitForm.Customer, "visits.noSuchCustomer");
            else if (!await VisitCustomers.MayLogAsync(me, customer, archive.Customers, directory, clock, ct))
                return Reply.ReplaceCard(VisitCards.NotAllowed(c, "visits.mayNotLog"));   // a forged number, or access gone: nothing saved
        }
        var visit = VisitForm.Read(form, customer, me.AadObjectId, submissionId, clock.GetUtcNow(), turn.TimeZone);
        if (customer is null || !form.IsValid) return Reply.ReplaceCard(await RefusedAsync(turn, me, customer, submissionId, form, archive, ct));

        var saved = await archive.Visits.AddOnceAsync(visit, customer, ct);
        if (!string.Equals(saved.Visit.RepAadObjectId, me.AadObjectId, StringComparison.OrdinalIgnoreCase))
            return Reply.ReplaceCard(VisitCards.NotAllowed(c, "customers.notYourForm"));   // a submission id copied from someone else's card
        if (saved.Created && form.Toggle(VisitForm.AddContact) && form.Text(VisitForm.ContactName) is { } name)
            await AddContactAsync(archive.Customers, customer.Number, name, form.Text(VisitForm.ContactInfo), ct);
        var checkIns = (await archive.CheckIns.ForDayAsync([me.AadObjectId], saved.Visit.LocalDate, ct)).Where(k => k.CustomerNumber == customer.Number).ToList();
        return Reply.ReplaceCard(VisitCards.Saved(c, saved.Visit, again: !saved.Created, checkIns));
    }

    public static Reply Cancel(Turn turn) => Reply.ReplaceCard(VisitCards.Discarded(turn.Culture));

    /// <summary>The typeahead (application/search, dataset "customers"): the customers one may log visits on that match what is typed.</summary>
    public static async Task<Reply> Search(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Search([]);
        var query = turn.DataString("queryText")?.Trim() ?? "";
        if (query.Length == 0)
            return Reply.Search([.. (await VisitCustomers.ChoicesAsync(me, archive.Customers, null, ct)).Take(VisitCustomers.SearchResults)
                .Select(ch => new SearchChoice(ch.Title, ch.Value))]);
        var (matches, _) = await VisitCustomers.MatchAsync(VisitText.Shorten(query, 100), me, archive.Customers, directory, clock, ct);
        return Reply.Search([.. matches.Ranked.Take(VisitCustomers.SearchResults).Select(m => new SearchChoice($"{m.Name} · {m.Number}", m.Number))]);
    }

    static async Task<System.Text.Json.Nodes.JsonObject> RefusedAsync(Turn turn, Person me, Customer? customer, string submissionId, FormReader form,
        ICrmArchive archive, CancellationToken ct)
    {
        var contacts = customer is null ? [] : (await archive.Customers.GetFileAsync(customer.Number, ct))?.Contacts ?? [];
        var options = new VisitFormOptions(submissionId, await VisitCustomers.ChoicesAsync(me, archive.Customers, customer, ct), customer?.Name, contacts);
        return VisitCards.Form(turn.Culture, options, new FormState(turn.Data, form.Errors));
    }

    /// <summary>"Add them to the customer's contacts": once per name, with the contact info as their phone or email.</summary>
    static async Task AddContactAsync(ICustomerFiles files, string number, string name, string? info, CancellationToken ct)
    {
        var onFile = (await files.GetFileAsync(number, ct))?.Contacts ?? [];
        if (onFile.Any(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase))) return;
        var email = info is not null && info.Contains('@', StringComparison.Ordinal) ? info : null;
        await files.AddContactAsync(number, new NewContact(name, null, email is null ? info : null, email, ContactRole.Secondary), ct);
    }
}
