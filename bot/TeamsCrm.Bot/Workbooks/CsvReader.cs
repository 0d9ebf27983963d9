using System.Text;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// A CSV file as a workbook of one sheet, named after the file. RFC 4180 quoting (a quoted field may hold the delimiter,
/// doubled quotes and line breaks); the delimiter is what the first line uses most of comma, tab (Excel's "Unicode text")
/// and semicolon (Excel in locales with a decimal comma). The encoding is detected once (<see cref="TextEncodings"/>);
/// rows are read one at a time.
/// </summary>
public sealed class CsvReader : IWorkbookReader
{
    readonly Stream _file;
    readonly Encoding _encoding;
    readonly int _preamble;
    readonly int _maxRows;
    readonly char _delimiter;
    readonly WorkbookSheet _sheet;

    CsvReader(Stream file, string sheetName, int maxRows)
    {
        _file = file;
        _maxRows = maxRows;
        (_encoding, _preamble) = TextEncodings.Detect(file);
        _delimiter = DelimiterOf(FirstLine());
        _sheet = new WorkbookSheet(sheetName, 0, Hidden: false);
    }

    /// <summary>The stream must be seekable (the encoding is decided over the whole file, then each pass starts again) and stay open.</summary>
    public static CsvReader Open(Stream file, string sheetName, int maxRows) => new(file, sheetName, maxRows);

    public IReadOnlyList<WorkbookSheet> Sheets => [_sheet];

    public IReadOnlyList<CellRange> MergedCells(WorkbookSheet sheet) => [];

    public IEnumerable<SheetRow> Rows(WorkbookSheet sheet)
    {
        using var text = Reader();
        var number = 0;
        var yielded = 0;
        while (ReadRecord(text) is { } cells)
        {
            number++;
            var row = new SheetRow(number, cells);
            if (row.IsBlank) continue;
            if (++yielded > _maxRows) throw new WorkbookRefusedException(WorkbookProblem.TooManyRows, _sheet.Name);
            yield return row;
        }
    }

    StreamReader Reader()
    {
        _file.Position = _preamble;
        return new StreamReader(_file, _encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
    }

    string FirstLine()
    {
        using var text = Reader();
        var line = new StringBuilder();
        var quoted = false;
        int ch;
        while ((ch = text.Read()) >= 0 && line.Length < 64 * 1024)
        {
            if (ch == '"') quoted = !quoted;
            if (!quoted && ch is '\n' or '\r') break;
            line.Append((char)ch);
        }
        return line.ToString();
    }

    static char DelimiterOf(string line)
    {
        int Count(char d)
        {
            var (n, quoted) = (0, false);
            foreach (var ch in line)
            {
                if (ch == '"') quoted = !quoted;
                else if (!quoted && ch == d) n++;
            }
            return n;
        }
        return new[] { ',', '\t', ';' }.MaxBy(Count);   // ties keep the comma
    }

    /// <summary>The next record's fields (empty ones null), or null at the end of the file.</summary>
    string?[]? ReadRecord(StreamReader text)
    {
        if (text.Peek() < 0) return null;
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            var ch = text.Read();
            if (ch < 0) break;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (text.Peek() == '"') { text.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append((char)ch);
                continue;
            }
            if (ch == '"' && field.Length == 0 && !wasQuoted) { quoted = wasQuoted = true; continue; }
            if (ch == _delimiter) { fields.Add(Field(field, ref wasQuoted)); continue; }
            if (ch == '\r')
            {
                if (text.Peek() == '\n') text.Read();
                break;
            }
            if (ch == '\n') break;
            field.Append((char)ch);
        }
        fields.Add(Field(field, ref wasQuoted));
        return [.. fields];
    }

    static string? Field(StringBuilder field, ref bool wasQuoted)
    {
        var value = field.ToString();
        field.Clear();
        wasQuoted = false;
        return value.Length == 0 ? null : value;
    }

    public void Dispose() => _file.Dispose();
}
