using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Reports;

/// <summary>The monthly market-analysis report (月报): the form, the report as submitted, and who has submitted it.</summary>
public static class ReportCards
{
    public const string SaveVerb = "report.save", EditVerb = "report.edit";
    public static readonly string[] Fields = ["summary", "forecast", "problems", "solutions"];

    public static FormState StateOf(MarketReport? r) => FormState.Fresh(
        ("summary", r?.Summary), ("forecast", r?.Forecast), ("problems", r?.Problems), ("solutions", r?.Solutions));

    public static JsonObject Form(CultureInfo c, YearMonth month, DateTimeOffset deadline, TimeZoneInfo zone, FormState state, string? notice = null)
    {
        var card = Card.Create().Title(T.Get(c, "report.title", MonthName(c, month)))
            .Text(T.Get(c, "report.due", TimeZoneInfo.ConvertTime(deadline, zone).DateTime.AddDays(-1)), subtle: true);
        var fields = new FormFields(card, c, state).Banner(notice);
        foreach (var id in Fields) fields.MultiLine(id, T.Get(c, "report." + id), required: true, maxLength: Limits.Description);
        return card.Execute(T.Get(c, "report.submit"), SaveVerb, new JsonObject { ["month"] = month.ToString() }).Build();
    }

    public static JsonObject Submitted(CultureInfo c, MarketReport r, TimeZoneInfo zone)
    {
        var card = Card.Create().Title(T.Get(c, "report.title", MonthName(c, r.Month)))
            .Text(T.Get(c, r.Late ? "report.submittedLate" : "report.submittedOnTime", TimeZoneInfo.ConvertTime(r.SubmittedAt, zone).DateTime), subtle: !r.Late);
        foreach (var id in Fields)
        {
            card.Heading(T.Get(c, "report." + id));
            card.Text(id switch { "summary" => r.Summary, "forecast" => r.Forecast, "problems" => r.Problems, _ => r.Solutions });
        }
        return card.Execute(T.Get(c, "report.edit"), EditVerb, new JsonObject { ["month"] = r.Month.ToString() }, withInputs: false).Build();
    }

    /// <summary>Who has submitted the month's report (on time or late) and who has not, for a manager.</summary>
    public static JsonObject Status(CultureInfo c, YearMonth month, IReadOnlyList<(string Rep, MarketReport? Report)> rows, TimeZoneInfo zone)
    {
        var card = Card.Create().Title(T.Get(c, "report.statusTitle", MonthName(c, month)));
        var missing = rows.Count(r => r.Report is null);
        card.Text(T.Get(c, "report.statusCounts", rows.Count - missing, missing), subtle: true);
        if (rows.Count == 0) return card.Text(T.Get(c, "report.noReps")).Build();
        return card.Table([3, 2, 3], [T.Get(c, "reports.rep"), T.Get(c, "report.state"), T.Get(c, "report.submittedAt")],
            rows.Select(r => (IReadOnlyList<string>)[r.Rep,
                T.Get(c, r.Report is null ? "report.notYet" : r.Report.Late ? "report.late" : "report.onTime"),
                r.Report is null ? "" : TimeZoneInfo.ConvertTime(r.Report.SubmittedAt, zone).DateTime.ToString("g", c)])).Build();
    }

    static string MonthName(CultureInfo c, YearMonth month) => T.Get(c, "reports.month", month.First.ToDateTime(TimeOnly.MinValue));
}
