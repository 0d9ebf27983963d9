using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Imports;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// How far an apply has got, kept in its import run after every batch (and the run held by a lease renewed with it). Rows up
/// to where an earlier apply of the same file got are not written again: the customers' import keys find them, and their
/// contacts, contracts and other rows went in with them.
/// </summary>
sealed class ImportProgress(IImportRuns runs, ImportRun run, IReadOnlyDictionary<string, int> doneBefore, TimeProvider clock)
{
    /// <summary>A crashed apply's run is free again this long after its last batch.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public ImportRun Run { get; private set; } = run;

    /// <summary>Whether an earlier apply finished this row (all its writes are in).</summary>
    public bool IsDone(string sheet, int row) => doneBefore.TryGetValue(sheet, out var done) && row <= done;

    public async Task DoneAsync(string sheet, int row, CancellationToken ct)
    {
        if (Run.RowsDone.TryGetValue(sheet, out var done) && done >= row) return;
        var now = clock.GetUtcNow();
        Run = await runs.SaveAsync(Run with
        {
            RowsDone = new Dictionary<string, int>(Run.RowsDone) { [sheet] = row }, UpdatedAt = now, LeaseUntil = now + Lease,
        }, ct);
    }
}
