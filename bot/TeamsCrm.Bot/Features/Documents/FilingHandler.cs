using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>
/// The filing card's Save and Discard. The card names the documents by id; whose they are is decided from the store (each
/// must wait in the presser's own inbox) and where they may go from the directory (<see cref="CustomerAccess.MayFileDocument"/>),
/// never from the card. A refused form comes back with the message beside the field and everything typed kept.
/// </summary>
public static class FilingHandler
{
    public static async Task<Reply> File(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || !CustomerAccess.MayQuery(me))
            return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.mayNotQuery"));
        var documents = await MineAsync(turn, me, archive, ct);
        if (documents.Count == 0) return Reply.ReplaceCard(DocumentCards.Closed(c, "documents.gone"));

        var form = new FormReader(turn.Data, c);
        var number = form.Text("customer", required: true, maxLength: 32);
        var category = form.Choice<ArchiveCategory>("category", required: true);
        var entryId = form.Text("entry", maxLength: 64);
        var titles = documents.ToDictionary(d => d.Id, d => form.Text($"title.{d.Id}", required: true, maxLength: DocumentCards.TitleLength));
        var file = CustomerNumbers.Parse(number) is { } parsed ? await archive.Customers.GetFileAsync(parsed, ct) : null;
        if (number is not null && file is not { Customer.Status: CustomerStatus.Pending or CustomerStatus.Active })
            form.Fail("customer", "documents.noSuchCustomer");
        else if (file is not null && category is { } chosen && !CustomerAccess.MayFileDocument(me, file.Customer, chosen))
            form.Fail("customer", chosen == ArchiveCategory.Returns || !me.Is(Role.CustomerService) ? "documents.notYours" : "documents.serviceComplaintsOnly");
        if (entryId is not null && file is not null && file.Entries.All(e => e.Id != entryId)) form.Fail("entry", "documents.entryElsewhere");
        if (!form.IsValid)
            return Reply.ReplaceCard(DocumentCards.Filing(c, turn.TimeZone, new FilingForm(documents, file?.Customer, turn.DataString("visit"),
                category ?? ArchiveCategory.Basic, await DocumentInbox.ChoicesAsync(me, archive, file?.Customer, ct), [],
                new FormState(turn.Data, form.Errors))));

        var customer = file!.Customer;
        // A visit named by the card counts only when it is the presser's own, on this customer.
        var visitId = turn.DataString("visit") is { Length: <= 64 } v
            && (await archive.Visits.ForCustomerAsync(customer.Number, VisitsLookedAt, ct)).Any(x => x.Id == v && Same(x.RepAadObjectId, me.AadObjectId)) ? v : null;
        var now = clock.GetUtcNow();
        var filed = new List<CustomerDocument>();
        foreach (var d in documents)
        {
            var placement = new DocumentPlacement(customer.Number, category!.Value, titles[d.Id]!, entryId, visitId);
            // The history first: a redelivery after a crash between the two finds it there (by the document's id) and only files.
            await DocumentHistory.RecordAsync(archive.Customers, customer.Number, d.Id, me.AadObjectId, now, ct, added: $"{placement.Title} ({d.OriginalName})");
            filed.Add(await archive.Documents.FileAsync(d, placement, now, ct));
        }
        return Reply.ReplaceCard(DocumentCards.Filed(c, customer, category!.Value, filed));
    }

    public static async Task<Reply> Discard(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me) return Reply.ReplaceCard(DocumentCards.Closed(c, "documents.gone"));
        foreach (var d in await MineAsync(turn, me, archive, ct)) await archive.Documents.DeleteAsync(d, ct);
        return Reply.ReplaceCard(DocumentCards.Closed(c, "documents.discarded"));
    }

    /// <summary>The card's documents that still wait, unfiled, in the presser's own inbox.</summary>
    static async Task<IReadOnlyList<CustomerDocument>> MineAsync(Turn turn, Person me, ICrmArchive archive, CancellationToken ct)
    {
        var mine = new List<CustomerDocument>();
        foreach (var id in (turn.DataString("ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(MaxIds))
            if (id.Length <= 64 && await archive.Documents.GetAsync(id, ct) is { IsFiled: false } d && Same(d.UploadedByAadObjectId, me.AadObjectId))
                mine.Add(d);
        return mine;
    }

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    const int MaxIds = 50;
    const int VisitsLookedAt = 20;
}
