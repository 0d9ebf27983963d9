using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>Monthly reports keyed by rep and month; a resubmission keeps the first submission's time and lateness.</summary>
sealed class SqliteMarketReports(SqliteDatabase db) : IMarketReports
{
    public async Task<MarketReport> SubmitAsync(MarketReport m, CancellationToken ct = default)
    {
        await using (var c = db.Open())
        {
            await Sql.ExecAsync(c, """
                INSERT INTO market_reports (rep_aad_object_id, month, summary, forecast, problems, solutions, submitted_at, updated_at, late)
                VALUES ($rep, $month, $summary, $forecast, $problems, $solutions, $at, $at, $late)
                ON CONFLICT(rep_aad_object_id, month) DO UPDATE SET summary = $summary, forecast = $forecast, problems = $problems,
                    solutions = $solutions, updated_at = $at
                """, ct, ("$rep", m.RepAadObjectId), ("$month", m.Month.ToString()), ("$summary", m.Summary), ("$forecast", m.Forecast),
                ("$problems", m.Problems), ("$solutions", m.Solutions), ("$at", Sql.Iso(m.UpdatedAt)), ("$late", m.Late ? 1 : 0));
        }
        return await GetAsync(m.RepAadObjectId, m.Month, ct) ?? throw new InvalidOperationException("The report just stored is missing.");
    }

    public async Task<MarketReport?> GetAsync(string repAadObjectId, YearMonth month, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return (await Sql.ListAsync(c, "SELECT * FROM market_reports WHERE rep_aad_object_id = $rep AND month = $month", Read, ct,
            ("$rep", repAadObjectId), ("$month", month.ToString()))).SingleOrDefault();
    }

    public async Task<IReadOnlyList<MarketReport>> ForMonthAsync(YearMonth month, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, "SELECT * FROM market_reports WHERE month = $month ORDER BY rep_aad_object_id", Read, ct, ("$month", month.ToString()));
    }

    static MarketReport Read(SqliteDataReader r)
    {
        var month = r.Text("month");
        return new MarketReport(r.Text("rep_aad_object_id"), new YearMonth(int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(month[5..], System.Globalization.CultureInfo.InvariantCulture)),
            r.Text("summary"), r.Text("forecast"), r.Text("problems"), r.Text("solutions"), r.Time("submitted_at"), r.Time("updated_at"),
            r.Integer("late") == 1);
    }
}
