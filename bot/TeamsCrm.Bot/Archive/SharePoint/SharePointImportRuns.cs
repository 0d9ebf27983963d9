using TeamsCrm.Bot.Domain.Imports;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Import runs in the list "TeamsCrm Import Runs": one item each, Title = the run id (unique). A run's version carries its
/// item id and eTag, so a save is one If-Match update with no read first (a stale eTag → 412 → the stored run, as a conflict).
/// </summary>
sealed class SharePointImportRuns(SharePointSite site, TimeProvider clock) : IImportRuns
{
    static readonly ListDef Runs = SharePointLists.ImportRuns;
    const char Separator = '|';

    public async Task<ImportRun> CreateAsync(ImportRun run, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var fields = Fields(run with { CreatedAt = now });
        fields["Title"] = run.Id;
        fields["FileHash"] = run.FileHash;
        fields["FileName"] = run.FileName;
        fields["Importer"] = run.ImporterAadObjectId;
        fields["CreatedAt"] = ItemFields.Wire(now);
        try
        {
            return Read(await site.CreateAsync(Runs, fields, ct));
        }
        catch (Exception e) when (SharePointSite.Is(e, 409))
        {
            return await GetAsync(run.Id, ct) ?? throw new InvalidOperationException($"Import run {run.Id} was refused as a duplicate but cannot be found.", e);
        }
    }

    public async Task<ImportRun?> GetAsync(string id, CancellationToken ct = default) =>
        await site.FindAsync(Runs, "Title", id, ct) is { } item && item.Text("Title") == id ? Read(item) : null;

    public async Task<ImportRun> SaveAsync(ImportRun run, CancellationToken ct = default)
    {
        var separator = run.Version.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0) throw new ImportRunConflictException(await GetAsync(run.Id, ct) ?? throw new KeyNotFoundException($"There is no import run {run.Id}."));
        var (itemId, eTag) = (run.Version[..separator], run.Version[(separator + 1)..]);
        try
        {
            var fields = Fields(run);
            var saved = await site.UpdateAsync(Runs, itemId, eTag, fields, ct);
            // Graph answers the item's whole field set; should it answer less, the run as sent is what is stored now.
            return saved.Text("Title") == run.Id ? Read(Merge(saved, itemId))
                : run with { Version = Version(itemId, saved.ETag), UpdatedAt = ItemFields.Stored(clock.GetUtcNow()) };
        }
        catch (Exception e) when (SharePointSite.Is(e, 412) || SharePointSite.Is(e, 404))
        {
            throw new ImportRunConflictException(await GetAsync(run.Id, ct) ?? throw new KeyNotFoundException($"There is no import run {run.Id}."));
        }
    }

    public async Task<IReadOnlyList<ImportRun>> ForFileAsync(string fileHash, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Runs, ODataFilter.Eq("FileHash", fileHash), ct)).Where(i => string.Equals(i.Text("FileHash"), fileHash, StringComparison.OrdinalIgnoreCase))
            .Select(Read).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<ImportRun>> UnfinishedAsync(CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Runs, ODataFilter.Eq("RunStatus", nameof(ImportStatus.Applying)), ct))
            .Select(Read).Where(r => r.Status == ImportStatus.Applying).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    /// <summary>What a save changes (null clears: a lease given up, counts not yet known).</summary>
    Dictionary<string, object?> Fields(ImportRun run) => new()
    {
        ["RunStatus"] = run.Status.ToString(), ["Mapping"] = ImportRunJson.Mapping(run.Mapping), ["OwnerMap"] = ImportRunJson.Map(run.OwnerMap),
        ["RowsDone"] = ImportRunJson.Map(run.RowsDone), ["Counts"] = ImportRunJson.Counts(run.Counts),
        ["UpdatedAt"] = ItemFields.Wire(clock.GetUtcNow()), ["LeaseUntil"] = ItemFields.Wire(run.LeaseUntil),
    };

    /// <summary>A PATCH answers the fields only; the item id is the one written to.</summary>
    static ItemFields Merge(ItemFields saved, string itemId) => saved.Id.Length > 0 ? saved : new ItemFields(saved.ETag, saved.Values, itemId);

    static string Version(string itemId, string eTag) => itemId + Separator + eTag;

    static ImportRun Read(ItemFields i) => new()
    {
        Id = i.Text("Title")!, FileName = i.Text("FileName") ?? "", FileHash = i.Text("FileHash") ?? "", ImporterAadObjectId = i.Text("Importer") ?? "",
        Mapping = ImportRunJson.Mapping(i.Text("Mapping") ?? "{}"), OwnerMap = ImportRunJson.Map<string>(i.Text("OwnerMap")),
        Status = Enum.TryParse<ImportStatus>(i.Text("RunStatus"), out var status) ? status : ImportStatus.Open,
        RowsDone = ImportRunJson.Map<int>(i.Text("RowsDone")), Counts = ImportRunJson.Counts(i.Text("Counts")),
        CreatedAt = i.Time("CreatedAt") ?? default, UpdatedAt = i.Time("UpdatedAt") ?? default, LeaseUntil = i.Time("LeaseUntil"),
        Version = Version(i.Id, i.ETag),
    };
}
