using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Exports;

public static class ExportCards
{
    /// <summary>The links to a customer's history as CSV and .xlsx, and how long they work.</summary>
    public static JsonObject History(CultureInfo c, string number, string name, Func<DownloadFormat, string> url) => Downloads(Card.Create()
        .Title(T.Get(c, "export.historyTitle", name))
        .Text(number, subtle: true)
        .Text(T.Get(c, "export.historyHint")), c, url)
        .Text(T.Get(c, "export.expires"), subtle: true)
        .Build();

    /// <summary>"Download CSV" and "Excel (.xlsx)" side by side: one table, two signed links that differ only in the format.</summary>
    public static Card Downloads(Card card, CultureInfo c, Func<DownloadFormat, string> url) => card.Add(new JsonObject
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray(
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = T.Get(c, "export.download"), ["url"] = url(DownloadFormat.Csv) },
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = T.Get(c, "export.downloadXlsx"), ["url"] = url(DownloadFormat.Xlsx) }),
    });
}
