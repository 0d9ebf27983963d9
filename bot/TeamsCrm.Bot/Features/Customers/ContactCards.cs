using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

public static class ContactCards
{
    public static JsonObject Form(CultureInfo c, string number, string customerName, FormState state)
    {
        var card = Card.Create().Title(T.Get(c, "contact.title", customerName)).Text(number, subtle: true);
        var fields = new FormFields(card, c, state).Banner();
        CustomerFormSections.Contact(fields, c, required: true);
        var data = new JsonObject { ["number"] = number };
        return card
            .Execute(T.Get(c, "contact.save"), "customer.contact.save", data, style: "positive")
            .Execute(T.Get(c, "edit.cancel"), "customer.open", data, withInputs: false)
            .Build();
    }

    /// <summary>The form, once saved, becomes this read-only line.</summary>
    public static JsonObject Added(CultureInfo c, string number, string customerName, NewContact contact) => Card.Create()
        .Title(T.Get(c, "contact.addedTitle", customerName))
        .Facts([
            (T.Get(c, "field.contactName"), contact.Name),
            (T.Get(c, "field.contactTitle"), contact.Title ?? "—"),
            (T.Get(c, "field.contactRole"), CustomerText.Of(c, contact.Role)),
            (T.Get(c, "field.phone"), contact.Phone ?? "—"),
            (T.Get(c, "field.email"), contact.Email ?? "—"),
        ])
        .Execute(T.Get(c, "customers.openFile"), "customer.open", new JsonObject { ["number"] = number })
        .Build();
}
