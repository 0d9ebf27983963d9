using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// Ledgers merge a data cell over the rows it is true for (业务员 "王芳" once, over her six customers). Excel keeps the value in
/// the top cell only; read row by row, the rows below would have no owner (and fall to the importer). Each row below takes the
/// merged value in the merge's first column — a merge across columns keeps its value where its header is.
/// </summary>
public static class MergedRows
{
    public static IEnumerable<SheetRow> Filled(IEnumerable<SheetRow> rows, IReadOnlyList<CellRange> merges, int headerRow)
    {
        var below = merges.Where(m => m.FirstRow > headerRow && m.LastRow > m.FirstRow).ToList();
        if (below.Count == 0)
        {
            foreach (var row in rows) yield return row;
            yield break;
        }
        var values = new Dictionary<CellRange, string?>();
        foreach (var row in rows)
        {
            string?[]? cells = null;
            foreach (var merge in below)
            {
                if (row.Number == merge.FirstRow) values[merge] = row[merge.FirstColumn];
                else if (row.Number > merge.FirstRow && row.Number <= merge.LastRow && values.GetValueOrDefault(merge) is { } value
                    && string.IsNullOrWhiteSpace(row[merge.FirstColumn]))
                {
                    cells ??= (string?[])row.Cells.Clone();
                    if (cells.Length <= merge.FirstColumn) Array.Resize(ref cells, merge.FirstColumn + 1);
                    cells[merge.FirstColumn] = value;
                }
            }
            yield return cells is null ? row : row with { Cells = cells };
        }
    }
}
