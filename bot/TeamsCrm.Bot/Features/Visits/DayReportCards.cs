using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Plans;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>拜访日报 (table 5-30): per rep and day, customer, time, purpose, result and follow-up action.</summary>
public static class DayReportCards
{
    const int TextInTable = 80;
    static readonly int[] Widths = [1, 3, 2, 2, 3];

    public static JsonObject Day(CultureInfo c, string repName, DateOnly day, IReadOnlyList<Visit> visits, IReadOnlyList<PlanItemProgress> planned,
        string? ledgerUrl = null)
    {
        var card = Card.Create()
            .Title(T.Get(c, "reports.dayTitle", repName))
            .Text(VisitText.Day(c, day), subtle: true);
        Visits(card, c, visits);
        if (planned.Count > 0)
        {
            card.Heading(T.Get(c, "reports.plannedToday"));
            card.Table([3, 2, 2], [T.Get(c, "visits.customer"), T.Get(c, "visits.purpose"), T.Get(c, "plans.state")],
                planned.Select(p => (IReadOnlyList<string>)[p.Item.CustomerName, VisitText.Of(c, p.Item.Purpose), PlanText.State(c, p)]));
        }
        return LedgerLink(card, c, ledgerUrl).Build();
    }

    /// <summary>
    /// A leader's view of the day: each person of the team with their visits, those without any too, and their check-ins at
    /// customers' sites — when, how far from the customer, how long on site, and the flag (never the coordinates).
    /// </summary>
    public static JsonObject TeamDay(CultureInfo c, DateOnly day, IReadOnlyList<(string Name, IReadOnlyList<Visit> Visits, IReadOnlyList<CheckIn> CheckIns)> team,
        string? ledgerUrl = null)
    {
        var card = Card.Create()
            .Title(T.Get(c, "reports.teamDayTitle"))
            .Text(VisitText.Day(c, day), subtle: true)
            .Text(T.Get(c, "reports.teamDaySummary", team.Sum(t => t.Visits.Count), team.Count(t => t.Visits.Count > 0), team.Count));
        // One line per visit (a fact, far lighter than a table row): a large team's day must fit one card.
        foreach (var (name, visits, checkIns) in team)
        {
            card.Heading(T.Get(c, "reports.repVisits", name, visits.Count));
            if (visits.Count == 0) card.Text(T.Get(c, "reports.noVisits"), subtle: true);
            card.Facts(visits.Take(MaxPerRep).Select(v => ($"{VisitText.Clock(v)} {VisitText.Shorten(v.CustomerName, TextInTable)}",
                string.Join(" · ", VisitText.Of(c, v.Purpose), VisitText.Result(c, v), VisitText.Shorten(VisitText.NextStep(v), TextInTable)))));
            if (visits.Count > MaxPerRep) card.Text(T.Get(c, "reports.moreRows", visits.Count - MaxPerRep), subtle: true);
            var names = visits.GroupBy(v => v.CustomerNumber).ToDictionary(g => g.Key, g => g.First().CustomerName, StringComparer.Ordinal);
            card.Facts(checkIns.Take(MaxPerRep).Select(k => (T.Get(c, "reports.checkIn", Clock(k.At, k.TimeZoneId)),
                string.Join(" · ", new[]
                {
                    VisitText.Shorten(names.GetValueOrDefault(k.CustomerNumber, k.CustomerNumber), TextInTable),
                    k.DistanceMeters is { } d ? T.Get(c, "reports.checkInDistance", CheckIns.CheckInText.Distance(d)) : null,
                    k.OnSite is { } onSite ? T.Get(c, "reports.onSite", (int)Math.Round(onSite.TotalMinutes)) : null,
                    k.Flagged ? T.Get(c, "reports.checkInFlagged") : null,
                }.OfType<string>()))));
        }
        return LedgerLink(card, c, ledgerUrl).Build();
    }

    static string Clock(DateTimeOffset at, string zone) =>
        TimeZoneInfo.ConvertTime(at, LocalCalendar.FindZone(zone) ?? TimeZoneInfo.Utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Per person in the team card; nobody logs more in a day, and a list that long belongs in their own "my day".</summary>
    const int MaxPerRep = 15;

    static void Visits(Card card, CultureInfo c, IReadOnlyList<Visit> visits)
    {
        if (visits.Count == 0)
        {
            card.Text(T.Get(c, "reports.noVisits"), subtle: true);
            return;
        }
        var notYet = visits.Count(v => v.Result == VisitResult.NotYet);
        card.Text(T.Get(c, "reports.daySummary", visits.Count, visits.Count - notYet, notYet));
        card.Table(Widths,
            [T.Get(c, "visits.time"), T.Get(c, "visits.customer"), T.Get(c, "visits.purpose"), T.Get(c, "visits.result"), T.Get(c, "reports.followUp")],
            visits.Select(v => (IReadOnlyList<string>)[
                VisitText.Clock(v), v.CustomerName, VisitText.Of(c, v.Purpose), VisitText.Result(c, v),
                VisitText.Shorten(VisitText.NextStep(v), TextInTable)]));
    }

    /// <summary>The 5-30 workbook of the same day and people (a signed link for the reader; the card goes to their 1:1 chat only).</summary>
    internal static Card LedgerLink(Card card, CultureInfo c, string? url) => url is null ? card : card.Link(T.Get(c, "export.downloadLedger"), url);
}
