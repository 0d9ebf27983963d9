using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

public static class NewCustomerCards
{
    /// <summary>Enterprise (table 2-7) or individual (table 2-8): each has its own form.</summary>
    public static JsonObject Choose(CultureInfo c) => Card.Create()
        .Title(T.Get(c, "newCustomer.title"))
        .Text(T.Get(c, "newCustomer.choose"))
        .Execute(CustomerText.Of(c, CustomerKind.Enterprise), "customer.new", new JsonObject { ["kind"] = nameof(CustomerKind.Enterprise) })
        .Execute(CustomerText.Of(c, CustomerKind.Individual), "customer.new", new JsonObject { ["kind"] = nameof(CustomerKind.Individual) })
        .Build();

    /// <param name="submissionId">Made when the form is first built and kept through every resend, so the file is created once.</param>
    /// <param name="notice">Instead of the usual banner, e.g. that the customer is already on file.</param>
    public static JsonObject Form(CultureInfo c, CustomerKind kind, string submissionId, FormState state, string? notice = null)
    {
        var card = Card.Create().Title(T.Get(c, kind == CustomerKind.Enterprise ? "newCustomer.enterpriseTitle" : "newCustomer.individualTitle"));
        var fields = new FormFields(card, c, state).Banner(notice);
        card.Text(T.Get(c, "newCustomer.intro"), subtle: true);
        CustomerFormSections.Basics(fields, c, kind);
        card.Heading(T.Get(c, kind == CustomerKind.Enterprise ? "newCustomer.firstContact" : "newCustomer.contactOptional"));
        CustomerFormSections.Contact(fields, c, required: kind == CustomerKind.Enterprise);
        return card
            .Execute(T.Get(c, "newCustomer.submit"), "customer.create",
                new JsonObject { ["kind"] = kind.ToString(), ["submissionId"] = submissionId }, style: "positive")
            .Build();
    }

    /// <summary>The form, once filed, becomes this read-only summary: nothing is left to submit twice.</summary>
    /// <param name="notice">What went wrong sending the request (an approver the bot cannot reach, nobody to approve).</param>
    public static JsonObject Filed(CultureInfo c, Customer customer, string? leaderName, string? notice = null)
    {
        var card = Card.Create()
            .Title(T.Get(c, "newCustomer.filedTitle", customer.Name))
            .Facts([
                (T.Get(c, "customers.number"), customer.Number),
                (T.Get(c, "field.kind"), CustomerText.Of(c, customer.Kind)),
                (T.Get(c, "customers.statusLabel"), CustomerText.Of(c, customer.Status)),
            ])
            .Text(T.Get(c, "newCustomer.waiting", leaderName ?? T.Get(c, "customers.yourLeader")));
        if (notice is not null) card.Warning(notice);
        return card.Execute(T.Get(c, "customers.openFile"), "customer.open", new JsonObject { ["number"] = customer.Number }).Build();
    }

    /// <summary>The rep already owns a file for this customer (or pressed Submit twice): open that one instead.</summary>
    public static JsonObject AlreadyYours(CultureInfo c, Customer customer) => Card.Create()
        .Title(T.Get(c, "newCustomer.alreadyYoursTitle"))
        .Text(T.Get(c, "newCustomer.alreadyYours", customer.Number, customer.Name, CustomerText.Of(c, customer.Status)))
        .Execute(T.Get(c, "customers.openFile"), "customer.open", new JsonObject { ["number"] = customer.Number })
        .Build();
}
