using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Exports;

/// <summary>
/// The seeds' visit ledgers as workbook sheets, laid out like the paper forms: the form's title and who/when above,
/// then the table with its Chinese or English headings (the reader's language), a total row where the form has one.
/// Cells are invariant text with a <see cref="CellKind"/> per column, so counts, money and dates are real cells.
/// <paramref name="names"/> maps people's object ids to names; a team ledger has a rep column, one person's has not.
/// </summary>
public static class LedgerSheets
{
    /// <summary>客户访问月计划表 with 计划拜访次数与实际执行情况 (5-27): one line per rep and customer, a total line.</summary>
    public static XlsxSheet MonthPlan(CultureInfo c, IReadOnlyList<string> heading, PlannedVsActualReport report,
        IReadOnlyDictionary<string, string> customers, IReadOnlyDictionary<string, string> names, bool team)
    {
        IReadOnlyList<XlsxColumn> columns =
        [
            new(T.Get(c, "ledger.no"), CellKind.Integer),
            .. Rep(c, team),
            new(T.Get(c, "ledger.customerNumber")), new(T.Get(c, "ledger.customerName")),
            .. CountColumns(c),
        ];
        var rows = report.Rows.Select((r, i) => (IReadOnlyList<string>)[
            Int(i + 1), .. team ? [NameOf(names, r.RepAadObjectId)] : Array.Empty<string>(),
            r.CustomerNumber, NameOf(customers, r.CustomerNumber), .. Counts(r.Counts)]);
        IReadOnlyList<string> total = [T.Get(c, "ledger.total"), .. team ? [""] : Array.Empty<string>(), "", "", .. Counts(report.Team)];
        return new XlsxSheet(T.Get(c, "ledger.5-27.sheet"), columns, rows.Append(total))
            { TitleLines = [T.Get(c, "ledger.5-27.title"), .. heading] };
    }

    /// <summary>5-27 summed per person of the team (everyone, those without plans or visits too), with the unsuccessful visits.</summary>
    public static XlsxSheet MonthPerRep(CultureInfo c, IReadOnlyList<string> heading, PlannedVsActualReport report,
        IReadOnlyDictionary<string, string> names, IReadOnlyList<Visit> visits)
    {
        IReadOnlyList<XlsxColumn> columns = [new(T.Get(c, "ledger.repColumn")), .. CountColumns(c), new(T.Get(c, "ledger.notYet"), CellKind.Integer)];
        var rows = names.OrderBy(p => p.Value, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[
            p.Value, .. Counts(report.ByRep.GetValueOrDefault(p.Key, VisitCounts.Zero)),
            Int(visits.Count(v => v.Result == VisitResult.NotYet && string.Equals(v.RepAadObjectId, p.Key, StringComparison.OrdinalIgnoreCase)))]);
        IReadOnlyList<string> total = [T.Get(c, "ledger.total"), .. Counts(report.Team), Int(visits.Count(v => v.Result == VisitResult.NotYet))];
        return new XlsxSheet(T.Get(c, "ledger.5-27.perRep"), columns, rows.Append(total)) { TitleLines = [T.Get(c, "ledger.5-27.title"), .. heading] };
    }

    /// <summary>客户拜访周计划表 (5-28): each planned visit of the week with the plan's state (填表 → 审核 → 批准).</summary>
    public static XlsxSheet WeekPlan(CultureInfo c, IReadOnlyList<string> heading, IReadOnlyList<VisitPlan> plans,
        IReadOnlyDictionary<string, string> names, bool team)
    {
        IReadOnlyList<XlsxColumn> columns =
        [
            .. Rep(c, team),
            new(T.Get(c, "ledger.expectedDay"), CellKind.Date), new(T.Get(c, "ledger.expectedTime")),
            new(T.Get(c, "ledger.customerNumber")), new(T.Get(c, "ledger.customerName")), new(T.Get(c, "ledger.customerType")),
            new(T.Get(c, "ledger.purpose")), new(T.Get(c, "ledger.planContact")), new(T.Get(c, "ledger.planNotes")),
            new(T.Get(c, "ledger.planStatus")), new(T.Get(c, "ledger.reviewer")),
        ];
        var rows = plans.OrderBy(p => NameOf(names, p.RepAadObjectId), StringComparer.Ordinal)
            .SelectMany(p => p.Items.OrderBy(i => i.Day).ThenBy(i => i.Time).Select(i => (IReadOnlyList<string>)[
                .. team ? [NameOf(names, p.RepAadObjectId)] : Array.Empty<string>(),
                Date(i.Day), i.Time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "", i.CustomerNumber, i.CustomerName,
                CustomerText.Of(c, i.CustomerType), VisitText.Of(c, i.Purpose), i.Contact ?? "", i.Notes ?? "",
                T.Get(c, "ledger.status." + p.Status), p.ReviewerAadObjectId is { } r ? NameOf(names, r) : ""]));
        return new XlsxSheet(T.Get(c, "ledger.5-28.sheet"), columns, rows) { TitleLines = [T.Get(c, "ledger.5-28.title"), .. heading] };
    }

