using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Web;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// GET /imports/report: the dry-run report of an import as a workbook, every row with its status — a signed link made for
/// the sales manager who started the import, served while the ledger still waits in their inbox and they may still import.
/// The report is made now by a dry run (nothing written), so it says what an apply would do now. Anything wrong is a 403.
/// </summary>
public static class ImportReportEndpoint
{
    public static void MapImportReports(this WebApplication app) => app.MapGet(DownloadLinks.PathOf(DownloadKind.ImportReport), ServeAsync);

    static async Task<IResult> ServeAsync(HttpRequest http, DownloadLinks links, IDirectory directory, ICrmArchive archive, LedgerImporter importer,
        IOptions<ImportOptions> options, CancellationToken ct)
    {
        if (links.Verify(http.Query) is not { Kind: DownloadKind.ImportReport, Format: DownloadFormat.Xlsx } request
            || await archive.Imports.GetAsync(request.Argument, ct) is not { } run
            || !ImportAccess.MayDrive(await directory.FindAsync(request.UserAadObjectId, ct), run))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        await using var spool = await LedgerSpool.OpenAsync(archive.Documents, run.Id, ct);
        var me = await directory.FindAsync(request.UserAadObjectId, ct);
        if (spool is null || spool.Source.Sha256 != run.FileHash || me is null) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var c = request.Culture;
        var rows = new List<IReadOnlyList<string>>();
        try
        {
            await importer.DryRunAsync(spool.Source, run.Mapping,
                new ImportRequest(me, run.OwnerMap, c, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone)),
                v => rows.Add([v.Sheet, v.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), T.Get(c, "import.kind." + v.Kind),
                    T.Get(c, "import.outcome." + v.Outcome), v.Label, v.Number ?? "", v.Detail ?? ""]), ct);
        }
        catch (WorkbookRefusedException)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);   // the card said why when the check was made
        }
        string H(string key) => T.Get(c, "import.col." + key);
        return TableFile.Workbook($"import-{run.Id[..Math.Min(8, run.Id.Length)]}", [new XlsxSheet(T.Get(c, "import.reportFile"),
            [new(H("sheet")), new(H("row"), CellKind.Integer), new(H("kind")), new(H("status")), new(H("customer"), Width: 30), new(H("number")),
             new(H("detail"), Width: 60)], rows)
        {
            TitleLines = [run.FileName],
        }]);
    }
}
