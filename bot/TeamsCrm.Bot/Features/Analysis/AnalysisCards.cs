using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Analysis;

public static class AnalysisCards
{
    /// <summary>Rows a table shows on the card; the export has them all (a card must stay well under Teams' size limit).</summary>
    public const int MaxRows = 15;

    /// <summary>
    /// 客户分析: one chart per figure, each with its table as the fallback (clients and renderers without charts show the
    /// table), the stale files as a table, and download links per table (CSV and .xlsx).
    /// </summary>
    public static JsonObject Analysis(CultureInfo c, IReadOnlyList<FigureTable> tables, int files, Func<string, DownloadFormat, string> exportUrl)
    {
        var card = Card.Create().Title(T.Get(c, "analysis.title")).Text(T.Get(c, "analysis.intro", files), subtle: true);
        foreach (var t in tables)
        {
            card.Heading(t.Title);
            var shown = t.Rows.Take(MaxRows).ToList();
            var table = Card.TableElement([.. t.Headers.Select((_, i) => i == 0 ? 3 : 1)], t.Headers, shown);
            if (t.Rows.Count == 0) card.Text(T.Get(c, "analysis.nothing"), subtle: true);
            else if (t.Chart.Length == 0) card.Add(table);
            else card.Chart(t.Chart, t.Title, ChartData(t), table);
            if (t.Rows.Count > shown.Count) card.Text(T.Get(c, "analysis.more", t.Rows.Count - shown.Count), subtle: true);
            ExportCards.Downloads(card, c, f => exportUrl(t.Id, f));
        }
        return card.Build();
    }

    /// <summary>A donut's slices are legend/value; a bar's are x/y. The last column holds the figure (the total for reasons).</summary>
    static JsonArray ChartData(FigureTable t) => new([.. t.Rows.Take(MaxRows).Select(r => (JsonNode)(t.Chart == "Chart.Donut"
        ? new JsonObject { ["legend"] = r[0], ["value"] = int.Parse(r[^1], CultureInfo.InvariantCulture) }
        : new JsonObject { ["x"] = r[0], ["y"] = int.Parse(r[^1], CultureInfo.InvariantCulture) }))]);
}
