using System.Text;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// Opens a file as a workbook by what it holds, not by its name (a CSV saved as .xls, a workbook renamed .csv): a zip is an
/// .xlsx, an OLE compound file is a password-protected workbook or an old .xls, text is CSV, anything else is refused.
/// </summary>
public static class WorkbookFile
{
    /// <summary>How much of a text file is looked at to tell it from a binary one.</summary>
    const int Sample = 8 * 1024;

    /// <summary>The reader owns the file from here. Throws <see cref="WorkbookRefusedException"/> for a file that is no workbook.</summary>
    /// <param name="name">The file's name as its owner gave it: a CSV's one sheet is named after it.</param>
    public static IWorkbookReader Open(string path, string name, int maxRows)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            if (file.Length == 0) throw new WorkbookRefusedException(WorkbookProblem.Empty);
            var head = new byte[Math.Min(Sample, file.Length)];
            file.ReadExactly(head);
            file.Position = 0;
            if (head is [0x50, 0x4B, 0x03, 0x04, ..]) return XlsxReader.Open(file, maxRows);
            if (head.AsSpan().StartsWith(CompoundFile.Signature)) throw new WorkbookRefusedException(CompoundFile.Inspect(file));
            if (!LooksLikeText(head)) throw new WorkbookRefusedException(WorkbookProblem.NotAWorkbook);
            return CsvReader.Open(file, Path.GetFileNameWithoutExtension(name), maxRows);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Text has no NUL and few control characters (UTF-16, marked by its byte-order mark, has NULs for every ASCII
    /// character); a page or a PDF is text of a kind but no table.
    /// </summary>
    static bool LooksLikeText(byte[] head)
    {
        if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) return true;
        if (head.AsSpan().IndexOf((byte)0) >= 0) return false;
        var controls = head.Count(b => b < 0x20 && b is not (0x09 or 0x0A or 0x0D));
        if (controls > head.Length / 100) return false;
        var start = Encoding.ASCII.GetString(head, 0, Math.Min(head.Length, 16)).TrimStart('\uFEFF', ' ', '\r', '\n').ToLowerInvariant();
        return !(start.StartsWith("%pdf", StringComparison.Ordinal) || start.StartsWith("<html", StringComparison.Ordinal)
            || start.StartsWith("<!doctype", StringComparison.Ordinal) || start.StartsWith("<?xml", StringComparison.Ordinal)
            || start.StartsWith("{\\rtf", StringComparison.Ordinal));
    }
}
