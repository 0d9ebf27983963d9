using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive;

/// <summary>Monthly market-analysis reports (月报), one per rep and month.</summary>
public interface IMarketReports
{
    /// <summary>
    /// Stores the rep's report for the month. The first submission is stored as given; a later one replaces the four
    /// texts and <see cref="MarketReport.UpdatedAt"/> but keeps the first <see cref="MarketReport.SubmittedAt"/> and
    /// <see cref="MarketReport.Late"/> (a report filed late stays late). Returns what is stored.
    /// </summary>
    Task<MarketReport> SubmitAsync(MarketReport report, CancellationToken ct = default);

    Task<MarketReport?> GetAsync(string repAadObjectId, YearMonth month, CancellationToken ct = default);

    /// <summary>Every report about the month, by rep.</summary>
    Task<IReadOnlyList<MarketReport>> ForMonthAsync(YearMonth month, CancellationToken ct = default);
}
