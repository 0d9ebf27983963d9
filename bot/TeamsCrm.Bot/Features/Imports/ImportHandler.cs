using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// The import in the chat: <c>import</c> and Import customers (on a received ledger) → the mapping card → Check → (the
/// report comes from <see cref="ImportDesk"/>) → owners settled, Check again → Apply → (done). The run's id is the id of the
/// ledger in the sales manager's inbox; every press finds the run in the store and acts only for the person who started it.
/// </summary>
public static class ImportHandler
{
    public static async Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        if (!ImportAccess.MayImport(await directory.FindAsync(turn.User.AadObjectId, ct))) return Reply.Text(T.Get(c, "import.notAllowed"));
        var ledgers = (await archive.Documents.InboxAsync(turn.User.AadObjectId, ct)).Where(LedgerSpool.IsLedger).ToList();
        return ledgers.Count == 0 ? Reply.Text(T.Get(c, "import.how"))
            : Reply.Card(ImportCards.Waiting(c, [.. ledgers.Select(d => (d.Id, d.OriginalName))]));
    }

    /// <summary>Import customers: the ledger read far enough to propose how (its headers), the run opened, the mapping card.</summary>
    public static async Task<Reply> Start(Turn turn, ICrmArchive archive, IDirectory directory, LedgerImporter importer, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (!ImportAccess.MayImport(me)) return Closed(c, T.Get(c, "import.notAllowed"));
        if (turn.DataString("document") is not { Length: > 0 and <= 64 } id
            || await archive.Documents.GetAsync(id, ct) is not { IsFiled: false } document
            || !string.Equals(document.UploadedByAadObjectId, me!.AadObjectId, StringComparison.OrdinalIgnoreCase))
            return Closed(c, T.Get(c, "import.gone"));
        if (!LedgerSpool.IsLedger(document)) return Closed(c, T.Get(c, "import.notSpreadsheet", document.OriginalName));
        if (await archive.Imports.GetAsync(id, ct) is { } started) return await Resume(turn, archive, started, ct);

        await using var spool = await LedgerSpool.OpenAsync(archive.Documents, id, ct);
        if (spool is null) return Closed(c, T.Get(c, "import.gone"));
        LedgerMapping mapping;
        try
        {
            mapping = importer.Propose(spool.Source);
        }
        catch (WorkbookRefusedException e)
        {
            return Closed(c, ImportText.Refused(e, c, importer.MaxRows));
        }
        var now = clock.GetUtcNow();
        var run = await archive.Imports.CreateAsync(new ImportRun
        {
            Id = id, FileName = spool.Source.FileName, FileHash = spool.Source.Sha256, ImporterAadObjectId = me.AadObjectId, Mapping = mapping,
            CreatedAt = now, UpdatedAt = now,
        }, ct);
        return Reply.ReplaceCard(ImportCards.Mapping(c, run, await ImportedBeforeAsync(archive, run, ct), turn.TimeZone));
    }

    /// <summary>Check: the card's mapping and owner choices into the run, then the dry run in the background.</summary>
    public static async Task<Reply> Check(Turn turn, ICrmArchive archive, IDirectory directory, ImportDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var (open, answer) = await OpenRunAsync(turn, archive, directory, ct);
        if (open is not { } run) return answer!;
        var (mapping, errors, kindChanged) = ReadMapping(turn, run.Mapping);
        if (errors.Count > 0 || mapping.Sheets.All(s => s.Kind == SheetKind.Ignored))
            return Reply.ReplaceCard(ImportCards.Mapping(c, run, await ImportedBeforeAsync(archive, run, ct), turn.TimeZone,
                new MappingState(new FormState(turn.Data, errors), errors.Count > 0 ? null : T.Get(c, "import.nothingToRead"))));
        var owners = new Dictionary<string, string>(run.OwnerMap, StringComparer.OrdinalIgnoreCase);
        if (turn.Data["owners"] is JsonArray names)
            for (var i = 0; i < Math.Min(names.Count, ImportCards.Owners); i++)
                if (names[i] is JsonValue v && v.TryGetValue<string>(out var name) && name.Length is > 0 and <= 255
                    && turn.DataString($"owner.{i}") is { Length: > 0 and <= 255 } person && person != ImportCards.None)
                    owners[name] = person;   // a name → a person of the directory (the import checks they may own files)
        try
        {
            run = await archive.Imports.SaveAsync(run with { Mapping = mapping, OwnerMap = owners, Counts = null, UpdatedAt = clock.GetUtcNow() }, ct);
        }
        catch (ImportRunConflictException)
        {
            return Closed(c, T.Get(c, "import.alreadyApplying", run.FileName));
        }
        if (kindChanged)
            return Reply.ReplaceCard(ImportCards.Mapping(c, run, await ImportedBeforeAsync(archive, run, ct), turn.TimeZone,
                new MappingState(ImportCards.FreshValues(mapping), T.Get(c, "import.kindChanged"))));
        desk.Queue(new ImportJob(run.Id, Apply: false, c));
        return Reply.ReplaceCard(ImportCards.Working(c, "import.checking", run.FileName));
    }

    /// <summary>Apply: only a run whose dry run reported on its present mapping and owners; the run is held, the apply queued.</summary>
    public static async Task<Reply> Apply(Turn turn, ICrmArchive archive, IDirectory directory, ImportDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var (open, answer) = await OpenRunAsync(turn, archive, directory, ct);
        if (open is not { } run) return answer!;
        if (run.Counts is null) return Closed(c, T.Get(c, "import.checkFirst"));
        if (run.Counts.Customers + run.Counts.Contacts + run.Counts.Entries + run.Counts.Visits == 0) return Closed(c, T.Get(c, "import.nothingToApply"));
        var now = clock.GetUtcNow();
        if ((await archive.Imports.ForFileAsync(run.FileHash, ct)).Any(r => r.Id != run.Id && r.Status == ImportStatus.Applying && r.LeaseUntil > now))
            return Closed(c, T.Get(c, "import.alreadyApplying", run.FileName));   // the same ledger sent twice, applied from the other card
        try
        {
            run = await archive.Imports.SaveAsync(run with { Status = ImportStatus.Applying, UpdatedAt = now, LeaseUntil = now + ImportProgress.Lease }, ct);
        }
        catch (ImportRunConflictException)
        {
            return Closed(c, T.Get(c, "import.alreadyApplying", run.FileName));
        }
        desk.Queue(new ImportJob(run.Id, Apply: true, c));
        return Reply.ReplaceCard(ImportCards.Working(c, "import.applying", run.FileName));
    }

    public static async Task<Reply> Discard(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        var (open, answer) = await OpenRunAsync(turn, archive, directory, ct);
        if (open is not { } run) return answer!;
        if (await archive.Documents.GetAsync(run.Id, ct) is { IsFiled: false } document) await archive.Documents.DeleteAsync(document, ct);
        return Closed(c, T.Get(c, "import.discarded", run.FileName));
    }

    /// <summary>The card's run, if the presser started it and it is still open; otherwise the answer to give.</summary>
    static async Task<(ImportRun? Run, Reply? Answer)> OpenRunAsync(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (!ImportAccess.MayImport(me)) return (null, Closed(c, T.Get(c, "import.notAllowed")));
        if (turn.DataString("run") is not { Length: > 0 and <= 64 } id || await archive.Imports.GetAsync(id, ct) is not { } run
            || !ImportAccess.MayDrive(me, run))
            return (null, Closed(c, T.Get(c, "import.gone")));
        return run.Status switch
        {
            ImportStatus.Applying => (null, Closed(c, T.Get(c, "import.alreadyApplying", run.FileName))),
            ImportStatus.Completed => (null, Closed(c, T.Get(c, "import.alreadyDone", run.FileName))),
            _ => (run, null),
        };
    }

    /// <summary>Import customers pressed again on a ledger already started: its mapping card, or where it stands.</summary>
    static async Task<Reply> Resume(Turn turn, ICrmArchive archive, ImportRun run, CancellationToken ct)
    {
        var c = turn.Culture;
        return run.Status switch
        {
            ImportStatus.Applying => Closed(c, T.Get(c, "import.alreadyApplying", run.FileName)),
            ImportStatus.Completed => Closed(c, T.Get(c, "import.alreadyDone", run.FileName)),
            _ => Reply.ReplaceCard(ImportCards.Mapping(c, run, await ImportedBeforeAsync(archive, run, ct), turn.TimeZone)),
        };
    }

    /// <summary>
    /// The mapping as the card sends it: each sheet's kind (a changed kind maps its columns again from their headers, and the
    /// card is shown again to check them), each offered column's field. A sheet the import could not read has its message.
    /// </summary>
    static (LedgerMapping Mapping, Dictionary<string, string> Errors, bool KindChanged) ReadMapping(Turn turn, LedgerMapping mapping)
    {
        var c = turn.Culture;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var kindChanged = false;
        foreach (var sheet in mapping.Sheets.Take(ImportCards.Sheets))
        {
            var id = ImportCards.SheetId(sheet);
            if (turn.DataString(id) is not { } sent) continue;   // not on the card (the report's Check again)
            if (!Enum.TryParse<SheetKind>(sent, out var kind) || !Enum.IsDefined(kind))
            {
                errors[id] = T.Get(c, "form.choice");
                continue;
            }
            if (kind != sheet.Kind)
            {
                mapping = mapping.WithKind(sheet.Sheet, kind);
                kindChanged = true;
                continue;
            }
            foreach (var col in sheet.Columns.Where(col => ImportCards.IsEditable(sheet, col)))
            {
                var columnId = ImportCards.ColumnId(sheet, col.Column);
                if (turn.DataString(columnId) is not { } field) continue;
                var leftOut = field is "" or ImportCards.None;
                if (!leftOut && !LedgerFields.Of(kind).Contains(field)) errors[columnId] = T.Get(c, "form.choice");
                else mapping = mapping.WithColumn(sheet.Sheet, col.Column, leftOut ? null : field);
            }
            if (mapping.Sheet(sheet.Sheet) is { IsUsable: false } read && !errors.ContainsKey(id))
                errors[id] = read.MappedTwice.Any()
                    ? T.Get(c, "import.twice", string.Join(", ", read.MappedTwice.Select(f => ImportCards.FieldLabel(c, f))))
                    : T.Get(c, "import.needs", string.Join("; ", read.Missing.Select(any => string.Join(" / ", any.Select(f => ImportCards.FieldLabel(c, f))))));
        }
        return (mapping, errors, kindChanged && errors.Count == 0);
    }

    /// <summary>When a run of the same content was completed before ("this file was imported on …").</summary>
    static async Task<DateTimeOffset?> ImportedBeforeAsync(ICrmArchive archive, ImportRun run, CancellationToken ct) =>
        (await archive.Imports.ForFileAsync(run.FileHash, ct)).Where(r => r.Id != run.Id && r.Status == ImportStatus.Completed)
            .Select(r => (DateTimeOffset?)r.UpdatedAt).Max();

    static Reply Closed(System.Globalization.CultureInfo c, string text) => Reply.ReplaceCard(ImportCards.Closed(c, text));
}
