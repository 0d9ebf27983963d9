using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

public static class EntryCards
{
    /// <param name="types">The entry types this reader may file here (customer service on another rep's file: complaints).</param>
    public static JsonObject Form(CultureInfo c, string number, string customerName, IReadOnlyList<EntryType> types, string submissionId, FormState state)
    {
        var card = Card.Create().Title(T.Get(c, "entry.title", customerName)).Text(number, subtle: true);
        new FormFields(card, c, state).Banner()
            .Choice("type", T.Get(c, "field.entryType"), CustomerText.Choices(c, types), required: true)
            .Date("date", T.Get(c, "field.date"), required: true)
            .Amount("amount", T.Get(c, "field.amount"))
            .Text("reference", T.Get(c, "field.reference"))
            .MultiLine("description", T.Get(c, "field.description"))
            .MultiLine("result", T.Get(c, "field.result"));
        card.Text(T.Get(c, "entry.hint"), subtle: true);
        return card
            .Execute(T.Get(c, "entry.save"), "customer.entry.save", new JsonObject { ["number"] = number, ["submissionId"] = submissionId }, style: "positive")
            .Execute(T.Get(c, "edit.cancel"), "customer.open", new JsonObject { ["number"] = number }, withInputs: false)
            .Build();
    }

    /// <summary>The form, once filed, becomes this read-only record.</summary>
    public static JsonObject Filed(CultureInfo c, string customerName, ArchiveEntry e)
    {
        var card = Card.Create()
            .Title(T.Get(c, "entry.filedTitle", customerName))
            .Facts([
                (T.Get(c, "field.entryType"), CustomerText.Of(c, e.Type)),
                (T.Get(c, "entry.category"), CustomerText.Of(c, e.Category)),
                (T.Get(c, "field.date"), CustomerText.Date(e.Date)),
                (T.Get(c, "field.amount"), e.Amount is { } amount ? CustomerText.Money(c, amount) : "—"),
                (T.Get(c, "field.reference"), e.Reference ?? "—"),
            ]);
        if (e.Description is not null) card.Text(e.Description);
        if (e.Result is not null) card.Text(T.Get(c, "customers.resultIs", e.Result));
        return card.Execute(T.Get(c, "customers.openFile"), "customer.open", new JsonObject { ["number"] = e.CustomerNumber }).Build();
    }
}
