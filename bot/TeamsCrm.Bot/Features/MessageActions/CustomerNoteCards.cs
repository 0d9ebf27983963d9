using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.MessageActions;

/// <summary>"Add to customer notes": the dialog's form (which customer, the note as the message said it) and what it saved.</summary>
public static class CustomerNoteCards
{
    public const string SaveVerb = "customer.note.save";
    public const string Customer = "customerNumber", Text = "note";

    /// <param name="customers">One's own live customers as static choices; typing searches every file one may see in full.</param>
    public static JsonObject Form(CultureInfo c, IReadOnlyList<(string Title, string Value)> customers, string submissionId, FormState state)
    {
        var card = Card.Create().Title(T.Get(c, "notes.title")).Text(T.Get(c, "notes.how"), subtle: true);
        new FormFields(card, c, state).Banner()
            .Search(Customer, T.Get(c, "notes.customer"), customers, VisitCards.CustomerDataset, required: true)
            .MultiLine(Text, T.Get(c, "notes.text"), required: true);
        return card.Execute(T.Get(c, "notes.save"), SaveVerb, new JsonObject { ["submissionId"] = submissionId }, style: "positive").Build();
    }

    public static JsonObject Added(CultureInfo c, string customerName, string number, string text) => Card.Create()
        .Title(T.Get(c, "notes.added", customerName))
        .Facts([(T.Get(c, "notes.customer"), $"{customerName} · {number}"), (T.Get(c, "notes.text"), text)])
        .Text(T.Get(c, "notes.where"), subtle: true)
        .Build();
}
