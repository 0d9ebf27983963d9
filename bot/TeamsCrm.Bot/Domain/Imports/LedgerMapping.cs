namespace TeamsCrm.Bot.Domain.Imports;

/// <summary>
/// How a ledger's sheets and columns are read: proposed by the importer from the headers, changed on the mapping card where
/// a header was not recognised, kept with the import run, and the same for the dry run and the apply.
/// </summary>
public sealed record LedgerMapping(IReadOnlyList<SheetMapping> Sheets)
{
    public SheetMapping? Sheet(string name) => Sheets.FirstOrDefault(s => s.Sheet == name);

    /// <summary>The mapping with one sheet replaced (by name).</summary>
    public LedgerMapping With(SheetMapping sheet) => new([.. Sheets.Select(s => s.Sheet == sheet.Sheet ? sheet : s)]);

    /// <summary>The mapping with one column of one sheet mapped to <paramref name="field"/> (null: ignored). Unknown sheets or columns change nothing.</summary>
    public LedgerMapping WithColumn(string sheet, int column, string? field) =>
        Sheet(sheet) is { } s ? With(s with { Columns = [.. s.Columns.Select(c => c.Column == column ? c with { Field = field } : c)] }) : this;

    /// <summary>The mapping with a sheet read as another kind (its columns are mapped again from their headers for that kind).</summary>
    public LedgerMapping WithKind(string sheet, SheetKind kind) =>
        Sheet(sheet) is { } s
            ? With(s with { Kind = kind, Columns = [.. s.Columns.Select(c => c with { Field = HeaderDictionary.FieldOf(kind, c.Header, c.Group) })] })
            : this;

    /// <summary>Sheets that will be read, customers first: child rows find their customer among the rows read before them.</summary>
    public IEnumerable<SheetMapping> InReadingOrder() =>
        Sheets.Where(s => s.Kind != SheetKind.Ignored).OrderBy(s => s.Kind switch
        {
            SheetKind.Customers => 0, SheetKind.Contacts => 1, SheetKind.Entries => 2, _ => 3,
        }).ThenBy(s => s.Index);
}

/// <summary>
/// One sheet: what it holds, the last row of its header (data starts below it; a title row and a merged group row may be
/// above it) and its columns.
/// </summary>
/// <param name="Index">The sheet's position in the workbook.</param>
/// <param name="EntryType">On an entries sheet, the type of rows whose own type column is empty or missing (a sheet named 回款 holds repayments).</param>
/// <param name="Individuals">On a customer sheet without a kind column: its customers are individuals (a sheet 个人客户, table 2-8).</param>
/// <param name="MergedData">Some data cells are merged (an owner over several rows): the rows below take the merged value.</param>
public sealed record SheetMapping(string Sheet, int Index, SheetKind Kind, int HeaderRow, IReadOnlyList<ColumnMapping> Columns,
    EntryType? EntryType = null, bool Individuals = false, bool MergedData = false)
{
    /// <summary>The columns mapped to <paramref name="field"/>, left to right.</summary>
    public IEnumerable<ColumnMapping> For(string field) => Columns.Where(c => c.Field == field);

    public bool Has(string field) => Columns.Any(c => c.Field == field);

    /// <summary>Headers no field was found for (shown on the card, to be mapped or left out).</summary>
    public IEnumerable<ColumnMapping> Unrecognised => Columns.Where(c => c.Field is null && !string.IsNullOrWhiteSpace(c.Header));

    /// <summary>Fields mapped from more than one column where only one may be (a card choice set allows it): each such field once.</summary>
    public IEnumerable<string> MappedTwice => Columns.Where(c => c.Field is { } f && !LedgerFields.TakesSeveral(f))
        .GroupBy(c => c.Field!).Where(g => g.Count() > 1).Select(g => g.Key);

    /// <summary>For each requirement of the kind that no column meets, its alternatives (e.g. ["customer", "customerKey"]).</summary>
    public IEnumerable<IReadOnlyList<string>> Missing => LedgerFields.Required(Kind).Where(any => !any.Any(Has));

    /// <summary>Whether the dry run and the apply can read the sheet as mapped.</summary>
    public bool IsUsable => Kind == SheetKind.Ignored || (!Missing.Any() && !MappedTwice.Any());
}

/// <summary>A column: its 0-based index, its header as shown (with the merged group over it, if any), and the field it feeds.</summary>
/// <param name="Scale">10,000 for amounts given in 万元.</param>
public sealed record ColumnMapping(int Column, string Header, string? Field, string? Group = null, int Scale = 1)
{
    /// <summary>"首要联系人 / 姓名", or the header alone.</summary>
    public string Label => string.IsNullOrWhiteSpace(Group) ? Header : $"{Group} / {Header}";
}
