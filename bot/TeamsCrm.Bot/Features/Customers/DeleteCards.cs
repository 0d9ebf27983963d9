using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>档案的删除: the owner asks, with a reason, for the sales manager to delete a file.</summary>
public static class DeleteCards
{
    public static JsonObject Form(CultureInfo c, Customer customer, FormState state)
    {
        var card = Card.Create().Title(T.Get(c, "delete.title", customer.Name)).Text(customer.Number, subtle: true);
        var fields = new FormFields(card, c, state).Banner();
        card.Text(T.Get(c, "delete.intro", (int)Retention.Period.TotalDays), subtle: true);
        fields.MultiLine("reason", T.Get(c, "delete.reason"), required: true, maxLength: Limits.Reason);
        var data = new JsonObject { ["number"] = customer.Number, ["version"] = customer.Version };
        return card
            .Execute(T.Get(c, "delete.send"), "customer.delete.send", data, style: "destructive")
            .Execute(T.Get(c, "edit.cancel"), "customer.open", new JsonObject { ["number"] = customer.Number }, withInputs: false)
            .Build();
    }
}
