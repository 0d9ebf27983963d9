using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// The ledger file to import: a file on disk (the chat flow's spooled attachment, the command line's argument), its name as its
/// owner gave it, and the SHA-256 of its content, computed once. Every pass of the import opens it again and streams it.
/// </summary>
public sealed class LedgerSource
{
    LedgerSource(string path, string fileName, string sha256) => (Path, FileName, Sha256) = (path, fileName, sha256);

    public string Path { get; }
    /// <summary>"客户台账.xlsx": named in the history of every file imported from it, and in the report.</summary>
    public string FileName { get; }
    public string Sha256 { get; }

    /// <param name="fileName">The name to show; the path's own name when not given (a spool file's name means nothing to people).</param>
    public static async Task<LedgerSource> FromFileAsync(string path, string? fileName = null, CancellationToken ct = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return new LedgerSource(path, string.IsNullOrWhiteSpace(fileName) ? System.IO.Path.GetFileName(path) : fileName.Trim(),
            await ImportKeys.HashAsync(file, ct));
    }

    /// <summary>A reader of the file; throws <see cref="WorkbookRefusedException"/> when it is no workbook.</summary>
    internal IWorkbookReader Open(int maxRows) => WorkbookFile.Open(Path, FileName, maxRows);
}
