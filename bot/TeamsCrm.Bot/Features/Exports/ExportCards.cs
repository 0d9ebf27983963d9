using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Features.Analysis;

namespace TeamsCrm.Bot.Features.Exports;

public static class ExportCards
{
    /// <summary>The link to a customer's history as CSV, and how long it works.</summary>
    public static JsonObject History(CultureInfo c, string number, string name, string url) => Card.Create()
        .Title(T.Get(c, "export.historyTitle", name))
        .Text(number, subtle: true)
        .Text(T.Get(c, "export.historyHint"))
        .Link(T.Get(c, "export.download"), url)
        .Text(T.Get(c, "export.expires"), subtle: true)
        .Build();
}
