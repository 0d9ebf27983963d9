using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Analysis;

/// <summary>
/// A table of figures as the card draws it (a chart over it, the table as the fallback) and the CSV and .xlsx export it.
/// Cells are text in invariant form; <see cref="Kinds"/> says per column what the text is, so the workbook gets real
/// numbers and dates (a column past the list is text).
/// </summary>
public sealed record FigureTable(string Id, string Title, string Chart, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public IReadOnlyList<CellKind> Kinds { get; init; } = [];
}

/// <summary>
/// Reads what the analysis needs with indexed queries only — each person's files by owner, and everyone's monthly rollups
/// (<see cref="IMonthlyRollups"/>: the sales the key-account classes are computed from, the unsuccessful visits by reason),
/// never every customer's contracts — and turns it into localised tables. The same tables feed the card and the export.
/// </summary>
public static class AnalysisReport
{
    /// <summary>Months of unsuccessful-visit reasons shown: this one and the five before.</summary>
    public const int ReasonMonths = 6;

    /// <param name="cadence">The visit intervals by level (Visits:Cadence), for the key accounts overdue by rep.</param>
    public static async Task<IReadOnlyList<FigureTable>> BuildAsync(CultureInfo c, IReadOnlyList<Person> people, ICrmArchive archive, IDirectory directory,
        CadenceIntervals cadence, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var ids = people.Select(p => p.AadObjectId).ToList();
        // Three independent reads at once: every month's rollups (a file's key-account classes count all its contracts
        // ever signed), the decisions, and the files.
        var reading = archive.Rollups.ForRepsAsync(ids, null, null, ct);
        var decisions = DecisionTables.BuildAsync(c, people, archive, directory, now, zone, ct);
        var customers = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var (_, files) in await archive.Customers.ListByOwnersAsync(ids, ct))
            foreach (var customer in files) customers[customer.Number] = customer;
        var live = CustomerAnalysis.Live(customers.Values).ToList();
        var rollups = await reading;
        var today = LocalCalendar.Today(now, zone);
        var months = CustomerAnalysis.MonthsUpTo(today, ReasonMonths);
        var names = people.ToDictionary(p => p.AadObjectId, p => p.Name, StringComparer.OrdinalIgnoreCase);

        return
        [
            Shares(c, "category", "Chart.Donut", CustomerAnalysis.By(live, x => x.Category.ToString()), k => CustomerText.Of(c, Enum.Parse<CustomerCategory>(k))),
            Shares(c, "tier", "Chart.Donut", CustomerAnalysis.By(live, x => x.Tier.ToString()), k => CustomerText.Of(c, Enum.Parse<CustomerTier>(k))),
            Shares(c, "region", "Chart.HorizontalBar", CustomerAnalysis.By(live, x => x.Region), k => k),
            Shares(c, "industry", "Chart.HorizontalBar", CustomerAnalysis.By(live, x => x.Industry), k => k),
            Shares(c, "credit", "Chart.Donut", CustomerAnalysis.By(live, x => x.Credit.Rating), k => k),
            Shares(c, "stage", "Chart.VerticalBar", CustomerAnalysis.By(live, x => x.Stage.ToString()), k => CustomerText.Of(c, Enum.Parse<DevelopmentStage>(k))),
            Shares(c, "keyAccount", "Chart.VerticalBar", CustomerAnalysis.KeyAccounts(live, MonthRollups.SalesByCustomer(rollups)), k => CustomerText.Of(c, Enum.Parse<KeyAccountClasses>(k))),
            Reasons(c, CustomerAnalysis.ReasonsByMonth(months, rollups)),
            Stale(c, CustomerAnalysis.Stale(live, now), names, zone),
            OverdueByRep(c, people, live, cadence, today, zone),
            .. await decisions,
        ];
    }

    static FigureTable Shares(CultureInfo c, string id, string chart, IReadOnlyList<Share> shares, Func<string, string> label) =>
        new(id, T.Get(c, $"analysis.{id}"), chart, [T.Get(c, $"analysis.{id}"), T.Get(c, "analysis.count")],
            [.. shares.Select(s => (IReadOnlyList<string>)[s.Key.Length == 0 ? T.Get(c, "analysis.none") : label(s.Key), Count(s.Count)])])
        { Kinds = [CellKind.Text, CellKind.Integer] };

    /// <summary>Months as rows, reasons as columns (only reasons that occurred), a total per month.</summary>
    static FigureTable Reasons(CultureInfo c, IReadOnlyList<(YearMonth Month, IReadOnlyDictionary<UnsuccessfulReason, int> Reasons)> months)
    {
        var reasons = Enum.GetValues<UnsuccessfulReason>().Where(r => months.Any(m => m.Reasons.ContainsKey(r))).ToList();
        IReadOnlyList<string> headers = [T.Get(c, "analysis.month"), .. reasons.Select(r => CustomerText.Of(c, r)), T.Get(c, "analysis.total")];
        return new("reasons", T.Get(c, "analysis.reasons"), "Chart.VerticalBar", headers,
            [.. months.Select(m => (IReadOnlyList<string>)[m.Month.ToString(), .. reasons.Select(r => Count(m.Reasons.GetValueOrDefault(r))),
                Count(m.Reasons.Values.Sum())])])
        { Kinds = [CellKind.Text, .. headers.Skip(1).Select(_ => CellKind.Integer)] };
    }

    static FigureTable Stale(CultureInfo c, IReadOnlyList<Customer> stale, IReadOnlyDictionary<string, string> names, TimeZoneInfo zone) =>
        new("stale", T.Get(c, "analysis.stale", CustomerAnalysis.StaleDays), "",
            [T.Get(c, "analysis.number"), T.Get(c, "analysis.name"), T.Get(c, "analysis.owner"), T.Get(c, "analysis.lastTouched")],
            [.. stale.Select(x => (IReadOnlyList<string>)[x.Number, x.Name, names.GetValueOrDefault(x.OwnerAadObjectId) ?? "?",
                CustomerText.Time(CustomerAnalysis.LastTouched(x), zone)])])
        { Kinds = [CellKind.Text, CellKind.Text, CellKind.Text, CellKind.DateTime] };

    /// <summary>Per person with active key accounts: how many they have and how many are overdue for a visit, most overdue first.</summary>
    static FigureTable OverdueByRep(CultureInfo c, IReadOnlyList<Person> people, IReadOnlyList<Customer> live, CadenceIntervals cadence, DateOnly today,
        TimeZoneInfo zone)
    {
        var keyAccounts = live.Where(x => x.Status == CustomerStatus.Active && x.KeyAccount != KeyAccountClasses.None)
            .ToLookup(x => x.OwnerAadObjectId, StringComparer.OrdinalIgnoreCase);
        var rows = people.DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase).Where(p => keyAccounts[p.AadObjectId].Any())
            .Select(p => (p.Name, All: keyAccounts[p.AadObjectId].Count(), Overdue: VisitCadence.OverdueKeyAccounts(keyAccounts[p.AadObjectId], cadence, today, zone)))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.Name, StringComparer.Ordinal);
        return new("overdue", T.Get(c, "analysis.overdue"), "Chart.HorizontalBar",
            [T.Get(c, "analysis.rep"), T.Get(c, "analysis.keyAccounts"), T.Get(c, "analysis.overdueCount")],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, Count(r.All), Count(r.Overdue)])])
        { Kinds = [CellKind.Text, CellKind.Integer, CellKind.Integer] };
    }

    static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
