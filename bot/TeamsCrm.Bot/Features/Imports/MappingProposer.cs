using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using HeaderDictionary = TeamsCrm.Bot.Domain.Imports.HeaderDictionary;   // ASP.NET Core has one too (implicit usings)
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// Proposes how to read a workbook, from its first rows: for each sheet the header row (a title row and a merged group row may
/// sit above it; the header is the row whose headers the dictionary knows best), what the sheet holds, and the field of each
/// column. Merged header cells count as what their top-left cell says, and a merged group over sub-headers ("联系人" over
/// "姓名 · 职务 · 手机") gives them their meaning.
/// </summary>
public static class MappingProposer
{
    /// <summary>Rows looked at for the header: a title, a blank line, a group row and the headers fit easily.</summary>
    public const int HeaderScan = 10;

    static readonly (SheetKind Kind, string[] Words)[] NameHints =
    [
        (SheetKind.Contacts, ["联系人", "contact"]),
        (SheetKind.Entries, ["合同", "订单", "回款", "还款", "收款", "欠款", "应收", "发货", "退货", "折价", "投诉", "contract", "order", "payment", "invoice"]),
        (SheetKind.Visits, ["拜访", "visit"]),
        (SheetKind.Customers, ["客户", "customer", "档案", "台账", "ledger"]),
    ];

    public static LedgerMapping Propose(IWorkbookReader reader)
    {
        var sheets = new List<SheetMapping>();
        foreach (var sheet in reader.Sheets)
        {
            var rows = reader.Rows(sheet).Take(HeaderScan).ToList();
            sheets.Add(rows.Count == 0 ? new SheetMapping(sheet.Name, sheet.Index, SheetKind.Ignored, 0, []) : ProposeSheet(reader, sheet, rows));
        }
        if (sheets.All(s => s.HeaderRow == 0)) throw new WorkbookRefusedException(WorkbookProblem.Empty);
        return new LedgerMapping(sheets);
    }

