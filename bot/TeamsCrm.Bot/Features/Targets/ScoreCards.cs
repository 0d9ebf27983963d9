using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Targets;

public static class ScoreCards
{
    /// <summary>A rep's month: target, actual, percentage, score, and how the score is counted.</summary>
    public static JsonObject Mine(CultureInfo c, YearMonth month, ScoreLine line) => Card.Create()
        .Title(T.Get(c, "scores.mineTitle", month))
        .Facts([
            (T.Get(c, "scores.target"), line.Target is { } t ? CustomerText.Money(c, t) : T.Get(c, "scores.noTarget")),
            (T.Get(c, "scores.actual"), CustomerText.Money(c, line.Actual)),
            (T.Get(c, "scores.percent"), Percent(c, line.Percent)),
            (T.Get(c, "scores.score"), line.Score?.ToString(c) ?? "—"),
        ])
        .Text(T.Get(c, "scores.rule"), subtle: true)
        .Build();

    /// <summary>The team, best score first; reps without a target last. The CSV and .xlsx links serve the same table.</summary>
    public static JsonObject Team(CultureInfo c, YearMonth month, IReadOnlyList<ScoreLine> lines, Func<DownloadFormat, string> exportUrl)
    {
        var card = Card.Create().Title(T.Get(c, "scores.teamTitle", month));
        if (lines.Count == 0) card.Text(T.Get(c, "scores.noReps"));
        else card.Table([1, 3, 3, 3, 2, 2],
            [T.Get(c, "scores.rank"), T.Get(c, "scores.rep"), T.Get(c, "scores.target"), T.Get(c, "scores.actual"), T.Get(c, "scores.percent"), T.Get(c, "scores.score")],
            lines.Select((l, i) => (IReadOnlyList<string>)[l.Score is null ? "—" : (i + 1).ToString(c), l.RepName,
                l.Target is { } t ? CustomerText.Money(c, t) : "—", CustomerText.Money(c, l.Actual), Percent(c, l.Percent), l.Score?.ToString(c) ?? "—"]));
        return ExportCards.Downloads(card.Text(T.Get(c, "scores.rule"), subtle: true), c, exportUrl).Build();
    }

    static string Percent(CultureInfo c, decimal? p) => p is { } v ? v.ToString("0.0", c) + " %" : "—";
}
