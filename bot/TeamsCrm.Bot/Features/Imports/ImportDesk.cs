using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>A check (dry run) or an apply of a run, for the background; <paramref name="Culture"/> is the importer's language.</summary>
public sealed record ImportJob(string RunId, bool Apply, CultureInfo Culture);

/// <summary>
/// The chat import's background half. A dry run of 10,000 rows on SharePoint takes longer than Teams waits for a card's
/// answer, so the card presses only change the run (its mapping, owners, status) and queue a job; the job reads the ledger
/// from the sales manager's inbox and posts its card to their 1:1 chat. An apply cut short (a crash, a restart, Graph down)
/// stays "applying" in the archive; once its lease has passed any instance resumes it where it stopped, exactly once (the
/// run's version guards every save, the rows' import keys every write).
/// </summary>
public sealed partial class ImportDesk(ICrmArchive archive, IDirectory directory, LedgerImporter importer, IChannelMessenger messenger,
    DownloadLinks links, TimeProvider clock, IOptions<ImportOptions> options, ILogger<ImportDesk> log)
{
    readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Queue(ImportJob job) => _jobs.Writer.TryWrite(job);

    internal ChannelReader<ImportJob> Jobs => _jobs.Reader;

    public async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        if (await archive.Imports.GetAsync(job.RunId, ct) is not { } run
            || run.Status != (job.Apply ? ImportStatus.Applying : ImportStatus.Open)) return;   // decided meanwhile: nothing to do
        var c = job.Culture;
        if (await directory.FindAsync(run.ImporterAadObjectId, ct) is not { } me || !ImportAccess.MayImport(me)) return;
        await using var spool = await LedgerSpool.OpenAsync(archive.Documents, run.Id, ct);
        if (spool is null || spool.Source.Sha256 != run.FileHash)
        {
            await TellAsync(run, ImportCards.Closed(c, T.Get(c, "import.gone")), ct);
            return;
        }
        var request = new ImportRequest(me, run.OwnerMap, c, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        try
        {
            if (job.Apply) await ApplyAsync(spool.Source, run, request, ct);
            else await CheckAsync(spool.Source, run, request, ct);
        }
        catch (WorkbookRefusedException e)
        {
            // Refused while read: the apply reads the whole file before its first write, so nothing is half-imported.
            if (job.Apply) await archive.Imports.SaveAsync(run with { Status = ImportStatus.Open, LeaseUntil = null, UpdatedAt = clock.GetUtcNow() }, ct);
            await TellAsync(run, ImportCards.Closed(c, ImportText.Refused(e, c, options.Value.MaxRows)), ct);
        }
    }

    async Task CheckAsync(LedgerSource source, ImportRun run, ImportRequest request, CancellationToken ct)
    {
        var c = request.Culture;
        var report = await importer.DryRunAsync(source, run.Mapping, request, ct: ct);
        try
        {
            run = await archive.Imports.SaveAsync(run with { Counts = report.Counts, UpdatedAt = clock.GetUtcNow() }, ct);
        }
        catch (ImportRunConflictException)
        {
            return;   // changed (checked again, applied) meanwhile: that later press has its own answer
        }
        var people = await OwnersAsync(ct);
        var names = people.ToDictionary(p => p.AadObjectId, p => p.Name, StringComparer.OrdinalIgnoreCase);
        var mapped = run.OwnerMap.ToDictionary(m => m.Key, m => names.GetValueOrDefault(m.Value, m.Value), StringComparer.Ordinal);
        var url = links.For(run.ImporterAadObjectId, DownloadKind.ImportReport, run.Id, c, DownloadFormat.Xlsx);
        await TellAsync(run, ImportCards.Report(c, run, report, url, [.. people.Select(p => (p.Name, p.AadObjectId))], mapped), ct);
    }

    async Task ApplyAsync(LedgerSource source, ImportRun run, ImportRequest request, CancellationToken ct)
    {
        ImportReport report;
        try
        {
            report = await importer.ApplyAsync(source, run, request, ct: ct);
        }
        catch (ImportRunConflictException)
        {
            LogTaken(log, run.Id);   // another instance resumed it first
            return;
        }
        // The ledger has done its work: out of the inbox (the run keeps its name and hash, each file its row).
        if (await archive.Documents.GetAsync(run.Id, ct) is { IsFiled: false } document) await archive.Documents.DeleteAsync(document, ct);
        await TellAsync(run, ImportCards.Done(request.Culture, run, report), ct);
    }

    /// <summary>Applies cut short, once their lease has passed: resumed in the importer's own language.</summary>
    public async Task<int> ResumeDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var resumed = 0;
        foreach (var run in await archive.Imports.UnfinishedAsync(ct))
        {
            if (run.LeaseUntil > now || await archive.Documents.GetAsync(run.Id, ct) is null) continue;   // held, or a command line's run
            try
            {
                // Claimed first, guarded by the run's version: of two instances sweeping at once, one resumes it.
                await archive.Imports.SaveAsync(run with { LeaseUntil = now + ImportProgress.Lease, UpdatedAt = now }, ct);
            }
            catch (ImportRunConflictException)
            {
                continue;
            }
            var user = await archive.Conversations.FindUserAsync(run.ImporterAadObjectId, ct);
            LogResuming(log, run.Id, run.FileName);
            await RunAsync(new ImportJob(run.Id, Apply: true, T.CultureFor(user?.Locale ?? options.Value.Language)), ct);
            resumed++;
        }
        return resumed;
    }

    /// <summary>Everyone who may own files, by name: the owner choices on the report card.</summary>
    async Task<IReadOnlyList<Person>> OwnersAsync(CancellationToken ct)
    {
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in (Role[])[Role.Rep, Role.Supervisor, Role.SalesManager, Role.KeyAccountDirector, Role.GeneralManager])
            foreach (var p in await directory.WithRoleAsync(role, ct))
                if (CustomerAccess.MayCreate(p)) people.TryAdd(p.AadObjectId, p);
        return [.. people.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture).Take(MaxOwnerChoices)];
    }

    async Task TellAsync(ImportRun run, System.Text.Json.Nodes.JsonObject card, CancellationToken ct)
    {
        if (await archive.Conversations.FindUserAsync(run.ImporterAadObjectId, ct) is not { } user
            || await messenger.SendCardAsync(user, card, ct) is null) LogUnreachable(log, run.Id);
    }

    /// <summary>A card's choice set stays usable; a company with more owners maps the rest with the command line's owner map.</summary>
    const int MaxOwnerChoices = 200;

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {RunId} ({FileName}): resuming an apply cut short")]
    static partial void LogResuming(ILogger logger, string runId, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {RunId} was taken by another apply")]
    static partial void LogTaken(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import run {RunId}: the importer cannot be reached in their 1:1 chat")]
    static partial void LogUnreachable(ILogger logger, string runId);
}
