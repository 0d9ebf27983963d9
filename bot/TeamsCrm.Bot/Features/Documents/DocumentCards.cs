using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>What the filing card offers besides the customer's name: one's own files (for clients without typeahead) and the default's archive entries.</summary>
public sealed record FilingChoices(IReadOnlyList<(string Title, string Value)> Customers, IReadOnlyList<ArchiveEntry> Entries);

/// <summary>Received documents waiting for their place, the defaults the bot chose, and a refused form's values and messages.</summary>
/// <param name="Ledgers">Received workbooks the sender may import (a sales manager's ledgers): Import customers beside Save.</param>
public sealed record FilingForm(IReadOnlyList<CustomerDocument> Documents, Customer? Customer, string? VisitId, ArchiveCategory Category,
    FilingChoices Choices, IReadOnlyList<string> Refused, FormState? State = null, IReadOnlyList<CustomerDocument>? Ledgers = null);

public static class DocumentCards
{
    public const string FileVerb = "document.file";
    public const string DiscardVerb = "document.discard";
    public const int TitleLength = 120;
    /// <summary>A card shows a handful of actions; more ledgers at once are imported from the <c>import</c> command's list.</summary>
    const int MaxImportButtons = 2;

    /// <summary>Where do these go? One title per file; the customer, the category, optionally an archive entry; Save or Discard.</summary>
    public static JsonObject Filing(CultureInfo c, TimeZoneInfo zone, FilingForm f)
    {
        var state = f.State ?? FormState.Fresh([
            ("customer", f.Customer?.Number), ("category", f.Category.ToString()),
            .. f.Documents.Select(d => ($"title.{d.Id}", (string?)d.Title))]);
        var card = Card.Create().Title(T.Get(c, "documents.filingTitle", f.Documents.Count));
        foreach (var refused in f.Refused) card.Warning(refused);
        var fields = new FormFields(card, c, state).Banner();
        foreach (var d in f.Documents)
        {
            card.Text($"**{d.OriginalName}** · {DocumentSection.Size(c, d.Size)}");
            fields.Text($"title.{d.Id}", T.Get(c, "documents.title"), required: true, maxLength: TitleLength);
        }
        fields.Search("customer", T.Get(c, "documents.customer"), f.Choices.Customers, VisitCards.CustomerDataset, required: true,
                placeholder: T.Get(c, "visits.customerPlaceholder"))
            .Choice("category", T.Get(c, "documents.category"), CustomerText.Choices<ArchiveCategory>(c), required: true);
        // The default customer's entries; a card cannot change its choices when another customer is picked (the server checks).
        if (f.Choices.Entries.Count > 0) fields.Choice("entry", T.Get(c, "documents.entry"), f.Choices.Entries.Select(e => (Entry(c, e), e.Id)));
        if (f.VisitId is not null) card.Text(T.Get(c, "documents.withVisit"), subtle: true);
        var data = new JsonObject { ["ids"] = string.Join(",", f.Documents.Select(d => d.Id)) };
        if (f.VisitId is not null) data["visit"] = f.VisitId;
        card.Execute(T.Get(c, "documents.save"), FileVerb, data, style: "positive");
        // A ledger is rather imported than filed: its customers become files of their own.
        var ledgers = f.Ledgers ?? [];
        foreach (var ledger in ledgers.Take(MaxImportButtons))
            card.Execute(ledgers.Count == 1 ? T.Get(c, "import.start") : T.Get(c, "import.startNamed", ledger.OriginalName), ImportCards.StartVerb,
                ImportCards.StartData(ledger.Id), withInputs: false);
        return card.Execute(T.Get(c, "documents.discard"), DiscardVerb, new JsonObject { ["ids"] = data["ids"]!.DeepClone() }, withInputs: false)
            .Build();
    }

    /// <summary>The filing card's answer: what went where, and the file to open.</summary>
    public static JsonObject Filed(CultureInfo c, Customer customer, ArchiveCategory category, IReadOnlyList<CustomerDocument> filed) => Card.Create()
        .Title(T.Get(c, "documents.filedTitle", filed.Count, CustomerText.Of(c, category), customer.Name))
        .Facts(filed.Select(d => (d.Title, $"{DocumentSection.Kind(d)} · {DocumentSection.Size(c, d.Size)}")))
        .Execute(T.Get(c, "customers.openFile"), "customer.open", new JsonObject { ["number"] = customer.Number })
        .Build();

    /// <summary>Remove asks first: the document, whose folder it leaves, and that the history keeps the removal.</summary>
    public static JsonObject ConfirmRemove(CultureInfo c, CustomerDocument document, Customer customer) => Card.Create()
        .Title(T.Get(c, "documents.removeTitle", document.Title))
        .Text(T.Get(c, "documents.removeText", customer.Name))
        .Execute(T.Get(c, "documents.remove"), RemoveHandler.ConfirmVerb, new JsonObject { ["id"] = document.Id }, style: "destructive", withInputs: false)
        .Execute(T.Get(c, "edit.cancel"), "customer.open", new JsonObject { ["number"] = customer.Number }, withInputs: false)
        .Build();

    /// <summary>Discarded, or the card's files are gone (filed or discarded before, or not the presser's).</summary>
    public static JsonObject Closed(CultureInfo c, string textKey) => Card.Create().Text(T.Get(c, textKey)).Build();

    /// <summary>The archive entry a document may belong to, as a choice: type, date, reference.</summary>
    static string Entry(CultureInfo c, ArchiveEntry e) =>
        string.Join(" · ", new[] { CustomerText.Of(c, e.Type), CustomerText.Date(e.Date), e.Reference }.Where(s => s is not null));

}
