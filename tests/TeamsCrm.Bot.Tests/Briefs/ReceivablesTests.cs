using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Briefs;

public sealed class ReceivablesTests
{
    static ArchiveEntry E(string id, EntryType type, string date, decimal? amount) =>
        new(id, "C-2026-00042", EntryTypes.CategoryOf(type), type, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount,
            null, null, null, "rep", DateTimeOffset.UnixEpoch);

    static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void Repayments_settle_the_oldest_debts_first_and_what_is_left_past_the_term_is_overdue()
    {
        var r = Receivables.Of([
            E("d1", EntryType.Debt, "2026-09-01", 30_000m), E("d2", EntryType.Debt, "2026-10-20", 20_000m), E("d3", EntryType.Debt, "2026-11-30", 10_000m),
            E("r1", EntryType.Repayment, "2026-10-01", 25_000m), E("c1", EntryType.Contract, "2026-08-01", 99_000m)], Today, paymentTermDays: 30);

        // d1 has 5,000 left (overdue since 09-01), d2 20,000 (overdue: 10-20 + 30 < 12-07), d3 10,000 within its term.
        Assert.Equal(new ReceivableBalance(35_000m, 25_000m, new DateOnly(2026, 9, 1)), r);
    }

    [Fact]
    public void Repaid_in_full_or_nothing_owed_is_nothing_outstanding()
    {
        Assert.Equal(new ReceivableBalance(0, 0, null), Receivables.Of([E("d1", EntryType.Debt, "2026-01-01", 100m), E("r1", EntryType.Repayment, "2026-02-01", 150m)], Today, 30));
        Assert.Equal(new ReceivableBalance(0, 0, null), Receivables.Of([E("d1", EntryType.Debt, "2026-01-01", null)], Today, 30));
        Assert.Equal(new ReceivableBalance(100m, 0, null), Receivables.Of([E("d1", EntryType.Debt, "2026-11-07", 100m)], Today, 30));   // on its last day
    }
}
