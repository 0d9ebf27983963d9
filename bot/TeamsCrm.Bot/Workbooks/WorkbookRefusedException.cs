namespace TeamsCrm.Bot.Workbooks;

/// <summary>Why a file cannot be read as a workbook at all. Each has a message of its own ("import.refused.{problem}").</summary>
public enum WorkbookProblem
{
    /// <summary>Neither an .xlsx nor a CSV file (a PDF, a picture, a Word document…).</summary>
    NotAWorkbook,
    /// <summary>An encrypted OOXML file: Excel wraps it in an OLE compound file with an EncryptionInfo stream.</summary>
    PasswordProtected,
    /// <summary>An Excel 97–2003 .xls (an OLE compound file with a Workbook stream): to be saved as .xlsx first.</summary>
    OldExcelFormat,
    /// <summary>No bytes, or no row with anything in it.</summary>
    Empty,
    /// <summary>More rows than the configured limit (Import:MaxRows) in one sheet.</summary>
    TooManyRows,
    /// <summary>A zip or XML that cannot be read to the end: cut short or damaged.</summary>
    Damaged,
    /// <summary>Text in neither UTF-8, UTF-16 nor GB18030 (GBK).</summary>
    UnknownEncoding,
}

/// <summary>The file is refused as a whole, before anything is written. <see cref="Detail"/> names a sheet or a limit where one applies.</summary>
public sealed class WorkbookRefusedException(WorkbookProblem problem, string? detail = null, Exception? inner = null)
    : Exception($"The file cannot be imported: {problem}{(detail is null ? "" : $" ({detail})")}.", inner)
{
    public WorkbookProblem Problem { get; } = problem;
    public string? Detail { get; } = detail;
}
