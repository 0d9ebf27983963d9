using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// 客户访问月计划表 (table 5-27) with 计划拜访次数与实际执行情况, and unsuccessful visits by reason (per rep and team).
/// Rows are cut at <see cref="MaxRows"/> so that a large team's month stays well under Teams' card budget.
/// </summary>
public static class MonthReportCards
{
    public const int MaxRows = 40;

    public static JsonObject Month(CultureInfo c, string repName, YearMonth month, PlannedVsActualReport report,
        IReadOnlyDictionary<string, string> names, IReadOnlyList<Visit> visits, string? ledgerUrl = null)
    {
        var card = Card.Create().Title(T.Get(c, "reports.monthTitle", repName)).Text(MonthName(c, month), subtle: true);
        Totals(card, c, report.Team);
        Rows(card, c, [T.Get(c, "visits.customer")], report.Rows.Select(r => ((IReadOnlyList<string>)[NameOf(names, r.CustomerNumber)], r.Counts)).ToList(), report.Team);
        Results(card, c, visits);
        var reasons = UnsuccessfulVisits.Team(month, visits);
        if (reasons.Count > 0)
        {
            card.Heading(T.Get(c, "reports.byReason"));
            card.Facts(reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key).Select(r => (VisitText.Of(c, r.Key), r.Value.ToString(c))));
        }
        return DayReportCards.LedgerLink(card, c, ledgerUrl).Build();
    }

    public static JsonObject TeamMonth(CultureInfo c, YearMonth month, PlannedVsActualReport report, IReadOnlyDictionary<string, string> names,
        IReadOnlyDictionary<string, string> people, IReadOnlyList<Visit> visits, string? ledgerUrl = null)
    {
        var card = Card.Create().Title(T.Get(c, "reports.teamMonthTitle")).Text(MonthName(c, month), subtle: true);
        Totals(card, c, report.Team);
        var notYet = visits.Where(v => v.Result == VisitResult.NotYet && month.Contains(v.LocalDate))
            .GroupBy(v => v.RepAadObjectId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        card.Heading(T.Get(c, "reports.perRep"));
        card.Table([3, 1, 1, 1, 1],
            [T.Get(c, "reports.rep"), T.Get(c, "reports.planned"), T.Get(c, "reports.actual"), T.Get(c, "reports.difference"), T.Get(c, "reports.notYet")],
            people.OrderBy(p => p.Value, StringComparer.Ordinal).Select(p =>
            {
                var counts = report.ByRep.GetValueOrDefault(p.Key, VisitCounts.Zero);
                return (IReadOnlyList<string>)[p.Value, Num(c, counts.Planned), Num(c, counts.Actual), Diff(c, counts), Num(c, notYet.GetValueOrDefault(p.Key))];
            }));
        card.Heading(T.Get(c, "reports.perCustomer"));
        Rows(card, c, [T.Get(c, "reports.rep"), T.Get(c, "visits.customer")],
            report.Rows.Select(r => ((IReadOnlyList<string>)[NameOf(people, r.RepAadObjectId), NameOf(names, r.CustomerNumber)], r.Counts)).ToList(), report.Team);

        var byRep = UnsuccessfulVisits.ByRep(month, visits);
        card.Heading(T.Get(c, "reports.byReason"));
        if (byRep.Count == 0) card.Text(T.Get(c, "reports.noneUnsuccessful"), subtle: true);
        else
        {
            card.Table([3, 3, 1], [T.Get(c, "reports.rep"), T.Get(c, "visits.reason"), T.Get(c, "reports.count")],
                byRep.Take(MaxRows).Select(r => (IReadOnlyList<string>)[NameOf(people, r.RepAadObjectId), VisitText.Of(c, r.Reason), Num(c, r.Count)]));
            card.Facts(UnsuccessfulVisits.Team(month, visits).OrderByDescending(r => r.Value).ThenBy(r => r.Key)
                .Select(r => (T.Get(c, "reports.teamReason", VisitText.Of(c, r.Key)), Num(c, r.Value))));
        }
        return DayReportCards.LedgerLink(card, c, ledgerUrl).Build();
    }

    static void Totals(Card card, CultureInfo c, VisitCounts team) =>
        card.Text(T.Get(c, "reports.monthSummary", team.Planned, team.Actual, Diff(c, team)));

    /// <summary>The planned-vs-actual table: the leading columns given, then planned, actual, difference; a total row last.</summary>
    static void Rows(Card card, CultureInfo c, IReadOnlyList<string> leading, IReadOnlyList<(IReadOnlyList<string> Lead, VisitCounts Counts)> rows, VisitCounts total)
    {
        if (rows.Count == 0)
        {
            card.Text(T.Get(c, "reports.nothingThisMonth"), subtle: true);
            return;
        }
        IReadOnlyList<string> Line(IReadOnlyList<string> lead, VisitCounts n) => [.. lead, Num(c, n.Planned), Num(c, n.Actual), Diff(c, n)];
        var lines = rows.Take(MaxRows).Select(r => Line(r.Lead, r.Counts)).ToList();
        lines.Add(Line([T.Get(c, "reports.total"), .. Enumerable.Repeat("", leading.Count - 1)], total));
        card.Table([.. leading.Select(_ => 3), 1, 1, 1], [.. leading, T.Get(c, "reports.planned"), T.Get(c, "reports.actual"), T.Get(c, "reports.difference")], lines);
        if (rows.Count > MaxRows) card.Text(T.Get(c, "reports.moreRows", rows.Count - MaxRows), subtle: true);
    }

    static void Results(Card card, CultureInfo c, IReadOnlyList<Visit> visits)
    {
        var notYet = visits.Count(v => v.Result == VisitResult.NotYet);
        card.Heading(T.Get(c, "reports.results"));
        card.Facts([(VisitText.Of(c, VisitResult.Successful), Num(c, visits.Count - notYet)), (VisitText.Of(c, VisitResult.NotYet), Num(c, notYet))]);
    }

    static string MonthName(CultureInfo c, YearMonth month) => T.Get(c, "reports.month", month.First.ToDateTime(TimeOnly.MinValue));
    static string NameOf(IReadOnlyDictionary<string, string> names, string key) => names.GetValueOrDefault(key, key);
    static string Num(CultureInfo c, int n) => n.ToString(c);
    static string Diff(CultureInfo c, VisitCounts n) => n.Difference > 0 ? "+" + Num(c, n.Difference) : Num(c, n.Difference);
}
