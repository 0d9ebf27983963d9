using TeamsCrm.Bot.Web;
using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Targets;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Exports;

/// <summary>
/// GET /export: serves a signed link as a CSV or .xlsx download (the format is part of what was signed), or a visit
/// ledger workbook. A missing, tampered or expired link, or one whose maker may no longer see the table, is answered
/// 403 with nothing in it; the figures are computed now, from the archive.
/// </summary>
public static class ExportEndpoint
{
    public static void MapExports(this WebApplication app) => app.MapGet("/export", ServeAsync);

    static async Task<IResult> ServeAsync(HttpRequest http, DownloadLinks links, IDirectory directory, ICrmArchive archive, DueVisits dueVisits,
        TimeProvider clock, CancellationToken ct)
    {
        if (links.Verify(http.Query) is not { } request) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var me = await directory.FindAsync(request.UserAadObjectId, ct);
        var c = request.Culture;
        if (request.Kind == DownloadKind.Ledger)
            return request.Format == DownloadFormat.Xlsx && LedgerRequest.Parse(request.Argument) is { } ledger
                && await Ledgers.BuildAsync(c, request.UserAadObjectId, ledger, archive, directory, ct) is { } sheets
                ? TableFile.Workbook(ledger.FileId, sheets)
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        var table = request.Kind switch
        {
            DownloadKind.TeamScore when TargetRules.MaySeeTeam(me) && TargetEffects.MonthOf("targets:" + request.Argument) is { } month =>
                ScoreTable(c, month, await SalesFigures.ForAsync(await ScoreHandler.TeamRepsAsync(me!, directory, ct), month, archive, ct)),
            DownloadKind.Analysis when AnalysisHandler.MaySee(me) =>
                (await AnalysisReport.BuildAsync(c, await AnalysisHandler.PeopleAsync(me!, directory, ct), archive, directory, dueVisits.Intervals,
                    clock.GetUtcNow(), TimeZoneInfo.Utc, ct))
                    .FirstOrDefault(t => t.Id == request.Argument),
            DownloadKind.History when AnalysisHandler.MaySee(me) => await CustomerHistory.TableAsync(c, request.Argument, archive, directory, ct),
            _ => null,
        };
        if (table is null) return Results.StatusCode(StatusCodes.Status403Forbidden);
        return TableFile.Serve(table, request.Format);
    }

    public static FigureTable ScoreTable(CultureInfo c, YearMonth month, IReadOnlyList<Domain.Targets.ScoreLine> lines) =>
        new($"score-{month}", T.Get(c, "scores.teamTitle", month), "",
            [T.Get(c, "scores.rank"), T.Get(c, "scores.rep"), T.Get(c, "scores.target"), T.Get(c, "scores.actual"), T.Get(c, "scores.percent"), T.Get(c, "scores.score")],
            [.. lines.Select((l, i) => (IReadOnlyList<string>)[
                l.Score is null ? "" : (i + 1).ToString(CultureInfo.InvariantCulture), l.RepName,
                l.Target?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", l.Actual.ToString("0.00", CultureInfo.InvariantCulture),
                l.Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", l.Score?.ToString(CultureInfo.InvariantCulture) ?? ""])])
        { Kinds = [CellKind.Integer, CellKind.Text, CellKind.Money, CellKind.Money, CellKind.Decimal, CellKind.Integer] };
}
