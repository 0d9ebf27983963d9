using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Imports;

namespace TeamsCrm.Bot.Access;

/// <summary>
/// Who may import ledgers: the sales manager, because an import files every customer in it as approved — the import is
/// their approval (recorded in each file's history). Decided from the directory's person for the authenticated user.
/// </summary>
public static class ImportAccess
{
    public static bool MayImport(Person? me) => me is not null && me.Is(Role.SalesManager);

    /// <summary>A run is driven (mapping, checks, apply, its report) only by the person who started it, while they may import.</summary>
    public static bool MayDrive(Person? me, ImportRun run) =>
        MayImport(me) && string.Equals(me!.AadObjectId, run.ImporterAadObjectId, StringComparison.OrdinalIgnoreCase);
}