    /// <summary>客户拜访报告 (5-29): every field of each visit report, oldest first.</summary>
    public static XlsxSheet VisitReports(CultureInfo c, IReadOnlyList<string> heading, IReadOnlyList<Visit> visits,
        IReadOnlyDictionary<string, string> names, bool team)
    {
        IReadOnlyList<XlsxColumn> columns =
        [
            new(T.Get(c, "ledger.visitTime"), CellKind.DateTime), .. Rep(c, team),
            new(T.Get(c, "ledger.customerNumber")), new(T.Get(c, "ledger.customerName")), new(T.Get(c, "ledger.customerType")),
            new(T.Get(c, "ledger.purpose")), new(T.Get(c, "ledger.method")), new(T.Get(c, "ledger.contact")), new(T.Get(c, "ledger.contactInfo")),
            new(T.Get(c, "ledger.notes"), Width: 50), new(T.Get(c, "ledger.problems"), Width: 40),
            new(T.Get(c, "ledger.receivable"), CellKind.Money), new(T.Get(c, "ledger.received"), CellKind.Money),
            new(T.Get(c, "ledger.outstanding"), CellKind.Money),
            new(T.Get(c, "ledger.result")), new(T.Get(c, "ledger.reason")), new(T.Get(c, "ledger.nextAction"), Width: 30),
            new(T.Get(c, "ledger.nextActionDate"), CellKind.Date),
        ];
        var rows = visits.OrderBy(v => v.Time).Select(v => (IReadOnlyList<string>)[
            LocalTime(v), .. team ? [NameOf(names, v.RepAadObjectId)] : Array.Empty<string>(),
            v.CustomerNumber, v.CustomerName, CustomerText.Of(c, v.CustomerType), VisitText.Of(c, v.Purpose), VisitText.Of(c, v.Method),
            v.ContactPerson, v.ContactInfo ?? "", v.Notes, v.ProblemsAndMeasures ?? "",
            Money(v.Collection?.Receivable), Money(v.Collection?.Received), Money(v.Collection?.Outstanding),
            VisitText.Of(c, v.Result), Reason(c, v), v.NextAction ?? "", v.NextActionDate is { } d ? Date(d) : ""]);
        return new XlsxSheet(T.Get(c, "ledger.5-29.sheet"), columns, rows) { TitleLines = [T.Get(c, "ledger.5-29.title"), .. heading] };
    }

    /// <summary>拜访日报 (5-30): per rep and day, customer, time, purpose, result and follow-up action.</summary>
    public static XlsxSheet Day(CultureInfo c, IReadOnlyList<string> heading, IReadOnlyList<Visit> visits,
        IReadOnlyDictionary<string, string> names, bool team)
    {
        IReadOnlyList<XlsxColumn> columns =
        [
            .. Rep(c, team), new(T.Get(c, "ledger.visitTime"), CellKind.DateTime), new(T.Get(c, "ledger.customerNumber")),
            new(T.Get(c, "ledger.customerName")), new(T.Get(c, "ledger.purpose")), new(T.Get(c, "ledger.result")), new(T.Get(c, "ledger.reason")),
            new(T.Get(c, "ledger.nextAction"), Width: 30), new(T.Get(c, "ledger.nextActionDate"), CellKind.Date),
        ];
        var rows = visits.OrderBy(v => NameOf(names, v.RepAadObjectId), StringComparer.Ordinal).ThenBy(v => v.Time).Select(v => (IReadOnlyList<string>)[
            .. team ? [NameOf(names, v.RepAadObjectId)] : Array.Empty<string>(), LocalTime(v), v.CustomerNumber, v.CustomerName,
            VisitText.Of(c, v.Purpose), VisitText.Of(c, v.Result), Reason(c, v), v.NextAction ?? "", v.NextActionDate is { } d ? Date(d) : ""]);
        return new XlsxSheet(T.Get(c, "ledger.5-30.sheet"), columns, rows) { TitleLines = [T.Get(c, "ledger.5-30.title"), .. heading] };
    }

    static IEnumerable<XlsxColumn> Rep(CultureInfo c, bool team) => team ? [new(T.Get(c, "ledger.repColumn"))] : [];

    static IEnumerable<XlsxColumn> CountColumns(CultureInfo c) =>
    [
        new(T.Get(c, "ledger.planned"), CellKind.Integer), new(T.Get(c, "ledger.actual"), CellKind.Integer),
        new(T.Get(c, "ledger.difference"), CellKind.SignedInteger), new(T.Get(c, "ledger.completion"), CellKind.Decimal),
    ];

    /// <summary>Planned, made, difference and completion (empty when nothing was planned: no rate of zero).</summary>
    static IEnumerable<string> Counts(VisitCounts n) =>
        [Int(n.Planned), Int(n.Actual), Int(n.Difference), n.Planned == 0 ? "" : Math.Round(100m * n.Actual / n.Planned, 1).ToString("0.0", CultureInfo.InvariantCulture)];

    static string Reason(CultureInfo c, Visit v) =>
        v.Reason is not { } r ? "" : string.IsNullOrEmpty(v.ReasonNote) ? VisitText.Of(c, r) : T.Get(c, "ledger.reasonWithNote", VisitText.Of(c, r), v.ReasonNote);

    static string LocalTime(Visit v) => VisitText.When(v);
    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    static string Money(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
    static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
    static string NameOf(IReadOnlyDictionary<string, string> names, string key) => names.GetValueOrDefault(key, key);
}
