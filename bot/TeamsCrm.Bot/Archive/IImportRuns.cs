using TeamsCrm.Bot.Domain.Imports;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// Import runs (<see cref="ImportRun"/>): a small store, one record per run. Saves are guarded by the run's version, so two
/// presses of Apply (or two instances) never both hold a run. SharePoint: the list "TeamsCrm Import Runs", Title = the run
/// id (unique), FileHash and RunStatus indexed, mapping, owner map, progress and counts as JSON.
/// </summary>
public interface IImportRuns
{
    /// <summary>Stores a new run (its version is set); the same id twice returns the run stored first.</summary>
    Task<ImportRun> CreateAsync(ImportRun run, CancellationToken ct = default);

    Task<ImportRun?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Saves the run if the stored one is still at <see cref="ImportRun.Version"/>; otherwise throws
    /// <see cref="ImportRunConflictException"/> and changes nothing. The id, file, importer and creation time never change.
    /// </summary>
    Task<ImportRun> SaveAsync(ImportRun run, CancellationToken ct = default);

    /// <summary>Every run of the file with this content, newest first: "this file was imported on …".</summary>
    Task<IReadOnlyList<ImportRun>> ForFileAsync(string fileHash, CancellationToken ct = default);

    /// <summary>Runs still applying (a crashed apply's among them, once its lease has passed), oldest first.</summary>
    Task<IReadOnlyList<ImportRun>> UnfinishedAsync(CancellationToken ct = default);
}

/// <summary>The run was saved by someone else first. <see cref="Current"/> is what is stored now.</summary>
public sealed class ImportRunConflictException(ImportRun current)
    : Exception($"Import run {current.Id} was saved meanwhile (now version {current.Version}).")
{
    public ImportRun Current { get; } = current;
}
