using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// The ledger import, for the chat flow and the command line alike: propose how to read a workbook, dry-run it (nothing
/// written), apply it. An apply reads the whole file once before its first write, so a file refused half-way (past the row
/// limit, damaged) leaves nothing half-imported; then it writes batch by batch under its import run, and an apply cut short
/// is resumed by applying the same run again.
/// </summary>
public sealed partial class LedgerImporter(ICrmArchive archive, IDirectory directory, TimeProvider clock, IOptions<ImportOptions> options,
    ILogger<LedgerImporter> log)
{
    ImportOptions O => options.Value;

    /// <summary>Data rows a sheet may have (Import:MaxRows), for the message that refuses a larger file.</summary>
    public int MaxRows => O.MaxRows;

    /// <summary>The mapping the headers suggest. Throws <see cref="WorkbookRefusedException"/> for a file that is no ledger.</summary>
    public LedgerMapping Propose(LedgerSource source)
    {
        using var reader = source.Open(O.MaxRows);
        return MappingProposer.Propose(reader);
    }

    /// <summary>What the apply would do, row by row; nothing is written.</summary>
    public async Task<ImportReport> DryRunAsync(LedgerSource source, LedgerMapping mapping, ImportRequest request, Action<RowVerdict>? sink = null,
        CancellationToken ct = default)
    {
        var report = new ImportReport { FileName = source.FileName };
        await PassAsync(source, mapping, request, report, sink, progress: null, ct);
        return report;
    }

    /// <summary>
    /// A new run for the file (Open), or the run an earlier apply of the same file left unfinished. Throws
    /// <see cref="ImportRunConflictException"/> when another apply holds it.
    /// </summary>
    public async Task<ImportRun> StartAsync(LedgerSource source, LedgerMapping mapping, ImportRequest request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var earlier = await archive.Imports.ForFileAsync(source.Sha256, ct);
        if (earlier.FirstOrDefault(r => r.Status == ImportStatus.Applying) is { } unfinished)
        {
            if (unfinished.LeaseUntil > now) throw new ImportRunConflictException(unfinished);
            return unfinished;
        }
        return await archive.Imports.CreateAsync(new ImportRun
        {
            Id = Guid.NewGuid().ToString("N"), FileName = source.FileName, FileHash = source.Sha256, ImporterAadObjectId = request.Importer.AadObjectId,
            Mapping = mapping, OwnerMap = request.OwnerMap, CreatedAt = now, UpdatedAt = now,
        }, ct);
    }

    /// <summary>Applies the run: files what its dry run says will be created, resuming where an earlier apply of the file stopped.</summary>
    public async Task<ImportReport> ApplyAsync(LedgerSource source, ImportRun run, ImportRequest request, Action<RowVerdict>? sink = null,
        CancellationToken ct = default)
    {
        if (run.FileHash != source.Sha256) throw new InvalidOperationException("The import run belongs to another file.");
        Scan(source, run.Mapping);
        var now = clock.GetUtcNow();
        // Where earlier applies of this file got: this run's own progress if it was cut short, a completed run's otherwise.
        var done = (await archive.Imports.ForFileAsync(source.Sha256, ct)).Where(r => r.Id == run.Id || r.Status == ImportStatus.Completed)
            .SelectMany(r => r.RowsDone).GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Max(d => d.Value), StringComparer.Ordinal);
        run = await archive.Imports.SaveAsync(run with { Status = ImportStatus.Applying, UpdatedAt = now, LeaseUntil = now + ImportProgress.Lease }, ct);
        LogApplying(run.Id, source.FileName);
        var progress = new ImportProgress(archive.Imports, run, done, clock);
        var report = new ImportReport { FileName = source.FileName, Applied = true };
        await PassAsync(source, run.Mapping, request, report, sink, progress, ct);
        await archive.Imports.SaveAsync(progress.Run with
        {
            Status = ImportStatus.Completed, Counts = report.Counts, UpdatedAt = clock.GetUtcNow(), LeaseUntil = null,
        }, ct);
        LogApplied(run.Id, report.Counts.Customers, report.Counts.Contacts, report.Counts.Entries, report.Counts.Visits);
        return report;
    }

    async Task PassAsync(LedgerSource source, LedgerMapping mapping, ImportRequest request, ImportReport report, Action<RowVerdict>? sink,
        ImportProgress? progress, CancellationToken ct)
    {
        var owners = await OwnerDirectory.LoadAsync(directory, request.OwnerMap, ct);
        using var reader = source.Open(O.MaxRows);
        await new ImportPass(archive, source, request, owners, clock, O.BatchSize, report, sink, progress).RunAsync(reader, mapping, ct);
    }

    /// <summary>Every row of every sheet read, as the apply will read them: a file refused anywhere is refused before the first write.</summary>
    void Scan(LedgerSource source, LedgerMapping mapping)
    {
        using var reader = source.Open(O.MaxRows);
        foreach (var sheet in mapping.InReadingOrder())
        {
            var book = reader.Sheets.FirstOrDefault(s => s.Name == sheet.Sheet) ?? throw new WorkbookRefusedException(WorkbookProblem.Damaged, sheet.Sheet);
            foreach (var _ in reader.Rows(book)) { }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {RunId}: applying {FileName}")]
    partial void LogApplying(string runId, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {RunId} applied: {Customers} customers, {Contacts} contacts, {Entries} entries, {Visits} visits")]
    partial void LogApplied(string runId, int customers, int contacts, int entries, int visits);
}
