using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// Monthly sales targets and the sales they are measured against. A month's targets are one record
/// (<see cref="TargetSheet"/>), saved whole and guarded by its version; every query filters on one indexed field.
/// </summary>
public interface ISalesTargets
{
    Task<TargetSheet?> GetAsync(YearMonth month, CancellationToken ct = default);

    /// <summary>
    /// Saves <paramref name="sheet"/> if the stored sheet is still at <see cref="TargetSheet.Version"/> ("" = none stored
    /// yet); otherwise throws <see cref="TargetConflictException"/> and changes nothing.
    /// </summary>
    Task<TargetSheet> SaveAsync(TargetSheet sheet, CancellationToken ct = default);

    /// <summary>
    /// The signed contracts and orders (with an amount) of these customers dated from <paramref name="from"/> to
    /// <paramref name="to"/>, both included: per customer by its indexed number, the type and date checked after.
    /// </summary>
    Task<IReadOnlyList<ArchiveEntry>> SalesAsync(IReadOnlyCollection<string> customerNumbers, DateOnly from, DateOnly to,
        CancellationToken ct = default);
}

/// <summary>Someone saved the month's targets first. <see cref="Current"/> is what is stored now.</summary>
public sealed class TargetConflictException(TargetSheet current)
    : Exception($"The targets of {current.Month} were changed by someone else (now version {current.Version}).")
{
    public TargetSheet Current { get; } = current;
}