    static SheetMapping ProposeSheet(IWorkbookReader reader, WorkbookSheet sheet, List<SheetRow> rows)
    {
        var merges = reader.MergedCells(sheet);
        (SheetMapping Mapping, double Score)? best = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var headers = Headers(rows, i, merges);
            foreach (var kind in (SheetKind[])[SheetKind.Customers, SheetKind.Contacts, SheetKind.Entries, SheetKind.Visits])
            {
                var columns = Map(kind, headers);
                var mapping = new SheetMapping(sheet.Name, sheet.Index, kind, rows[i].Number, columns);
                if (mapping.Missing.Any()) continue;
                var score = Score(mapping) + (Hinted(sheet.Name) == kind ? 2 : 0);
                if (best is null || score > best.Value.Score) best = (mapping, score);
            }
        }
        if (best is not { Mapping: var chosen })
        {
            // Nothing the importer can read: shown with its headers, ignored until someone maps it.
            var guess = rows.Select((_, i) => Headers(rows, i, merges)).MaxBy(h => h.Count(x => x.Header.Length > 0))!;
            return new SheetMapping(sheet.Name, sheet.Index, SheetKind.Ignored, rows[0].Number, [.. guess.Select(h => new ColumnMapping(h.Column, h.Header, null, h.Group))]);
        }
        return chosen with
        {
            Kind = sheet.Hidden ? SheetKind.Ignored : chosen.Kind,
            EntryType = chosen.Kind == SheetKind.Entries ? EntryTypeOf(sheet.Name, chosen) : null,
            Individuals = chosen.Kind == SheetKind.Customers && IsIndividuals(sheet.Name),
            MergedData = merges.Any(m => m.LastRow > chosen.HeaderRow),
        };
    }

    /// <summary>
    /// Each column's header on row <paramref name="at"/> and the group above it: a merged cell's value is its top-left cell's,
    /// a group is the row above when it differs (a header merged down over both rows is no group of itself).
    /// </summary>
    static List<(int Column, string Header, string? Group)> Headers(List<SheetRow> rows, int at, IReadOnlyList<CellRange> merges)
    {
        string? Value(int index, int column)
        {
            if (index < 0) return null;
            var row = rows[index];
            if (row[column] is { } own && own.Trim().Length > 0) return own.Trim();
            var merge = merges.FirstOrDefault(m => m.Contains(row.Number, column) && (m.FirstRow != row.Number || m.FirstColumn != column));
            if (merge is null) return null;
            var top = rows.FirstOrDefault(r => r.Number == merge.FirstRow);
            return top?[merge.FirstColumn]?.Trim() is { Length: > 0 } value ? value : null;
        }
        var width = Math.Max(rows[at].Cells.Length, at > 0 ? rows[at - 1].Cells.Length : 0);
        var headers = new List<(int, string, string?)>();
        for (var column = 0; column < width; column++)
        {
            var header = Value(at, column);
            var group = at > 0 && rows[at - 1].Number == rows[at].Number - 1 ? Value(at - 1, column) : null;
            if (group == header) group = null;
            if (header is null && group is null) continue;
            headers.Add((column, header ?? group!, header is null ? null : group));
        }
        return headers;
    }

    /// <summary>Each header's field for the kind; a field a second column would feed too (where one is allowed) is left to the first.</summary>
    static List<ColumnMapping> Map(SheetKind kind, List<(int Column, string Header, string? Group)> headers)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<ColumnMapping>();
        foreach (var (column, header, group) in headers)
        {
            var field = HeaderDictionary.FieldOf(kind, header, group);
            if (field is not null && !LedgerFields.TakesSeveral(field) && !taken.Add(field)) field = null;
            var scale = field is not null && LedgerFields.IsAmount(field) ? Math.Max(HeaderDictionary.ScaleOf(header), HeaderDictionary.ScaleOf(group)) : 1;
            columns.Add(new ColumnMapping(column, header, field, group, scale));
        }
        return columns;
    }

    /// <summary>How well the headers fit the kind: a recognised column is 1; on a customer sheet a contact's or contract's half (a contacts or contracts sheet has those as well).</summary>
    static double Score(SheetMapping m) => m.Columns.Where(c => c.Field is not null).Sum(c => m.Kind == SheetKind.Customers
        && (c.Field!.StartsWith("contact", StringComparison.Ordinal) || c.Field.StartsWith("contract", StringComparison.Ordinal)) ? 0.5 : 1);

    static SheetKind? Hinted(string sheetName)
    {
        var name = sheetName.ToLowerInvariant();
        return NameHints.FirstOrDefault(h => h.Words.Any(w => name.Contains(w, StringComparison.Ordinal))) is { Words: not null } hint ? hint.Kind : null;
    }

    static bool IsIndividuals(string sheetName) =>
        sheetName.Contains("个人", StringComparison.Ordinal) || sheetName.Contains("individual", StringComparison.OrdinalIgnoreCase);

    /// <summary>An entries sheet's default type: from its name (回款 → repayments), else from its amount header (合同金额 → contracts).</summary>
    static EntryType? EntryTypeOf(string sheetName, SheetMapping m)
    {
        var amountHeader = m.For(LedgerFields.Amount).FirstOrDefault()?.Header ?? "";
        foreach (var text in new[] { sheetName, amountHeader })
            if (ChoiceWords.FirstOrDefault(w => w.Words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase))) is { Words: not null } found)
                return found.Type;
        return null;
    }

    static readonly (EntryType Type, string[] Words)[] ChoiceWords =
    [
        (EntryType.Contract, ["合同", "contract"]), (EntryType.Order, ["订单", "order"]), (EntryType.Repayment, ["回款", "还款", "收款", "repayment", "payment"]),
        (EntryType.Debt, ["欠款", "应收", "debt"]), (EntryType.Shipment, ["发货", "出货", "shipment"]), (EntryType.Return, ["退货", "退赔", "return"]),
        (EntryType.Discount, ["折价", "折扣", "discount"]), (EntryType.Complaint, ["投诉", "complaint"]),
    ];
}
