using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>The file an edit card is about, and the version and values it was opened with (to detect a concurrent change).</summary>
public sealed record EditTarget(string Number, string Name, CustomerKind Kind, string Version, IReadOnlyDictionary<string, string?> Opened);

public static class EditCards
{
    /// <param name="notice">Instead of the usual banner, e.g. that someone changed the file meanwhile; <paramref name="details"/> say who changed what.</param>
    public static JsonObject Form(CultureInfo c, EditTarget target, FormState state, string? notice = null, IReadOnlyList<string>? details = null)
    {
        var card = Card.Create().Title(T.Get(c, "edit.title", target.Name)).Text(target.Number, subtle: true);
        var fields = new FormFields(card, c, state).Banner(notice);
        foreach (var line in details ?? []) card.Text("• " + line);
        card.Text(T.Get(c, "edit.intro"), subtle: true);
        CustomerFormSections.Basics(fields, c, target.Kind);
        fields.MultiLine("reason", T.Get(c, "field.reason"), required: true, maxLength: Limits.Reason);

        return card
            .Execute(T.Get(c, "edit.save"), "customer.save",
                new JsonObject { ["number"] = target.Number, ["version"] = target.Version, ["opened"] = FormState.Json(target.Opened) }, style: "positive")
            .Execute(T.Get(c, "edit.cancel"), "customer.open", new JsonObject { ["number"] = target.Number }, withInputs: false)
            .Build();
    }
}
